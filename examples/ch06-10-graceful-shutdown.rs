use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR: worker
/// Processes items until shutdown, then flushes what it holds: cleanup is
/// part of the task, run after the signal, not cut off by it.
async fn worker(shutdown: CancellationToken, flushed: Arc<AtomicU32>) {
    let mut pending = 0;
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tokio::time::sleep(Duration::from_millis(5)) => pending += 1,
        }
    }
    tokio::time::sleep(Duration::from_millis(20)).await; // flushing `pending` items
    flushed.fetch_add(pending.min(1), SeqCst);
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: shutdown
    let (shutdown, tracker) = (CancellationToken::new(), TaskTracker::new());
    let flushed = Arc::new(AtomicU32::new(0));
    for _ in 0..4 {
        tracker.spawn(worker(shutdown.child_token(), Arc::clone(&flushed)));
    }
    tokio::time::sleep(Duration::from_millis(50)).await; // serving...

    shutdown.cancel(); // 1. tell every task to stop
    tracker.close(); //   2. no more tasks will be added
    let all_done = tokio::time::timeout(Duration::from_secs(5), tracker.wait()).await; // 3. wait, bounded
    println!("all workers exited in time: {}", all_done.is_ok());
    println!(
        "workers that flushed before exiting: {}",
        flushed.load(SeqCst)
    );
    println!("tasks still tracked: {}", tracker.len());
    // ANCHOR_END: shutdown
}
