//! A hedged request: ask one replica; if it has not answered within a short
//! delay, ask a second one too; take the first answer and cancel the rest.
//!
//! Run it with `cargo run --example ch04-10-hedged-request`.
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

/// Counts the replicas' requests that were dropped before they answered.
struct CountIfCancelled(Arc<AtomicU32>, bool);

impl Drop for CountIfCancelled {
    fn drop(&mut self) {
        if !self.1 {
            self.0.fetch_add(1, Relaxed);
        }
    }
}

async fn replica(name: &'static str, takes: Duration, cancelled: Arc<AtomicU32>) -> &'static str {
    let mut guard = CountIfCancelled(cancelled, false);
    sleep(takes).await;
    guard.1 = true; // it answered
    name
}

// ANCHOR: hedge
/// Asks `replicas` one after another, `hedge_after` apart, until one answers.
async fn hedged(
    replicas: &[(&'static str, Duration)],
    hedge_after: Duration,
    cancelled: &Arc<AtomicU32>,
) -> &'static str {
    let mut asked = JoinSet::new();
    let mut waiting = replicas.iter();
    loop {
        if let Some(&(name, takes)) = waiting.next() {
            asked.spawn(replica(name, takes, Arc::clone(cancelled)));
        }
        tokio::select! {
            Some(answer) = asked.join_next() => return answer.unwrap(),
            () = sleep(hedge_after) => {} // no answer yet: ask the next replica
        }
        // Returning drops the JoinSet, which aborts the requests still running.
    }
}
// ANCHOR_END: hedge

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let cancelled = Arc::new(AtomicU32::new(0));
    let start = Instant::now();
    let replicas = [
        ("replica 1 (slow)", Duration::from_millis(500)),
        ("replica 2", Duration::from_millis(10)),
    ];
    let answer = hedged(&replicas, Duration::from_millis(20), &cancelled).await;
    tokio::task::yield_now().await; // let the aborted request be dropped
    println!("answer from {answer} after {:?}", start.elapsed());
    println!(
        "requests cancelled once the answer came: {}",
        cancelled.load(Relaxed)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_fast_first_replica_is_never_hedged() {
        let cancelled = Arc::new(AtomicU32::new(0));
        let start = Instant::now();
        let replicas = [
            ("first", Duration::from_millis(5)),
            ("second", Duration::from_millis(1)),
        ];
        assert_eq!(
            hedged(&replicas, Duration::from_millis(20), &cancelled).await,
            "first"
        );
        assert_eq!(start.elapsed(), Duration::from_millis(5));
        assert_eq!(
            cancelled.load(Relaxed),
            0,
            "the second replica was never asked"
        );
    }
}
