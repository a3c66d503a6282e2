//! Exercise: done means all done
//! `process_all` starts one thread per item and returns when the group is
//! done, using a counter of threads still running as a hand-made WaitGroup.
//! It returns too early, before some threads have counted themselves in.
//! Make it wait for every item.
// practises: 5.5
// level: medium

use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// Doubles every item on threads of its own; returns when all are done.
pub fn process_all(items: Vec<u32>) -> Vec<u32> {
    let results = Arc::new(Mutex::new(Vec::new()));
    let running = Arc::new(AtomicUsize::new(0));
    for item in items {
        let (results, running) = (Arc::clone(&results), Arc::clone(&running));
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(300)); // connecting
            running.fetch_add(1, SeqCst); // Go's wg.Add(1), but inside the goroutine
            thread::sleep(Duration::from_millis(10));
            results.lock().unwrap().push(item * 2);
            running.fetch_sub(1, SeqCst); // wg.Done()
        });
    }
    while running.load(SeqCst) > 0 {
        thread::yield_now(); // wg.Wait()
    }
    let mut done = results.lock().unwrap().clone();
    done.sort();
    done
}

fn main() {
    println!("{:?}", process_all(vec![1, 2, 3]));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_done_when_it_returns() {
        assert_eq!(
            process_all((1..=32).collect()),
            (1..=32).map(|i| i * 2).collect::<Vec<_>>()
        );
    }
}
// ANCHOR_END: tests
