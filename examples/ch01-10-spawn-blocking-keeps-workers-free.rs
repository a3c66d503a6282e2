// output: varies \d+ ticks while a blocking pool thread
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

/// Stands in for a blocking system call: a file read, a DNS lookup, a C library.
fn blocking_call() {
    std::thread::sleep(Duration::from_millis(100));
}

/// Starts a ticker every millisecond on a runtime with one worker thread,
/// runs `work`, and returns how many ticks happened while it ran.
fn ticks_during<F>(work: impl FnOnce() -> F + Send + 'static) -> u64
where
    F: Future<Output = ()> + Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_time()
        .build()
        .unwrap();
    runtime.block_on(async {
        let ticks = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&ticks);
        let ticker = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_millis(1));
            loop {
                every.tick().await;
                counter.fetch_add(1, Relaxed);
            }
        });
        tokio::time::sleep(Duration::from_millis(5)).await; // the ticker is running
        // Run `work` as a task, on the worker, so that blocking it blocks the runtime.
        let during = tokio::spawn(async move {
            let before = ticks.load(Relaxed);
            work().await;
            ticks.load(Relaxed) - before
        });
        let during = during.await.unwrap();
        ticker.abort();
        during
    })
}

fn main() {
    // ANCHOR: compare
    let inline = ticks_during(|| async { blocking_call() });
    println!("{inline} ticks while the only worker was blocked in the call");
    let offloaded = ticks_during(|| async {
        tokio::task::spawn_blocking(blocking_call).await.unwrap();
    });
    println!("{offloaded} ticks while a blocking pool thread made the call");
    // ANCHOR_END: compare
}
