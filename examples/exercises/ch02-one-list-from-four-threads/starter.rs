//! Exercise: four threads, one list
//! Four threads each find the multiples of their number below 20 and add
//! them to `found`. Each thread gets a copy of the list, so the list that is
//! returned is empty. Give the four threads one list to share.
// level: warm-up

use std::thread;

/// The multiples of 2, 3, 4 and 5 below 20, sorted, with repeats.
pub fn multiples() -> Vec<u32> {
    let found: Vec<u32> = Vec::new();
    let workers: Vec<_> = (2..=5)
        .map(|k| {
            let mut mine = found.clone(); // a copy for each thread
            thread::spawn(move || {
                mine.extend((1..20).filter(|n| n % k == 0));
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let mut all = found;
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
