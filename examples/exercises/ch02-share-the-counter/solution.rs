//! A solution to the exercise "one counter, four threads".
// level: warm-up

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

/// Counts `per_thread` units on each of four threads, into one total.
pub fn count_in_parallel(per_thread: u64) -> u64 {
    // One counter, shared by reference: the scope outlives the threads.
    // Relaxed is enough: the scope's join orders every increment before the
    // final load.
    let total = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..per_thread {
                    total.fetch_add(1, Relaxed);
                }
            });
        }
    });
    total.into_inner()
}

fn main() {
    println!("{}", count_in_parallel(1000));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_is_counted_once() {
        assert_eq!(count_in_parallel(10_000), 40_000);
    }
}
// ANCHOR_END: tests
