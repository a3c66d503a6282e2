// output: varies \(\d+\) panicked
use std::sync::{Mutex, TryLockError};
use std::thread;

fn main() {
    // ANCHOR: owns
    let orders = Mutex::new(Vec::new()); // the data lives *inside* the lock
    {
        let mut guard = orders.lock().unwrap(); // the only way in
        guard.push("espresso");
        guard.push("cortado");
    } // the guard is dropped here: unlocked, no `defer mu.Unlock()` needed
    println!("orders: {:?}", orders.lock().unwrap());
    // ANCHOR_END: owns

    // ANCHOR: try_lock
    let guard = orders.lock().unwrap();
    match orders.try_lock() {
        Err(TryLockError::WouldBlock) => println!("try_lock while held: WouldBlock"),
        other => println!("unexpected: {other:?}"),
    }
    drop(guard);
    // ANCHOR_END: try_lock

    // ANCHOR: poison
    thread::scope(|s| {
        let _ = s
            .spawn(|| {
                let mut guard = orders.lock().unwrap();
                guard.push("half-made latte");
                panic!("the milk boiled over"); // panics while holding the lock
            })
            .join();
    });
    match orders.lock() {
        Ok(_) => println!("not poisoned"),
        Err(poisoned) => {
            println!("poisoned: {poisoned}");
            // The data is still reachable, and may be half-updated.
            println!("inside: {:?}", poisoned.into_inner());
        }
    }
    orders.clear_poison();
    println!(
        "after clear_poison: is_poisoned() = {}",
        orders.is_poisoned()
    );
    // ANCHOR_END: poison
}
