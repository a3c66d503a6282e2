//! A solution to the exercise "no more than four at a time".
// practises: 1.13
// level: medium

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

use tokio::sync::Semaphore;

pub const LIMIT: usize = 4;

/// In flight now, and the most ever: what the test reads.
#[derive(Default)]
pub struct Gauge {
    now: AtomicUsize,
    pub peak: AtomicUsize,
}

async fn fetch(url: usize, gauge: &Gauge) -> usize {
    let now = gauge.now.fetch_add(1, SeqCst) + 1;
    gauge.peak.fetch_max(now, SeqCst);
    tokio::time::sleep(Duration::from_millis(10)).await; // the network
    gauge.now.fetch_sub(1, SeqCst);
    url * 2
}

/// Fetches every URL, at most `LIMIT` at a time, and returns the results
/// in the URLs' order.
pub async fn fetch_all(urls: Vec<usize>, gauge: Arc<Gauge>) -> Vec<usize> {
    // A permit per fetch in flight, taken *before* spawning: the loop waits
    // for room, so there are never more than LIMIT tasks, not only fetches.
    let permits = Arc::new(Semaphore::new(LIMIT));
    let mut tasks = Vec::new();
    for url in urls {
        let permit = Arc::clone(&permits).acquire_owned().await.unwrap();
        let gauge = Arc::clone(&gauge);
        tasks.push(tokio::spawn(async move {
            let result = fetch(url, &gauge).await;
            drop(permit); // room for the next one
            result
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    results
}

#[tokio::main]
async fn main() {
    let gauge = Arc::new(Gauge::default());
    let results = fetch_all((0..20).collect(), Arc::clone(&gauge)).await;
    println!(
        "{} results, peak {}",
        results.len(),
        gauge.peak.load(SeqCst)
    );
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_flight() {
        let gauge = Arc::new(Gauge::default());
        let results = fetch_all((0..100).collect(), Arc::clone(&gauge)).await;
        assert_eq!(results, (0..100).map(|u| u * 2).collect::<Vec<_>>());
        assert_eq!(
            gauge.peak.load(SeqCst),
            LIMIT,
            "the most fetches in flight at once"
        );
    }
}
// ANCHOR_END: tests
