//! Quiz program: a mutex whose holder panicked.
use std::sync::{Arc, Mutex};

fn main() {
    std::panic::set_hook(Box::new(|_| {})); // the panic's message is not the question
    let count = Arc::new(Mutex::new(0));
    let held = Arc::clone(&count);
    let _ = std::thread::spawn(move || {
        let _guard = held.lock().unwrap();
        panic!("while holding the lock");
    })
    .join();
    println!("{}", count.lock().is_err());
}
