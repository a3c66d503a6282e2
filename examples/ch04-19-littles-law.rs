//! Little's law on a queue: the average number of requests in the system (L)
//! equals their arrival rate (λ) times the average time each spends in it
//! (W). Measured on tokio's paused clock, so the numbers are exact.
//!
//! Run it with `cargo run --example ch04-19-littles-law`.
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

// ANCHOR: measure
/// Requests arrive every `gap` and need `service` from one of `servers`;
/// returns (λ per second, W in ms, L measured by sampling every ms), all
/// over the whole run, from the first arrival until the system is empty.
async fn measure(gap: Duration, service: Duration, servers: usize) -> (f64, f64, f64) {
    let in_system = Arc::new(AtomicU64::new(0));
    let total_wait_ms = Arc::new(AtomicU64::new(0));
    let permits = Arc::new(Semaphore::new(servers));
    let (requests, start) = (200u32, Instant::now());
    let finished = Arc::new(tokio::sync::Notify::new());
    let sampler = tokio::spawn({
        let (in_system, finished) = (Arc::clone(&in_system), Arc::clone(&finished));
        async move {
            let (mut sum, mut samples) = (0u64, 0u64);
            let done = finished.notified();
            tokio::pin!(done);
            loop {
                tokio::select! {
                    () = &mut done => return sum as f64 / samples as f64,
                    () = sleep(Duration::from_millis(1)) => {
                        sum += in_system.load(Relaxed);
                        samples += 1;
                    }
                }
            }
        }
    });
    let mut all = JoinSet::new();
    for _ in 0..requests {
        let (in_system, total, permits) = (
            Arc::clone(&in_system),
            Arc::clone(&total_wait_ms),
            Arc::clone(&permits),
        );
        all.spawn(async move {
            let arrived = Instant::now();
            in_system.fetch_add(1, Relaxed);
            let _server = permits.acquire().await.unwrap(); // the queue
            sleep(service).await;
            in_system.fetch_sub(1, Relaxed);
            total.fetch_add(arrived.elapsed().as_millis() as u64, Relaxed);
        });
        sleep(gap).await;
    }
    all.join_all().await;
    finished.notify_one();
    let lambda = f64::from(requests) / start.elapsed().as_secs_f64();
    let w = total_wait_ms.load(Relaxed) as f64 / f64::from(requests);
    (lambda, w, sampler.await.unwrap())
}
// ANCHOR_END: measure

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    for (label, servers) in [("3 servers, 83% busy", 3), ("2 servers, overloaded", 2)] {
        let (lambda, w, l) = measure(
            Duration::from_millis(10),
            Duration::from_millis(25),
            servers,
        )
        .await;
        println!(
            "{label}: λ = {lambda:.0}/s, W = {w:.1} ms, λW = {:.2}, measured L = {l:.2}",
            lambda * w / 1000.0
        );
    }
}
