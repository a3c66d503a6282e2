use std::sync::{Mutex, mpsc};
use std::thread;

type Log = Mutex<Vec<&'static str>>;

// ANCHOR: pipeline
/// source -> square -> sum, each stage a thread, joined by bounded channels.
fn pipeline(input: Vec<u64>, log: &Log) -> u64 {
    let (numbers_tx, numbers) = mpsc::sync_channel(4);
    let (squares_tx, squares) = mpsc::sync_channel(4);
    thread::scope(|s| {
        s.spawn(move || {
            for n in input {
                numbers_tx.send(n).unwrap();
            }
            log.lock().unwrap().push("source: input ended");
        }); // numbers_tx is dropped here: the next stage sees the close
        s.spawn(move || {
            for n in numbers {
                squares_tx.send(n * n).unwrap();
            }
            log.lock().unwrap().push("square: input closed");
        }); // squares_tx is dropped here
        let total = squares.iter().sum();
        log.lock().unwrap().push("sum: input closed");
        total
    }) // every stage has been joined when the scope returns
}
// ANCHOR_END: pipeline

fn main() {
    let log = Mutex::new(Vec::new());
    let total = pipeline((1..=10).collect(), &log);
    println!("sum of squares of 1..=10: {total}");
    for line in log.into_inner().unwrap() {
        println!("  {line}");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stages_shut_down_in_order_when_the_input_ends() {
        for _ in 0..50 {
            let log = std::sync::Mutex::new(Vec::new());
            assert_eq!(super::pipeline((1..=100).collect(), &log), 338_350);
            let order = log.into_inner().unwrap();
            assert_eq!(
                order,
                [
                    "source: input ended",
                    "square: input closed",
                    "sum: input closed"
                ]
            );
        }
    }
}
