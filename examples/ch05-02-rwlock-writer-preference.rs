use std::sync::{RwLock, TryLockError};
use std::thread;
use std::time::Duration;

fn main() {
    let config = RwLock::new(String::from("v1"));
    // ANCHOR: readers
    {
        let a = config.read().unwrap();
        let b = config.read().unwrap(); // many readers at once
        println!("two readers at once: {} and {}", *a, *b);
    }
    // ANCHOR_END: readers

    // ANCHOR: waiting_writer
    thread::scope(|s| {
        let reader = config.read().unwrap();
        s.spawn(|| *config.write().unwrap() = String::from("v2")); // blocks behind the reader
        thread::sleep(Duration::from_millis(100)); // let the writer start waiting
        // A new reader now waits too, so the writer cannot be starved (on Linux).
        match config.try_read() {
            Err(TryLockError::WouldBlock) => {
                println!("a new reader, while a writer waits: WouldBlock")
            }
            Ok(_) => println!("a new reader, while a writer waits: got in"),
            Err(e) => println!("unexpected: {e}"),
        }
        drop(reader); // the writer goes first
    });
    println!("after the writer: {}", config.read().unwrap());
    // ANCHOR_END: waiting_writer
}
