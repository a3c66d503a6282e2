use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;
use tokio::task::JoinSet;

const LIMIT: usize = 3;
const JOBS: u64 = 30;

async fn fetch(id: u64, running: Arc<AtomicUsize>, peak: Arc<AtomicUsize>) -> u64 {
    peak.fetch_max(running.fetch_add(1, SeqCst) + 1, SeqCst);
    tokio::time::sleep(Duration::from_millis(1 + id % 3)).await; // a request
    running.fetch_sub(1, SeqCst);
    id
}

// ANCHOR: join_set
/// At most LIMIT requests in flight: before spawning another, wait for one
/// to finish. The JoinSet's length is the number in flight.
async fn run_bounded() -> (Vec<u64>, usize) {
    let (running, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut in_flight = JoinSet::new();
    let mut done = Vec::new();
    for id in 0..JOBS {
        if in_flight.len() == LIMIT {
            done.push(in_flight.join_next().await.unwrap().unwrap());
        }
        in_flight.spawn(fetch(id, Arc::clone(&running), Arc::clone(&peak)));
    }
    done.extend(in_flight.join_all().await);
    (done, peak.load(SeqCst))
}
// ANCHOR_END: join_set

#[tokio::main]
async fn main() {
    let (done, peak) = run_bounded().await;
    println!(
        "{} requests, limit {LIMIT}: at most {peak} in flight",
        done.len()
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
    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_flight() {
        let (mut done, peak) = super::run_bounded().await;
        done.sort();
        assert_eq!(done, (0..super::JOBS).collect::<Vec<_>>());
        assert_eq!(peak, super::LIMIT);
    }
}
