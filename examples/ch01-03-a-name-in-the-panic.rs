//! What a thread's name buys: its panic message says which thread failed.
//!
//! Run it: `cargo run --example ch01-03-a-name-in-the-panic`
// output: varies \(\d+\)
use std::thread;

fn main() {
    // ANCHOR: panic
    let unnamed = thread::spawn(|| panic!("bad input"));
    assert!(unnamed.join().is_err());
    let named = thread::Builder::new()
        .name("parser-1".into())
        .spawn(|| panic!("bad input"))
        .unwrap();
    assert!(named.join().is_err());
    println!("both panics came back as Err from join; stderr names each thread");
    // ANCHOR_END: panic
}
