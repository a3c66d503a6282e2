use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;

const WORKERS: usize = 4;
const JOBS: u64 = 40;

// ANCHOR: pool
/// WORKERS long-lived tasks share one job queue. Returns the sum of the
/// results and the most workers ever busy at once.
async fn run_pool() -> (u64, usize) {
    let (jobs_tx, jobs) = mpsc::channel::<u64>(WORKERS);
    let jobs = Arc::new(Mutex::new(jobs));
    let (busy, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut workers = JoinSet::new();
    for _ in 0..WORKERS {
        let (jobs, busy, peak) = (Arc::clone(&jobs), Arc::clone(&busy), Arc::clone(&peak));
        workers.spawn(async move {
            let mut sum = 0;
            loop {
                // Lock only to take a job. In `while let Some(job) = jobs.lock()...`
                // the guard would live through the whole loop body, serializing the pool.
                let next = jobs.lock().await.recv().await;
                let Some(job) = next else { break };
                peak.fetch_max(busy.fetch_add(1, SeqCst) + 1, SeqCst);
                // The job awaits something (I/O, a timer): its worker yields meanwhile.
                tokio::time::sleep(Duration::from_millis(1)).await;
                sum += job * 2;
                busy.fetch_sub(1, SeqCst);
            }
            sum
        });
    }
    for job in 0..JOBS {
        jobs_tx.send(job).await.unwrap();
    }
    drop(jobs_tx);
    let sum = workers.join_all().await.iter().sum();
    (sum, peak.load(SeqCst))
}
// ANCHOR_END: pool

// ANCHOR: serialized
/// The same pool written with `while let`: the MutexGuard, a temporary of the
/// loop's condition, lives until the end of each iteration.
async fn serialized_pool() -> usize {
    let (jobs_tx, jobs) = mpsc::channel::<u64>(WORKERS);
    let jobs = Arc::new(Mutex::new(jobs));
    let (busy, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut workers = JoinSet::new();
    for _ in 0..WORKERS {
        let (jobs, busy, peak) = (Arc::clone(&jobs), Arc::clone(&busy), Arc::clone(&peak));
        workers.spawn(async move {
            while let Some(_job) = jobs.lock().await.recv().await {
                peak.fetch_max(busy.fetch_add(1, SeqCst) + 1, SeqCst);
                tokio::time::sleep(Duration::from_millis(1)).await; // still holding the lock
                busy.fetch_sub(1, SeqCst);
            }
        });
    }
    for job in 0..JOBS {
        jobs_tx.send(job).await.unwrap();
    }
    drop(jobs_tx);
    workers.join_all().await;
    peak.load(SeqCst)
}
// ANCHOR_END: serialized

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (sum, peak) = run_pool().await;
    println!("{JOBS} jobs, results summed: {sum}");
    println!("workers busy at the same time, at most: {peak} of {WORKERS}");
    let peak = serialized_pool().await;
    println!("the same pool written with `while let`: at most {peak} of {WORKERS}");
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
    async fn all_workers_are_busy_at_once_and_no_more() {
        let (sum, peak) = super::run_pool().await;
        assert_eq!(sum, (0..super::JOBS).map(|j| j * 2).sum::<u64>());
        assert_eq!(peak, super::WORKERS);
        assert_eq!(super::serialized_pool().await, 1);
    }
}
