// output: varies version read: \d+
//! Read-mostly data shared by threads: `arc_swap::ArcSwap` holds an
//! `Arc<Config>` that readers load without a lock and a writer replaces
//! whole, like Go's `atomic.Pointer`. A reader never sees half an update.
//!
//! Run it with `cargo run --example ch04-22-read-mostly-with-arc-swap`.
use arc_swap::ArcSwap;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::{Arc, Barrier};
use std::thread;

/// Two fields that must agree: `limit` is always `version * 10`.
struct Config {
    version: u64,
    limit: u64,
}

// ANCHOR: swap
fn main() {
    let current = ArcSwap::from_pointee(Config {
        version: 0,
        limit: 0,
    });
    let writing = AtomicBool::new(true);
    let all_started = Barrier::new(4); // 3 readers and the writer
    let (torn, newest_seen) = thread::scope(|s| {
        let readers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let (mut torn, mut newest) = (0, 0);
                    all_started.wait();
                    while writing.load(Relaxed) {
                        let config = current.load(); // no lock; a guard on one version
                        if config.limit != config.version * 10 {
                            torn += 1;
                        }
                        newest = newest.max(config.version);
                    }
                    (torn, newest)
                })
            })
            .collect();
        all_started.wait(); // the readers are running: now write
        for version in 1..=10_000 {
            // A new value, never a change to the published one.
            current.store(Arc::new(Config {
                version,
                limit: version * 10,
            }));
        }
        writing.store(false, Relaxed);
        let results: Vec<(u32, u64)> = readers.into_iter().map(|r| r.join().unwrap()).collect();
        (
            results.iter().map(|r| r.0).sum::<u32>(),
            results.iter().map(|r| r.1).max().unwrap(),
        )
    });
    println!("3 readers during 10000 updates: {torn} torn reads");
    println!(
        "the newest version read: {newest_seen}; now: {}",
        current.load().version
    );
}
// ANCHOR_END: swap
