//! A pipeline that stops short: the consumer leaves early, or a stage fails,
//! and every stage still ends by itself, with no panic on a failed send.
//!
//! Run it: `cargo run --example ch04-03-pipeline-stops-short`
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

// ANCHOR: stages
/// 1, 2, 3, … for as long as someone takes them.
fn source(out: SyncSender<u64>) -> Result<&'static str, String> {
    for n in 1.. {
        if out.send(n).is_err() {
            return Ok("source: next stage gone, stopped"); // a signal, not a panic
        }
    }
    unreachable!("an endless source")
}

/// Squares its input; a number it cannot handle is an error that ends the stage.
fn square(input: Receiver<u64>, out: SyncSender<u64>, refuse: u64) -> Result<&'static str, String> {
    for n in input {
        if n == refuse {
            return Err(format!("square: cannot take {n}")); // drops both ends
        }
        if out.send(n * n).is_err() {
            return Ok("square: consumer gone, stopped");
        }
    }
    Ok("square: input closed")
}

/// Takes up to `take` squares, then leaves; returns them and how each stage ended.
fn run(take: usize, refuse: u64) -> (Vec<u64>, [Result<&'static str, String>; 2]) {
    let (numbers_tx, numbers) = mpsc::sync_channel(4);
    let (squares_tx, squares) = mpsc::sync_channel(4);
    thread::scope(|s| {
        let first = s.spawn(move || source(numbers_tx));
        let second = s.spawn(move || square(numbers, squares_tx, refuse));
        let taken = squares.into_iter().take(take).collect(); // then the receiver drops
        (taken, [first.join().unwrap(), second.join().unwrap()])
    }) // the scope has joined every stage: none outlives the pipeline
}
// ANCHOR_END: stages

fn main() {
    // ANCHOR: main
    let (taken, ended) = run(3, u64::MAX);
    println!("the consumer took {taken:?} and left; {ended:?}");
    let (taken, ended) = run(10, 5);
    println!("the consumer got {taken:?}, then the input ended; {ended:?}");
    // ANCHOR_END: main
}

#[cfg(test)]
mod tests {
    use super::run;

    #[test]
    fn every_stage_ends_when_the_consumer_leaves_or_a_stage_fails() {
        for _ in 0..50 {
            let (taken, [source, square]) = run(3, u64::MAX);
            assert_eq!(taken, [1, 4, 9]);
            assert_eq!(source.unwrap(), "source: next stage gone, stopped");
            assert_eq!(square.unwrap(), "square: consumer gone, stopped");
            let (taken, [source, square]) = run(10, 5);
            assert_eq!(taken, [1, 4, 9, 16]);
            assert_eq!(source.unwrap(), "source: next stage gone, stopped");
            assert_eq!(square.unwrap_err(), "square: cannot take 5");
        }
    }
}
