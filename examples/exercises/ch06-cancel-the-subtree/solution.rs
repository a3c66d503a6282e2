//! A solution to the exercise "cancel the parent, stop the children".
// practises: 6.3
// level: warm-up

use std::time::Duration;

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

/// Three workers, each ticking until cancelled; cancel them all with the
/// token returned.
pub fn start_workers() -> (CancellationToken, JoinSet<u32>) {
    let parent = CancellationToken::new();
    let mut workers = JoinSet::new();
    for _ in 0..3 {
        // A child is cancelled with its parent (and can be cancelled alone):
        // context.WithCancel(parent).
        let token = parent.child_token();
        workers.spawn(async move {
            let mut ticks = 0;
            loop {
                tokio::select! {
                    _ = token.cancelled() => return ticks,
                    _ = tokio::time::sleep(Duration::from_millis(100)) => ticks += 1,
                }
            }
        });
    }
    (parent, workers)
}

#[tokio::main]
async fn main() {
    let (token, workers) = start_workers();
    tokio::time::sleep(Duration::from_millis(250)).await;
    token.cancel();
    println!("{} workers", workers.len());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn one_cancel_stops_every_worker_at_once() {
        let (token, workers) = start_workers();
        tokio::time::sleep(Duration::from_millis(350)).await;
        token.cancel();
        let ticks = tokio::time::timeout(Duration::from_secs(1), workers.join_all())
            .await
            .expect("workers still running a second after the cancel");
        assert_eq!(
            ticks,
            [3, 3, 3],
            "each worker ticked until the cancel, then stopped"
        );
    }
}
// ANCHOR_END: tests
