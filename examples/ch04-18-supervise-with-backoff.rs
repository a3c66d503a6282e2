//! Supervision: restart a worker that fails, waiting twice as long after
//! each failure, and give up after a limit. A panic is a failure like any
//! other, since the task's `JoinHandle` reports it.
//!
//! Run it with `cargo run --example ch04-18-supervise-with-backoff`.
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// Fails on its first three runs (an error, a panic, an error), then works.
async fn flaky_worker(runs: Arc<AtomicU32>) -> Result<&'static str, String> {
    match runs.fetch_add(1, Relaxed) {
        0 | 2 => Err("connection refused".into()),
        1 => panic!("unexpected reply"),
        _ => Ok("connected"),
    }
}

// ANCHOR: supervise
/// Runs the worker until it succeeds, at most `max_restarts` restarts after
/// the first run, sleeping 10 ms, 20 ms, 40 ms... between runs.
async fn supervise(runs: Arc<AtomicU32>, max_restarts: u32) -> Result<&'static str, String> {
    let start = Instant::now();
    let mut backoff = Duration::from_millis(10);
    for attempt in 0..=max_restarts {
        let outcome = tokio::spawn(flaky_worker(Arc::clone(&runs))).await;
        let failure = match outcome {
            Ok(Ok(done)) => return Ok(done),
            Ok(Err(error)) => error,
            Err(joined) if joined.is_panic() => "panicked".to_owned(),
            Err(joined) => return Err(joined.to_string()),
        };
        println!("  run {attempt} at {:>3?}: {failure}", start.elapsed());
        if attempt == max_restarts {
            break; // no wait before giving up
        }
        sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(1)); // capped
    }
    Err(format!("gave up after {max_restarts} restarts"))
}
// ANCHOR_END: supervise

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // A panicking task prints its message; keep the output to the point.
    std::panic::set_hook(Box::new(|_| {}));
    let runs = Arc::new(AtomicU32::new(0));
    println!("with 5 restarts allowed:");
    println!("  result: {:?}", supervise(Arc::clone(&runs), 5).await);
    runs.store(0, Relaxed);
    println!("with 2 restarts allowed:");
    println!("  result: {:?}", supervise(runs, 2).await);
}
