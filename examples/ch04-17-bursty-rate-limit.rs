//! A bursty rate limiter (Go by Example's): a token bucket of 3, refilled one
//! token per 100 ms. Three requests pass at once, then one per 100 ms.
//!
//! Run it with `cargo run --example ch04-17-bursty-rate-limit`.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{Instant, MissedTickBehavior, interval};

// ANCHOR: bucket
/// A bucket of `burst` tokens, refilled one per `every` while not full.
fn token_bucket(burst: usize, every: Duration) -> Arc<Semaphore> {
    let bucket = Arc::new(Semaphore::new(burst));
    let refill = Arc::clone(&bucket);
    tokio::spawn(async move {
        let mut tick = interval(every);
        tick.set_missed_tick_behavior(MissedTickBehavior::Delay); // no catch-up burst
        tick.tick().await; // the first tick is immediate: the bucket starts full
        loop {
            tick.tick().await;
            if refill.available_permits() < burst {
                refill.add_permits(1);
            }
        }
    });
    bucket
}
// ANCHOR_END: bucket

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: use
    let bucket = token_bucket(3, Duration::from_millis(100));
    let start = Instant::now();
    let mut served_at = Vec::new();
    for _ in 0..6 {
        bucket.acquire().await.unwrap().forget(); // a token, spent for good
        served_at.push(start.elapsed().as_millis());
    }
    println!("6 requests served at (ms): {served_at:?}");
    // ANCHOR_END: use
}
