// bench: --full
// output: varies \s+\d+ locks/s\s+\d+\.\d\dx
//! Contention, measured: one Mutex shared by more and more threads, then a
//! Mutex per thread (sharded). Rates are ratios to one thread's.
//!
//! Run it with `cargo run --release --example ch05-03-contention-and-sharding -- --full`.
use crossbeam::utils::CachePadded;
use std::sync::Mutex;
use std::thread;
use std::time::Instant;

// ANCHOR: measure
/// Runs `threads` threads, each calling `op(its index)` `rounds` times (a
/// tiny critical section); returns lock operations per second.
fn throughput(threads: usize, rounds: u64, op: &(dyn Fn(usize) + Sync)) -> f64 {
    let start = Instant::now();
    thread::scope(|s| {
        for t in 0..threads {
            s.spawn(move || (0..rounds).for_each(|_| op(t)));
        }
    });
    (threads as u64 * rounds) as f64 / start.elapsed().as_secs_f64()
}
// ANCHOR_END: measure

// ANCHOR: contention
fn main() {
    let rounds = if std::env::args().any(|a| a == "--full") {
        1_000_000
    } else {
        20_000
    };
    let counter = Mutex::new(0u64);
    let increment = |_| *counter.lock().unwrap() += 1;
    throughput(1, rounds, &increment); // a warm-up run
    let base = throughput(1, rounds, &increment);
    println!("one Mutex, one counter, more threads ({rounds} increments each):");
    for threads in [1, 2, 4, 8] {
        let rate = throughput(threads, rounds, &increment);
        println!(
            "  {threads} threads: {:>12.0} locks/s  {:>5.2}x one thread",
            rate,
            rate / base
        );
    }
    // The cure: a lock and a counter per thread, each on its own cache line.
    let shards: Vec<_> = (0..8).map(|_| CachePadded::new(Mutex::new(0u64))).collect();
    let rate = throughput(8, rounds, &|t| *shards[t].lock().unwrap() += 1);
    println!("the cure, a Mutex and a counter per thread (sharded):");
    println!(
        "  8 threads: {rate:>12.0} locks/s  {:>5.2}x one thread",
        rate / base
    );
}
// ANCHOR_END: contention
