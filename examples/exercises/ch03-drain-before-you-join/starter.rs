//! Exercise: drain, then join
//! A worker sends its results on a channel of capacity 4, and `results`
//! waits for the worker to finish before it reads them. With more than four
//! results, `results` never returns: the test waits two seconds, then fails
//! instead of hanging. Find the cycle of waits, and break it.
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
    worker.join().unwrap(); // wait for all the results first
    rx.try_iter().collect()
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
