use std::sync::{Arc, Mutex};
use std::thread;

const THREADS: u64 = 4;
const INCREMENTS: u64 = 10_000;

fn main() {
    // ANCHOR: counter
    let counter = Arc::new(Mutex::new(0u64)); // Arc: shared ownership; Mutex: exclusive access
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..INCREMENTS {
                    *counter.lock().unwrap() += 1; // the guard unlocks at the end of the statement
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    println!(
        "{} threads x {INCREMENTS} increments = {}",
        THREADS,
        *counter.lock().unwrap()
    );
    // ANCHOR_END: counter

    // ANCHOR: scoped
    // With scoped threads, a plain borrow of the Mutex is enough: no Arc.
    let total = Mutex::new(0u64);
    thread::scope(|s| {
        for part in [1..=50u64, 51..=100] {
            let total = &total;
            s.spawn(move || *total.lock().unwrap() += part.sum::<u64>());
        }
    });
    println!(
        "sum of 1..=100 in two threads: {}",
        total.into_inner().unwrap()
    );
    // ANCHOR_END: scoped
}
