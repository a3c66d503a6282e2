//! Bounded concurrency without spawning: a stream of futures, at most 3
//! polled at once (`buffer_unordered`, `for_each_concurrent`), all inside
//! the calling task.
//!
//! Run it: `cargo run --example ch04-05-buffer-unordered`
use futures::stream::{self, StreamExt};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

/// Counts the jobs in flight, and the most there ever were.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    async fn job(&self, n: u64) -> u64 {
        let now = self.now.fetch_add(1, Relaxed) + 1;
        self.peak.fetch_max(now, Relaxed);
        tokio::time::sleep(Duration::from_millis(10 * (n % 4 + 1))).await; // 10 to 40 ms
        self.now.fetch_sub(1, Relaxed);
        n * n
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: streams
    let jobs = InFlight::default();
    // Results as they finish (not in input order), at most 3 jobs at a time.
    let squares: Vec<u64> = stream::iter(1..=10)
        .map(|n| jobs.job(n))
        .buffer_unordered(3)
        .collect()
        .await;
    println!(
        "buffer_unordered(3): {squares:?}, peak {}",
        jobs.peak.load(Relaxed)
    );

    // The same bound when each job's result is consumed as it comes.
    let jobs = InFlight::default();
    let (total, jobs_ref) = (&AtomicUsize::new(0), &jobs);
    stream::iter(1..=10)
        .for_each_concurrent(3, |n| async move {
            total.fetch_add(jobs_ref.job(n).await as usize, Relaxed);
        })
        .await;
    println!(
        "for_each_concurrent(3): total {}, peak {}",
        total.load(Relaxed),
        jobs.peak.load(Relaxed)
    );
    // ANCHOR_END: streams
}
