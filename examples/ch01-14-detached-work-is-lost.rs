use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

const WRITES: usize = 10;

/// Stands in for work worth finishing: an audit log line, a metrics flush.
async fn write_audit_log(written: Arc<AtomicUsize>) {
    tokio::time::sleep(Duration::from_millis(10)).await;
    written.fetch_add(1, SeqCst);
}

// ANCHOR: detached
fn main() {
    let written = Arc::new(AtomicUsize::new(0));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        for _ in 0..WRITES {
            tokio::spawn(write_audit_log(Arc::clone(&written))); // fire and forget
        }
        println!("request handled, returning");
    });
    // What `#[tokio::main]` does when main returns: shut down, dropping every task.
    drop(runtime);
    println!("audit lines written: {} of {WRITES}", written.load(SeqCst));
}
// ANCHOR_END: detached
