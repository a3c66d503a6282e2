//! Go's error-channel leak, in Rust: a receiver stops at the first error and
//! leaves. On an unbuffered channel each sender still waiting gets an `Err`
//! from `send` and ends; none is blocked forever.
//!
//! Run it: `cargo run --example ch07-01-a-receiver-that-stops-early`
// output: varies \d+ delivered \+ \d+ refused
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: early
    let (tx, results) = mpsc::sync_channel::<Result<u32, String>>(0); // unbuffered, like Go's
    let (delivered, refused) = (AtomicUsize::new(0), AtomicUsize::new(0));
    thread::scope(|s| {
        for id in 0..8 {
            let (tx, delivered, refused) = (tx.clone(), &delivered, &refused);
            s.spawn(move || {
                let outcome = if id % 2 == 1 {
                    Err(format!("page {id}: failed"))
                } else {
                    Ok(id)
                };
                match tx.send(outcome) {
                    Ok(()) => delivered.fetch_add(1, Relaxed),
                    Err(_) => refused.fetch_add(1, Relaxed), // the receiver has gone
                };
            });
        }
        drop(tx);
        let first_error = results.iter().find_map(Result::err);
        drop(results); // stop at the first error, and hang up
        println!(
            "the receiver stopped at an error: {}",
            first_error.is_some()
        );
    }); // the scope joins all eight senders: none is left blocked
    let (delivered, refused) = (delivered.into_inner(), refused.into_inner());
    println!(
        "every sender ended: {delivered} delivered + {refused} refused = {}",
        delivered + refused
    );
    // ANCHOR_END: early
}
