//! Exercise: one counter, four threads
//! Four threads each count their share of the work into `total`, and
//! `count_in_parallel` returns the total. It returns 0: each thread counts
//! into something of its own. Make them share one counter, with no data race
//! (the compiler will not let you write one anyway).
// level: warm-up

use std::thread;

/// Counts `per_thread` units on each of four threads, into one total.
pub fn count_in_parallel(per_thread: u64) -> u64 {
    let mut total = 0u64;
    thread::scope(|s| {
        for _ in 0..4 {
            // `move` copies `total` (a u64 is Copy): each thread gets its own.
            s.spawn(move || {
                for _ in 0..per_thread {
                    total += 1;
                }
            });
        }
    });
    total
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
