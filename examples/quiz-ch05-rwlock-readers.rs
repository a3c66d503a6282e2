//! Quiz program: two read guards at once.
use std::sync::RwLock;

fn main() {
    let lock = RwLock::new(5);
    let first = lock.read().unwrap();
    let second = lock.read().unwrap();
    println!("{} {}", *first + *second, lock.try_write().is_err());
}
