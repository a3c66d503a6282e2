//! Quiz program: a compare-exchange that finds another value.
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};

fn main() {
    let tickets = AtomicU32::new(1);
    println!("{:?}", tickets.compare_exchange(1, 0, SeqCst, SeqCst));
    println!("{:?}", tickets.compare_exchange(1, 0, SeqCst, SeqCst));
}
