use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;
use tokio_util::task::TaskTracker;

const WRITES: usize = 10;

async fn write_audit_log(written: Arc<AtomicUsize>) {
    tokio::time::sleep(Duration::from_millis(10)).await;
    written.fetch_add(1, SeqCst);
}

// ANCHOR: tracked
#[tokio::main]
async fn main() {
    let written = Arc::new(AtomicUsize::new(0));
    let tracker = TaskTracker::new();
    for _ in 0..WRITES {
        tracker.spawn(write_audit_log(Arc::clone(&written))); // its JoinHandle can be dropped
    }
    println!("request handled; {} tasks in flight", tracker.len());

    tracker.close(); // wait() may now finish...
    tracker.wait().await; // ...once the last task has ended
    println!("audit lines written: {} of {WRITES}", written.load(SeqCst));
}
// ANCHOR_END: tracked
