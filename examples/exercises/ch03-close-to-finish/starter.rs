//! Exercise: the loop that never ends
//! Three producers send their numbers to one consumer, which collects
//! them until the channel closes. `collect` never returns. The test waits two
//! seconds for it, then fails instead of hanging. Make the channel close when
//! the producers are done.
// practises: 3.7 3.9
// level: warm-up

use std::sync::mpsc;
use std::thread;

/// Every number the producers send, sorted.
pub fn collect(producers: u32) -> Vec<u32> {
    let (tx, rx) = mpsc::channel();
    for p in 0..producers {
        let tx = tx.clone();
        thread::spawn(move || {
            for i in 0..3 {
                tx.send(p * 10 + i).unwrap();
            }
        });
    }
    let mut all: Vec<u32> = rx.iter().collect();
    all.sort();
    all
}

fn main() {
    println!("{:?}", collect(2));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn collect_returns_once_the_producers_are_done() {
        let (done, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || done.send(collect(3)).unwrap());
        let all = result
            .recv_timeout(Duration::from_secs(2))
            .expect("collect did not return within 2 s: is a Sender still alive?");
        assert_eq!(all, vec![0, 1, 2, 10, 11, 12, 20, 21, 22]);
    }
}
// ANCHOR_END: tests
