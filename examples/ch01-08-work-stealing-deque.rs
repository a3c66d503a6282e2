// output: varies \d+ by stealing
use crossbeam::deque::{Steal, Stealer, Worker};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

const JOBS: usize = 1_000;

// ANCHOR: find_job
/// A worker's search for its next job, the order Go's `findRunnable` and
/// tokio's workers use: its own queue first, then steal from a sibling.
fn find_job(local: &Worker<usize>, siblings: &[Stealer<usize>]) -> Option<usize> {
    local.pop().or_else(|| {
        siblings.iter().find_map(|s| {
            loop {
                match s.steal_batch_and_pop(local) {
                    Steal::Success(job) => break Some(job),
                    Steal::Empty => break None,
                    Steal::Retry => continue,
                }
            }
        })
    })
}
// ANCHOR_END: find_job

/// Runs every job on two workers; returns how many times each job ran and
/// how many jobs the second worker, which starts empty, ran.
fn run() -> (Vec<usize>, usize) {
    let runs: Vec<AtomicUsize> = (0..JOBS).map(|_| AtomicUsize::new(0)).collect();
    // ANCHOR: setup
    let busy = Worker::new_lifo(); // all jobs land on worker 0, as if it spawned them
    (0..JOBS).for_each(|job| busy.push(job));
    let idle = Worker::new_lifo();
    let (steal_from_busy, steal_from_idle) = (busy.stealer(), idle.stealer());
    // ANCHOR_END: setup
    let work = |local: Worker<usize>, sibling: Stealer<usize>| {
        let mut done = 0;
        while let Some(job) = find_job(&local, std::slice::from_ref(&sibling)) {
            runs[job].fetch_add(1, Ordering::Relaxed);
            thread::sleep(Duration::from_micros(20)); // a job takes a moment
            done += 1;
        }
        done
    };
    let stolen = thread::scope(|s| {
        s.spawn(|| work(busy, steal_from_idle));
        s.spawn(|| work(idle, steal_from_busy)).join().unwrap()
    });
    (
        runs.into_iter().map(AtomicUsize::into_inner).collect(),
        stolen,
    )
}

fn main() {
    let (runs, stolen) = run();
    let exactly_once = runs.iter().all(|&n| n == 1);
    println!("{JOBS} jobs queued on worker 0; each ran exactly once: {exactly_once}");
    println!("worker 1 started empty and ran {stolen} by stealing");
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_job_runs_once_and_the_idle_worker_steals() {
        for _ in 0..5 {
            let (runs, stolen) = super::run();
            assert!(runs.iter().all(|&n| n == 1));
            assert!(stolen > 0, "the idle worker found nothing to steal");
        }
    }
}
