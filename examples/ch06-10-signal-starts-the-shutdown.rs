//! A shutdown that starts with SIGTERM, as a supervisor (systemd, Kubernetes)
//! sends it: the signal cancels the token, the tasks clean up, main waits.
//!
//! Run it: `cargo run --example ch06-10-signal-starts-the-shutdown`
use tokio::signal::unix::{SignalKind, signal};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: signal
    // Listen first: from here on, SIGTERM no longer kills the process.
    let mut terminate = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    let (token, tracker) = (CancellationToken::new(), TaskTracker::new());
    let worker = token.clone();
    tracker.spawn(async move {
        worker.cancelled().await;
        println!("worker: flushed and closed");
    });
    tracker.close();
    // What a supervisor does: `kill -TERM <pid>`.
    let pid = std::process::id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    terminate.recv().await;
    println!("SIGTERM received: shutting down");
    token.cancel();
    tracker.wait().await;
    println!("every task has ended: exiting");
    // ANCHOR_END: signal
}
