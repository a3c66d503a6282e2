//! What a task per item costs as the items grow, when the work behind them
//! (a database, say) serves 8 at a time: memory grows with every task, and
//! so does the wait, because the queue moves into the database.
//!
//! Run it: `cargo run --example ch01-13-what-unbounded-spawning-costs`
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{Instant, sleep};
use tokio_util::task::TaskTracker;

/// Counts the heap in use, and its peak (std only: a wrapper around `System`).
struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}
#[global_allocator]
static HEAP: Counting = Counting;

// ANCHOR: cost
/// Spawns one task per item (or, with `limit`, waits for a permit first);
/// returns the peak extra heap and the longest time an item spent in the database.
async fn run(items: usize, limit: Option<usize>) -> (usize, Duration) {
    let database = Arc::new(Semaphore::new(8)); // serves 8 requests at a time, 1 ms each
    let bound = limit.map(|n| Arc::new(Semaphore::new(n)));
    let (tasks, slowest_us) = (TaskTracker::new(), Arc::new(AtomicU64::new(0)));
    let base = IN_USE.load(Relaxed);
    PEAK.store(base, Relaxed);
    for _ in 0..items {
        let permit = match &bound {
            Some(bound) => Some(bound.clone().acquire_owned().await.unwrap()),
            None => None,
        };
        let (database, slowest_us) = (database.clone(), slowest_us.clone());
        tasks.spawn(async move {
            let asked = Instant::now();
            let served = database.acquire().await.unwrap();
            sleep(Duration::from_millis(1)).await;
            drop((served, permit));
            slowest_us.fetch_max(asked.elapsed().as_micros() as u64, Relaxed);
        });
    }
    tasks.close();
    tasks.wait().await;
    let slowest = Duration::from_micros(slowest_us.load(Relaxed));
    (PEAK.load(Relaxed) - base, slowest)
}
// ANCHOR_END: cost

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: main
    let (heap_100, _) = run(100, None).await;
    for items in [100, 1_000, 10_000] {
        let (heap, wait) = run(items, None).await;
        let (bounded_heap, bounded_wait) = run(items, Some(8)).await;
        println!(
            "{items:>6} items, a task each: heap {:>5.1}x, slowest request {:>5} ms in the database; \
             8 at a time: heap {:>4.2}x, {} ms",
            heap as f64 / heap_100 as f64,
            wait.as_millis(),
            bounded_heap as f64 / heap_100 as f64,
            bounded_wait.as_millis()
        );
    }
    // ANCHOR_END: main
}
