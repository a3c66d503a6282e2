//! Cancellation safety of a fair queue: tokio's Mutex (like its Semaphore)
//! serves waiters in order, and a `lock()` dropped by a timeout leaves the
//! queue: when it asks again, it waits behind everyone who came meanwhile.
//!
//! Run it with `cargo run --example ch01-17-a-cancelled-lock-loses-its-place`.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::{sleep, timeout};

// ANCHOR: queue
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let held = Arc::clone(&log).lock_owned().await; // held for 30 ms
    let start = tokio::time::Instant::now();

    let a = tokio::spawn({
        let log = Arc::clone(&log);
        async move {
            // First in the queue at 0 ms, but it gives up after 10 ms...
            if timeout(Duration::from_millis(10), log.lock())
                .await
                .is_err()
            {
                println!("a: gave up waiting at {:?}", start.elapsed());
            }
            // ...and asks again, now at the back of the queue.
            log.lock().await.push("a");
        }
    });
    let b = tokio::spawn({
        let log = Arc::clone(&log);
        async move {
            sleep(Duration::from_millis(5)).await; // second in line, at 5 ms
            log.lock().await.push("b");
        }
    });
    sleep(Duration::from_millis(30)).await;
    drop(held);
    a.await.unwrap();
    b.await.unwrap();
    println!("took the lock in this order: {:?}", *log.lock().await);
}
// ANCHOR_END: queue
