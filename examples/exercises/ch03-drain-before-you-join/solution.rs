//! A solution to the exercise "drain, then join".
// practises: 3.6 3.8
// level: medium

use std::thread;

use crossbeam::channel;

/// Everything the worker sends, in order.
pub fn results(n: u32) -> Vec<u32> {
    let (tx, rx) = channel::bounded(4);
    let worker = thread::spawn(move || {
        for i in 0..n {
            tx.send(i).unwrap();
        }
    });
    // Read while the worker sends: its send waits for room, and room is
    // made only by reading. The channel closes when the worker ends (its
    // sender is dropped), after which `iter` yields what is left and stops.
    let got = rx.iter().collect();
    worker.join().unwrap();
    got
}

fn main() {
    println!("{:?}", results(3));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn every_result_comes_back_however_many() {
        for n in [3, 4, 5, 100] {
            let (done, result) = std::sync::mpsc::channel();
            std::thread::spawn(move || done.send(results(n)).unwrap());
            let got = result
                .recv_timeout(Duration::from_secs(2))
                .unwrap_or_else(|_| {
                    panic!("results({n}) did not return within 2 s: who waits for whom?")
                });
            assert_eq!(got, (0..n).collect::<Vec<_>>());
        }
    }
}
// ANCHOR_END: tests
