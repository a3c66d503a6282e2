//! Exercise: an increment in one step
//! Four threads record page views on an atomic counter, and views go
//! missing. Each increment is a `load`, some work, then a `store`: another
//! thread's increment can land in between and be overwritten. Every atomic
//! operation is safe on its own, and the two together are still a race. Make
//! each increment one indivisible step.
// practises: 5.8 5.10
// level: warm-up

use std::sync::atomic::{AtomicU64, Ordering::SeqCst};
use std::thread;
use std::time::Duration;

/// Records one view.
pub fn record_view(views: &AtomicU64) {
    let seen = views.load(SeqCst);
    thread::sleep(Duration::from_millis(1)); // logging the view
    views.store(seen + 1, SeqCst);
}

/// Four threads, ten views each.
pub fn count_views() -> u64 {
    let views = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| (0..10).for_each(|_| record_view(&views)));
        }
    });
    views.into_inner()
}

fn main() {
    println!("{}", count_views());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_view_is_lost() {
        assert_eq!(count_views(), 40);
    }
}
// ANCHOR_END: tests
