//! Heartbeats (*Concurrency in Go*): a worker reports that it is alive at a
//! regular interval, so its supervisor can tell a stalled worker from a slow
//! one, and stop it.
//!
//! Run it with `cargo run --example ch04-13-heartbeats`.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, interval, timeout};

const BEAT: Duration = Duration::from_millis(10);

// ANCHOR: worker
/// Beats every BEAT while it works; after `stall_after` it hangs (an await
/// that never completes stands in for a stuck call).
async fn worker(beats: mpsc::Sender<Instant>, stall_after: Duration) {
    let start = Instant::now();
    let mut every = interval(BEAT);
    loop {
        every.tick().await;
        if start.elapsed() >= stall_after {
            std::future::pending::<()>().await; // stuck: no more beats
        }
        if beats.send(Instant::now()).await.is_err() {
            return; // the supervisor is gone
        }
    }
}
// ANCHOR_END: worker

// ANCHOR: supervise
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (tx, mut beats) = mpsc::channel(1);
    let work = tokio::spawn(worker(tx, Duration::from_millis(55)));
    let mut received = 0;
    // Three missed beats in a row: the worker is stalled, not slow.
    while let Ok(Some(_)) = timeout(3 * BEAT, beats.recv()).await {
        received += 1;
    }
    work.abort(); // a stalled worker is stopped, and could be restarted
    println!(
        "{received} heartbeats, then silence: stalled, found at {:?}",
        start.elapsed()
    );
    println!(
        "the stalled worker was aborted: {}",
        work.await.unwrap_err().is_cancelled()
    );
}
// ANCHOR_END: supervise
