use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

const ITEMS: usize = 1_000;
const LIMIT: usize = 8;

/// Counts how many tasks are inside `work` at once, and the most ever seen.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    async fn work(&self) {
        let now = self.now.fetch_add(1, SeqCst) + 1;
        self.peak.fetch_max(now, SeqCst);
        for _ in 0..10 {
            tokio::task::yield_now().await; // a request, a query, a file read...
        }
        self.now.fetch_sub(1, SeqCst);
    }
}

// ANCHOR: unbounded
async fn unbounded(in_flight: Arc<InFlight>) {
    let mut tasks = JoinSet::new();
    for _ in 0..ITEMS {
        let in_flight = Arc::clone(&in_flight);
        tasks.spawn(async move { in_flight.work().await });
    }
    tasks.join_all().await;
}
// ANCHOR_END: unbounded

// ANCHOR: bounded
async fn bounded(in_flight: Arc<InFlight>) {
    let permits = Arc::new(Semaphore::new(LIMIT));
    let mut tasks = JoinSet::new();
    for _ in 0..ITEMS {
        // Wait for a permit *before* spawning: at most LIMIT tasks exist at once.
        let permit = Arc::clone(&permits).acquire_owned().await.unwrap();
        let in_flight = Arc::clone(&in_flight);
        tasks.spawn(async move {
            in_flight.work().await;
            drop(permit); // the next item may start
        });
    }
    tasks.join_all().await;
}
// ANCHOR_END: bounded

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (a, b) = (Arc::new(InFlight::default()), Arc::new(InFlight::default()));
    unbounded(Arc::clone(&a)).await;
    bounded(Arc::clone(&b)).await;
    println!("one task per item: peak {} in flight", a.peak.load(SeqCst));
    println!(
        "semaphore of {LIMIT}:   peak {} in flight",
        b.peak.load(SeqCst)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_semaphore_bounds_work_in_flight() {
        for _ in 0..20 {
            let in_flight = Arc::new(InFlight::default());
            bounded(Arc::clone(&in_flight)).await;
            assert_eq!(in_flight.peak.load(SeqCst), LIMIT);
        }
    }
}
