// bench: --full
// output: varies \s+\d+ locks/s\s+\d+\.\d\dx
//! RwLock against Mutex on the same tiny critical section, two threads,
//! reads only and writes only.
//!
//! Run it with `cargo run --release --example ch05-02-rwlock-against-mutex -- --full`.
use std::hint::black_box;
use std::sync::{Mutex, RwLock};
use std::thread;
use std::time::Instant;

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

fn main() {
    let rounds = if std::env::args().any(|a| a == "--full") {
        1_000_000
    } else {
        20_000
    };
    // ANCHOR: readers
    let table = (Mutex::new(vec![1u64; 16]), RwLock::new(vec![1u64; 16]));
    let mutex_read = |_| {
        black_box(table.0.lock().unwrap()[3]);
    };
    let rwlock_read = |_| {
        black_box(table.1.read().unwrap()[3]);
    };
    let mutex_write = |_| table.0.lock().unwrap()[3] += 1;
    let rwlock_write = |_| table.1.write().unwrap()[3] += 1;
    // ANCHOR_END: readers
    for (what, by_mutex, by_rwlock) in [
        (
            "reads only",
            &mutex_read as &(dyn Fn(usize) + Sync),
            &rwlock_read as &(dyn Fn(usize) + Sync),
        ),
        ("writes only", &mutex_write, &rwlock_write),
    ] {
        let mutex = throughput(2, rounds, by_mutex);
        let rwlock = throughput(2, rounds, by_rwlock);
        println!("{what}, 2 threads, a tiny critical section:");
        println!("  Mutex:  {:>12.0} locks/s  {:>5.2}x", mutex, 1.0);
        println!(
            "  RwLock: {:>12.0} locks/s  {:>5.2}x the Mutex",
            rwlock,
            rwlock / mutex
        );
    }
}
