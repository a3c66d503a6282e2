//! A lock-order deadlock found while the program runs: parking_lot's
//! `deadlock_detection` feature builds the graph of which thread holds and
//! waits for which lock, and reports its cycles.
//!
//! Run it with `cargo run --example ch08-05-parking-lot-finds-the-cycle`.
// at-exit: still-running
use parking_lot::{Mutex, deadlock};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: deadlock
fn transfer(from: &Mutex<i64>, to: &Mutex<i64>, both_hold_one: &Barrier) {
    let mut from = from.lock();
    both_hold_one.wait(); // each now holds one lock and asks for the other
    let mut to = to.lock();
    *from -= 10;
    *to += 10;
}
// ANCHOR_END: deadlock

fn main() {
    let (alice, bob) = (Arc::new(Mutex::new(100)), Arc::new(Mutex::new(100)));
    let both_hold_one = Arc::new(Barrier::new(2));
    for (from, to) in [(&alice, &bob), (&bob, &alice)] {
        let (from, to, both) = (Arc::clone(from), Arc::clone(to), Arc::clone(&both_hold_one));
        thread::spawn(move || transfer(&from, &to, &both)); // never joined: it never ends
    }
    // ANCHOR: detect
    // A watchdog would run this every few seconds; here, until it finds one.
    let deadline = Instant::now() + Duration::from_secs(1);
    let cycles = loop {
        let cycles = deadlock::check_deadlock();
        if !cycles.is_empty() || Instant::now() > deadline {
            break cycles;
        }
        thread::sleep(Duration::from_millis(10));
    };
    println!("deadlock cycles found: {}", cycles.len());
    for cycle in &cycles {
        // Each thread comes with its backtrace: where it waits.
        let in_transfer = cycle
            .iter()
            .filter(|t| format!("{:?}", t.backtrace()).contains("transfer"))
            .count();
        println!(
            "  {} threads, {in_transfer} of them waiting inside transfer()",
            cycle.len()
        );
    }
    // ANCHOR_END: detect
}
