use crossbeam::channel;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::thread;
use std::time::{Duration, Instant};

const WORKERS: usize = 4;
const JOBS: u64 = 40;

// ANCHOR: pool
/// A fixed pool: WORKERS long-lived threads take jobs from one queue.
/// Returns the sum of the results and the most workers ever busy at once.
fn run_pool() -> (u64, usize) {
    let (jobs_tx, jobs) = channel::bounded::<u64>(WORKERS);
    let (results_tx, results) = channel::unbounded();
    let (busy, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
    thread::scope(|s| {
        for _ in 0..WORKERS {
            let (jobs, results_tx, busy, peak) = (jobs.clone(), results_tx.clone(), &busy, &peak);
            s.spawn(move || {
                for job in jobs {
                    peak.fetch_max(busy.fetch_add(1, SeqCst) + 1, SeqCst);
                    wait_for_company(busy); // hold the job until every worker has one
                    results_tx.send(job * 2).unwrap();
                    busy.fetch_sub(1, SeqCst);
                }
            });
        }
        (0..JOBS).for_each(|job| jobs_tx.send(job).unwrap());
        drop(jobs_tx);
    });
    drop(results_tx);
    (results.iter().sum(), peak.into_inner())
}
// ANCHOR_END: pool

/// Waits, up to 100 ms, until all WORKERS are busy: if the pool really has
/// WORKERS threads, they all get here together.
fn wait_for_company(busy: &AtomicUsize) {
    let until = Instant::now() + Duration::from_millis(100);
    while busy.load(SeqCst) < WORKERS && Instant::now() < until {
        thread::yield_now();
    }
}

fn main() {
    let (sum, peak) = run_pool();
    println!("{JOBS} jobs, results summed: {sum}");
    println!("workers busy at the same time, at most: {peak} of {WORKERS}");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pool_runs_exactly_its_workers_in_parallel() {
        let (sum, peak) = super::run_pool();
        assert_eq!(sum, (0..super::JOBS).map(|j| j * 2).sum::<u64>());
        assert_eq!(peak, super::WORKERS);
    }
}
