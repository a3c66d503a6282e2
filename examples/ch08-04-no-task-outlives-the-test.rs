//! A leak check for tokio: a helper that fails when tasks outlive the code
//! under test, here a poller whose token nobody cancels.
//!
//! Run it with `cargo run --example ch08-04-no-task-outlives-the-test`, its
//! tests with `cargo test --example ch08-04-no-task-outlives-the-test`.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

// ANCHOR: poller
/// Polls until `token` is cancelled. A caller that never cancels it leaks
/// the task: the runtime keeps it until the runtime itself is dropped.
fn start_poller(token: CancellationToken) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(Duration::from_millis(1));
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                () = token.cancelled() => return,
            }
        }
    });
}
// ANCHOR_END: poller

// ANCHOR: helper
/// Waits up to a second for the runtime's spawned tasks to end, and returns
/// how many are left (the test's own body is no spawned task). A task that
/// is finishing may take a moment to be released, hence the retries, as in
/// goleak.
async fn tasks_left() -> usize {
    let metrics = tokio::runtime::Handle::current().metrics();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(1);
    while metrics.num_alive_tasks() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    metrics.num_alive_tasks()
}
// ANCHOR_END: helper

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let token = CancellationToken::new();
    start_poller(token.clone());
    println!("poller not stopped: tasks left: {}", tasks_left().await);
    token.cancel();
    println!("poller cancelled:   tasks left: {}", tasks_left().await);
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    // A #[tokio::test] drops its runtime at the end, and any task left with
    // it, silently: without a check like this one, a leak passes.
    #[tokio::test(start_paused = true)]
    async fn the_poller_stops_with_its_token() {
        let token = CancellationToken::new();
        start_poller(token.clone());
        token.cancel();
        assert_eq!(tasks_left().await, 0);
    }

    #[tokio::test(start_paused = true)]
    async fn the_check_catches_a_poller_left_running() {
        start_poller(CancellationToken::new());
        assert_eq!(tasks_left().await, 1);
    }
}
// ANCHOR_END: tests
