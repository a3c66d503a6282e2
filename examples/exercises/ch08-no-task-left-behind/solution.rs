//! A solution to the exercise "no task left behind".
// practises: 8.4
// level: warm-up

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Beats every millisecond, counting into `beats`, until `token` is cancelled.
pub fn start_heartbeat(token: CancellationToken, beats: Arc<AtomicU32>) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_millis(1));
        loop {
            // Wait for the next beat or the cancellation, whichever comes
            // first: holding the token was never enough, it must be watched.
            tokio::select! {
                _ = every.tick() => {}
                () = token.cancelled() => return,
            }
            beats.fetch_add(1, Relaxed);
        }
    });
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let token = CancellationToken::new();
    let beats = Arc::new(AtomicU32::new(0));
    start_heartbeat(token.clone(), Arc::clone(&beats));
    tokio::time::sleep(Duration::from_millis(10)).await;
    token.cancel();
    println!(
        "it beat {} times before it was cancelled",
        beats.load(Relaxed)
    );
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn the_heartbeat_stops_when_cancelled() {
        let token = CancellationToken::new();
        let beats = Arc::new(AtomicU32::new(0));
        start_heartbeat(token.clone(), Arc::clone(&beats));
        tokio::time::sleep(Duration::from_millis(5)).await;
        assert!(beats.load(Relaxed) > 0, "it should beat until cancelled");
        token.cancel();
        // A task that is ending gets a second of paused time to be gone.
        let metrics = tokio::runtime::Handle::current().metrics();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(1);
        while metrics.num_alive_tasks() > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        assert_eq!(
            metrics.num_alive_tasks(),
            0,
            "the heartbeat outlived its cancellation"
        );
    }
}
// ANCHOR_END: tests
