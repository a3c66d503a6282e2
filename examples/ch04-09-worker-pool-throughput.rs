// bench: --full
// output: varies \s+\d+ jobs/s\s+\d+\.\dx
// output: varies on \d+ workers
use crossbeam::channel;
use rayon::prelude::*;
use std::hint::black_box;
use std::sync::Arc;
use std::thread;
use std::time::Instant;

/// A small CPU job, so that the cost of handing jobs out dominates.
fn job(n: u64) -> u64 {
    (0..200).fold(n, |acc, i| black_box(acc.wrapping_mul(31).wrapping_add(i)))
}

// ANCHOR: variants
fn thread_per_job(jobs: u64) -> u64 {
    // In batches of 1000: a few hundred thousand threads at once would hit OS limits.
    (0..jobs).step_by(1000).fold(0, |sum, first| {
        let batch: Vec<_> = (first..jobs.min(first + 1000))
            .map(|n| thread::spawn(move || job(n)))
            .collect();
        batch
            .into_iter()
            .map(|h| h.join().unwrap())
            .fold(sum, u64::wrapping_add)
    })
}

fn fixed_thread_pool(jobs: u64, workers: usize) -> u64 {
    let (tx, rx) = channel::bounded(1024);
    thread::scope(|s| {
        let pool: Vec<_> = (0..workers)
            .map(|_| {
                let rx = rx.clone();
                s.spawn(move || rx.iter().map(job).fold(0, u64::wrapping_add))
            })
            .collect();
        (0..jobs).for_each(|n| tx.send(n).unwrap());
        drop(tx);
        pool.into_iter()
            .map(|h| h.join().unwrap())
            .fold(0, u64::wrapping_add)
    })
}

fn rayon_pool(jobs: u64) -> u64 {
    (0..jobs)
        .into_par_iter()
        .map(job)
        .reduce(|| 0, u64::wrapping_add)
}

async fn tokio_task_per_job(jobs: u64) -> u64 {
    let mut set = tokio::task::JoinSet::new();
    (0..jobs).for_each(|n| drop(set.spawn(async move { job(n) })));
    set.join_all().await.into_iter().fold(0, u64::wrapping_add)
}

async fn tokio_worker_tasks(jobs: u64, workers: usize) -> u64 {
    let (tx, rx) = tokio::sync::mpsc::channel(1024);
    let rx = Arc::new(tokio::sync::Mutex::new(rx));
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let rx = Arc::clone(&rx);
        set.spawn(async move {
            let mut sum = 0u64;
            loop {
                let next = rx.lock().await.recv().await;
                let Some(n) = next else { return sum };
                sum = sum.wrapping_add(job(n));
            }
        });
    }
    for n in 0..jobs {
        tx.send(n).await.unwrap();
    }
    drop(tx);
    set.join_all().await.into_iter().fold(0, u64::wrapping_add)
}
// ANCHOR_END: variants

fn main() {
    // `--full` is what `cargo xtask bench` runs, in release mode.
    let jobs: u64 = if std::env::args().any(|a| a == "--full") {
        100_000
    } else {
        2_000
    };
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .build()
        .unwrap();
    let expected = (0..jobs).map(job).fold(0, u64::wrapping_add);
    let timed = |f: &dyn Fn() -> u64| {
        let start = Instant::now();
        assert_eq!(f(), expected, "every variant computes the same result");
        jobs as f64 / start.elapsed().as_secs_f64()
    };
    let results = [
        ("a thread per job", timed(&|| thread_per_job(jobs))),
        (
            "fixed pool of threads",
            timed(&|| fixed_thread_pool(jobs, workers)),
        ),
        ("rayon par_iter", timed(&|| rayon_pool(jobs))),
        (
            "tokio: a task per job",
            timed(&|| runtime.block_on(tokio_task_per_job(jobs))),
        ),
        (
            "tokio: fixed worker tasks",
            timed(&|| runtime.block_on(tokio_worker_tasks(jobs, workers))),
        ),
    ];
    let slowest = results.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    println!("{jobs} jobs on {workers} workers:");
    for (name, rate) in results {
        println!(
            "  {name:<26} {:>9.0} jobs/s  {:>6.1}x the slowest",
            rate,
            rate / slowest
        );
    }
}
