use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

/// Counts the tasks that were stopped before they could finish.
struct StoppedEarly(Arc<AtomicU32>);
impl Drop for StoppedEarly {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

async fn task(id: u64, stopped: Arc<AtomicU32>) -> Result<u64, String> {
    let guard = StoppedEarly(stopped);
    sleep(Duration::from_millis(10 * id)).await;
    std::mem::forget(guard); // finished: not stopped early
    if id == 3 {
        Err(format!("task {id} failed"))
    } else {
        Ok(id)
    }
}

// ANCHOR: first_error
/// Runs tasks 1..=8; returns at the first error, cancelling the rest.
async fn all_or_first_error(stopped: Arc<AtomicU32>) -> Result<Vec<u64>, String> {
    let mut set = JoinSet::new();
    for id in 1..=8 {
        set.spawn(task(id, Arc::clone(&stopped)));
    }
    let mut done = Vec::new();
    while let Some(joined) = set.join_next().await {
        match joined.expect("a task panicked") {
            Ok(value) => done.push(value),
            Err(error) => {
                set.shutdown().await; // abort the siblings and wait until they are gone
                return Err(error);
            }
        }
    }
    Ok(done)
}
// ANCHOR_END: first_error

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let stopped = Arc::new(AtomicU32::new(0));
    let start = Instant::now();
    let result = all_or_first_error(Arc::clone(&stopped)).await;
    println!("result: {result:?} after {:?}", start.elapsed());
    println!(
        "siblings cancelled before finishing: {}",
        stopped.load(SeqCst)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn the_first_error_returns_at_once_and_cancels_every_sibling() {
        let stopped = Arc::new(AtomicU32::new(0));
        let start = Instant::now();
        let result = all_or_first_error(Arc::clone(&stopped)).await;
        assert_eq!(result, Err("task 3 failed".to_string()));
        assert_eq!(start.elapsed(), Duration::from_millis(30)); // not 80: no waiting for the rest
        assert_eq!(stopped.load(SeqCst), 5); // tasks 4..=8 were cancelled mid-sleep
        assert_eq!(
            tokio::runtime::Handle::current()
                .metrics()
                .num_alive_tasks(),
            0
        );
    }
}
