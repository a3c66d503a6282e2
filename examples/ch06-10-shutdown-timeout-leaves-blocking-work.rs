//! What a runtime's shutdown does with `spawn_blocking` work, which cannot be
//! cancelled: dropping the runtime waits for it; `shutdown_timeout` stops
//! waiting, and leaves its thread running.
//!
//! Run it: `cargo run --example ch06-10-shutdown-timeout-leaves-blocking-work`
// at-exit: still-running
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A runtime with one blocking job of 300 ms, already running.
fn runtime_with_a_blocking_job(job: Duration) -> tokio::runtime::Runtime {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (started, running) = mpsc::channel();
    runtime.spawn_blocking(move || {
        started.send(()).unwrap();
        std::thread::sleep(job); // a synchronous call: no await, no way to cancel it
    });
    running.recv().unwrap();
    runtime
}

fn main() {
    // ANCHOR: shutdown
    let job = Duration::from_millis(300);
    let runtime = runtime_with_a_blocking_job(job);
    let start = Instant::now();
    drop(runtime);
    println!(
        "drop waited for the blocking job: {}",
        start.elapsed() >= job
    );

    let runtime = runtime_with_a_blocking_job(job);
    let start = Instant::now();
    runtime.shutdown_timeout(Duration::from_millis(50));
    println!(
        "shutdown_timeout(50 ms) returned before the job ended: {}",
        start.elapsed() < job
    );
    // The job's thread still runs; the process's exit is what ends it.
    // ANCHOR_END: shutdown
}
