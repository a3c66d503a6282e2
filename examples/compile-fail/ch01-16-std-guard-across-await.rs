use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let shared = Arc::clone(&counter);
    // ANCHOR: guard
    let task = tokio::spawn(async move {
        let mut count = shared.lock().unwrap();
        // The guard is alive across this .await, so it is part of the future,
        // and a std MutexGuard may not move to another thread.
        tokio::time::sleep(Duration::from_millis(1)).await;
        *count += 1;
    });
    // ANCHOR_END: guard
    task.await.unwrap();
    println!("{}", counter.lock().unwrap());
}
