//! Exercise: cancelled is not yet finished
//! `shutdown` cancels the workers and returns. Each worker, once cancelled,
//! takes a moment to flush what it holds, and `shutdown`'s caller exits before
//! they have: the flushed log is incomplete. Make `shutdown` return only when
//! every worker has flushed, however long that takes.
// practises: 6.10
// level: warm-up

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub type Log = Arc<Mutex<Vec<String>>>;

pub struct Workers {
    token: CancellationToken,
    tracker: TaskTracker,
}

/// Starts `n` workers that run until cancelled, then flush into `log`.
pub fn start(n: usize, log: Log) -> Workers {
    let (token, tracker) = (CancellationToken::new(), TaskTracker::new());
    for id in 0..n {
        let (token, log) = (token.clone(), Arc::clone(&log));
        tracker.spawn(async move {
            token.cancelled().await;
            tokio::time::sleep(Duration::from_millis(20 * (id as u64 + 1))).await; // flushing
            log.lock().unwrap().push(format!("worker {id} flushed"));
        });
    }
    Workers { token, tracker }
}

/// Stops every worker; returns once all have flushed.
pub async fn shutdown(workers: Workers) {
    workers.token.cancel();
}

#[tokio::main]
async fn main() {
    let log = Log::default();
    shutdown(start(2, Arc::clone(&log))).await;
    println!("{:?}", log.lock().unwrap());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn every_worker_has_flushed_when_shutdown_returns() {
        let log = Log::default();
        // On the paused clock a shutdown that waits forever fails at once.
        tokio::time::timeout(Duration::from_secs(1), shutdown(start(3, Arc::clone(&log))))
            .await
            .expect("shutdown never returned: does the tracker know no more tasks are coming?");
        let flushed = log.lock().unwrap().clone();
        assert_eq!(
            flushed,
            ["worker 0 flushed", "worker 1 flushed", "worker 2 flushed"]
        );
    }
}
// ANCHOR_END: tests
