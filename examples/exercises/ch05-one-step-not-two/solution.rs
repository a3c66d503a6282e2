//! A solution to the exercise "an increment in one step".
// practises: 5.8 5.10
// level: warm-up

use std::sync::atomic::{AtomicU64, Ordering::SeqCst};
use std::thread;
use std::time::Duration;

/// Records one view.
pub fn record_view(views: &AtomicU64) {
    thread::sleep(Duration::from_millis(1)); // logging the view
    // Read, add and write as one step: no increment can land in between.
    views.fetch_add(1, SeqCst);
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
