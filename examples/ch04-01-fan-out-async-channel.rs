//! Fan-out over an async MPMC channel: every worker holds its own clone of
//! the receiver, so no `Mutex` is needed.
//!
//! Run it with `cargo run --example ch04-01-fan-out-async-channel`.
use tokio::task::JoinSet;

const WORKERS: usize = 4;
const ITEMS: u32 = 100;

// ANCHOR: fan_out
/// Fans ITEMS out to WORKERS tasks, each with its own clone of the receiver.
async fn fan_out() -> Vec<u32> {
    // async-channel's Receiver is Clone, like a Go channel shared by
    // goroutines: each message still goes to exactly one receiver.
    let (queue_tx, queue) = async_channel::bounded(8);
    let mut workers = JoinSet::new();
    for _ in 0..WORKERS {
        let queue = queue.clone();
        workers.spawn(async move {
            let mut processed = Vec::new();
            // recv() fails once every Sender is gone and the queue is empty:
            // the `for v := range jobs` of Go.
            while let Ok(item) = queue.recv().await {
                processed.push(item);
            }
            processed
        });
    }
    drop(queue); // only the workers' clones remain
    for item in 0..ITEMS {
        queue_tx.send(item).await.unwrap();
    }
    drop(queue_tx); // closes the queue: every worker's loop ends
    workers.join_all().await.concat()
}
// ANCHOR_END: fan_out

#[tokio::main]
async fn main() {
    let mut items = fan_out().await;
    items.sort();
    let exactly_once = items == (0..ITEMS).collect::<Vec<_>>();
    println!(
        "{ITEMS} items fanned out to {WORKERS} tasks; each processed exactly once: {exactly_once}"
    );
    println!("tasks left running afterwards: {}", tasks_left().await);
}

/// Live tasks, once tasks that are finishing have had up to a second to be
/// released (a JoinHandle can wake before its task is gone).
async fn tasks_left() -> usize {
    let metrics = tokio::runtime::Handle::current().metrics();
    let all_gone = async {
        while metrics.num_alive_tasks() > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), all_gone).await;
    metrics.num_alive_tasks()
}

#[cfg(test)]
mod tests {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_item_is_processed_exactly_once() {
        for _ in 0..20 {
            let mut items = super::fan_out().await;
            items.sort();
            assert_eq!(items, (0..super::ITEMS).collect::<Vec<_>>());
        }
    }
}
