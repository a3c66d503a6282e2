//! Quiz program: threads that borrow, inside a scope.
use std::thread;

fn main() {
    let mut totals = [0u32; 3];
    thread::scope(|s| {
        for (i, total) in totals.iter_mut().enumerate() {
            s.spawn(move || *total = (i as u32 + 1) * 10);
        }
    });
    println!("{totals:?}");
}
