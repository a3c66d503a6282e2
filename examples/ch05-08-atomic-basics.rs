use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

fn main() {
    // ANCHOR: counter
    let hits = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..10_000 {
                    hits.fetch_add(1, Relaxed); // one indivisible read-modify-write
                }
            });
        }
    });
    println!("4 threads x 10000 fetch_add: {}", hits.load(Relaxed));
    // ANCHOR_END: counter

    // ANCHOR: returns
    let n = AtomicU64::new(10);
    println!(
        "fetch_add(5) returned {} (the old value); now {}",
        n.fetch_add(5, Relaxed),
        n.load(Relaxed)
    );
    // ANCHOR_END: returns

    // ANCHOR: cas
    // A lock-free "record the maximum", with compare_exchange in a loop.
    let max = AtomicU64::new(0);
    thread::scope(|s| {
        for t in 1..=4u64 {
            let max = &max;
            s.spawn(move || {
                let mine = t * 100;
                let mut seen = max.load(Relaxed);
                while mine > seen {
                    match max.compare_exchange_weak(seen, mine, Relaxed, Relaxed) {
                        Ok(_) => break,
                        Err(actual) => seen = actual, // someone else won: re-check
                    }
                }
            });
        }
    });
    println!(
        "maximum recorded by compare_exchange: {}",
        max.load(Relaxed)
    );
    // ANCHOR_END: cas
}
