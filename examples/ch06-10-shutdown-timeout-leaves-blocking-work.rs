//! What a runtime's shutdown does with `spawn_blocking` work, which cannot be
//! cancelled: dropping the runtime waits for it; `shutdown_timeout` stops
//! waiting, and leaves its thread running.
//!
//! Run it: `cargo run --example ch06-10-shutdown-timeout-leaves-blocking-work`
// at-exit: still-running
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A runtime with one blocking job of 300 ms, already running, and the
/// moment the job began.
fn runtime_with_a_blocking_job(job: Duration) -> (tokio::runtime::Runtime, Instant) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (started, running) = mpsc::channel();
    runtime.spawn_blocking(move || {
        started.send(Instant::now()).unwrap();
        std::thread::sleep(job); // a synchronous call: no await, no way to cancel it
    });
    let began = running.recv().unwrap();
    (runtime, began)
}

fn main() {
    // ANCHOR: shutdown
    let job = Duration::from_millis(300);
    let (runtime, began) = runtime_with_a_blocking_job(job);
    drop(runtime);
    println!(
        "drop waited for the blocking job: {}",
        began.elapsed() >= job
    );

    let (runtime, began) = runtime_with_a_blocking_job(job);
    runtime.shutdown_timeout(Duration::from_millis(50));
    println!(
        "shutdown_timeout(50 ms) returned before the job ended: {}",
        began.elapsed() < job
    );
    // The job's thread still runs; the process's exit is what ends it.
    // ANCHOR_END: shutdown
}
