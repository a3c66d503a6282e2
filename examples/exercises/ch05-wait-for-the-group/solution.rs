//! A solution to the exercise "done means all done".
// practises: 5.5
// level: medium

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// Doubles every item on threads of its own; returns when all are done.
pub fn process_all(items: Vec<u32>) -> Vec<u32> {
    let results = Arc::new(Mutex::new(Vec::new()));
    // The handles are the group: joining each is Go's wg.Wait, and a thread
    // is in the group from the moment it is spawned, so none is missed.
    let group: Vec<_> = items
        .into_iter()
        .map(|item| {
            let results = Arc::clone(&results);
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(300)); // connecting
                thread::sleep(Duration::from_millis(10));
                results.lock().unwrap().push(item * 2);
            })
        })
        .collect();
    for member in group {
        member.join().unwrap();
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
