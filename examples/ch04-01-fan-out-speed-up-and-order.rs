// bench: --full
// output: varies \d+\.\d\dx
// output: varies \d+ of 100
// output: varies on \d+ CPU\(s\)
//! Fan-out of real CPU work: how much faster 4 workers are than 1 (the
//! speed-up is bounded by the CPUs), and what fan-out does to the order of
//! the results, and how to get it back.
//!
//! Run it: `cargo run --release --example ch04-01-fan-out-speed-up-and-order`
use crossbeam::channel;
use std::hint::black_box;
use std::thread;
use std::time::Instant;

/// CPU work whose size varies from item to item.
fn work(item: u64, scale: u64) -> u64 {
    (0..scale * (1 + item % 7)).fold(item, |acc, i| black_box(acc.wrapping_mul(31) ^ i))
}

// ANCHOR: fan_out
/// Fans 100 items out to `workers` threads; returns (item, result) in the
/// order the results arrived.
fn fan_out(workers: usize, scale: u64) -> Vec<(u64, u64)> {
    let (jobs, queue) = channel::unbounded();
    let (results_tx, results) = channel::unbounded();
    thread::scope(|s| {
        for _ in 0..workers {
            let (queue, results_tx) = (queue.clone(), results_tx.clone());
            s.spawn(move || {
                queue
                    .iter()
                    .for_each(|item| results_tx.send((item, work(item, scale))).unwrap())
            });
        }
        (0..100).for_each(|item| jobs.send(item).unwrap());
        drop((jobs, results_tx)); // the workers end when the queue is drained
        results.iter().collect()
    })
}
// ANCHOR_END: fan_out

fn main() {
    let scale = if std::env::args().any(|a| a == "--full") {
        200_000
    } else {
        2_000
    };
    let cpus = thread::available_parallelism().map_or(1, |n| n.get());
    // ANCHOR: measure
    let timed = |workers| {
        let start = Instant::now();
        let results = fan_out(workers, scale);
        (start.elapsed().as_secs_f64(), results)
    };
    let (one, in_order) = timed(1);
    let (four, mut arrived) = timed(4);
    let early = arrived.windows(2).filter(|w| w[1].0 < w[0].0).count();
    println!(
        "4 workers against 1, on {cpus} CPU(s): {:.2}x as fast",
        one / four
    );
    println!("results that arrived before an earlier item's: {early} of 100");
    arrived.sort_by_key(|&(item, _)| item); // the order back, from the item each result carries
    println!(
        "sorted by item, the same results as one worker's: {}",
        arrived == in_order
    );
    // ANCHOR_END: measure
}
