//! A solution to the exercise "four threads, one list".
// level: warm-up

use std::sync::{Arc, Mutex};
use std::thread;

/// The multiples of 2, 3, 4 and 5 below 20, sorted, with repeats.
pub fn multiples() -> Vec<u32> {
    // One list, owned by the Arc, changed only under the lock.
    let found = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (2..=5)
        .map(|k| {
            let found = Arc::clone(&found);
            thread::spawn(move || {
                let mine: Vec<u32> = (1..20).filter(|n| n % k == 0).collect();
                found.lock().unwrap().extend(mine);
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let mut all = found.lock().unwrap().clone();
    all.sort();
    all
}

fn main() {
    println!("{:?}", multiples());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_multiple_is_in_the_one_list() {
        let mut expected: Vec<u32> = (2..=5)
            .flat_map(|k| (1..20).filter(move |n| n % k == 0))
            .collect();
        expected.sort();
        assert_eq!(multiples(), expected);
    }
}
// ANCHOR_END: tests
