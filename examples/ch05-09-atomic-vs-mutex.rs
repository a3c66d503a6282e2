// bench: --full
// output: varies \s+\d+ ops/s\s+\d+\.\d\dx
use crossbeam::utils::CachePadded;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::Instant;

/// Runs `op(thread_index)` `rounds` times on each of 2 threads; ops/second.
fn rate(rounds: u64, op: &(dyn Fn(usize) + Sync)) -> f64 {
    let start = Instant::now();
    thread::scope(|s| {
        for t in 0..2 {
            s.spawn(move || (0..rounds).for_each(|_| op(t)));
        }
    });
    (2 * rounds) as f64 / start.elapsed().as_secs_f64()
}

// ANCHOR: layouts
/// Two counters side by side, in one 16-byte block: always on one cache line.
#[repr(align(16))]
struct Adjacent([AtomicU64; 2]);
/// Each counter padded to its own cache line (128 bytes on x86-64).
struct Padded([CachePadded<AtomicU64>; 2]);
// ANCHOR_END: layouts

fn main() {
    let rounds = if std::env::args().any(|a| a == "--full") {
        5_000_000
    } else {
        50_000
    };
    // ANCHOR: variants
    let mutex = Mutex::new(0u64);
    let shared = AtomicU64::new(0);
    let adjacent = Adjacent([AtomicU64::new(0), AtomicU64::new(0)]);
    let padded = Padded([
        CachePadded::new(AtomicU64::new(0)),
        CachePadded::new(AtomicU64::new(0)),
    ]);
    let results = [
        (
            "one counter, Mutex",
            rate(rounds, &|_| *mutex.lock().unwrap() += 1),
        ),
        (
            "one counter, AtomicU64",
            rate(rounds, &|_| {
                shared.fetch_add(1, Relaxed);
            }),
        ),
        (
            "a counter per thread, adjacent",
            rate(rounds, &|t| {
                adjacent.0[t].fetch_add(1, Relaxed);
            }),
        ),
        (
            "a counter per thread, CachePadded",
            rate(rounds, &|t| {
                padded.0[t].fetch_add(1, Relaxed);
            }),
        ),
    ];
    // ANCHOR_END: variants
    println!("2 threads, {rounds} increments each:");
    for (name, ops) in results {
        println!(
            "  {name:<34} {ops:>12.0} ops/s  {:>6.2}x the Mutex",
            ops / results[0].1
        );
    }
    println!(
        "size of the padded pair: {} bytes",
        std::mem::size_of::<Padded>()
    );
}
