//! The workloads of `examples/go/bench/bench_test.go`, in Rust: each Go
//! benchmark's name is a criterion group here, and each Rust way of doing
//! the work is a function in it. `cargo xtask bench` runs both and writes the
//! table the book's benchmarks appendix shows; keep the two files in step.

use std::hint::black_box;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use criterion::{Criterion, criterion_group};
use crossbeam::channel;
use rayon::prelude::*;
use tokio::runtime::Runtime;

const SPAWNS: usize = 100;
const ROUND_TRIPS: usize = 1000;
const MESSAGES: usize = 100_000;
const CAPACITY: usize = 128;
const INCREMENTS: usize = 1_000_000;
const JOBS: usize = 1000;
const WORKERS: usize = 4;

fn runtime() -> Runtime {
    // As many workers as cores, like GOMAXPROCS.
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Runs `work` as a task on a worker thread, as a Go benchmark's loop runs on
/// a goroutine: `block_on`'s own thread is no worker, and every hand-off
/// between it and a worker would be a thread wake-up.
fn on_a_worker<F>(rt: &Runtime, work: impl FnOnce() -> F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    rt.block_on(rt.spawn(work())).unwrap()
}

// ANCHOR: spawn
fn spawn(c: &mut Criterion) {
    let mut group = c.benchmark_group("Spawn");
    group.bench_function("std::thread", |b| {
        b.iter(|| {
            let handles: Vec<_> = (0..SPAWNS).map(|_| thread::spawn(|| {})).collect();
            handles.into_iter().for_each(|h| h.join().unwrap());
        })
    });
    let rt = runtime();
    group.bench_function("tokio task", |b| {
        b.iter(|| {
            on_a_worker(&rt, || async {
                let handles: Vec<_> = (0..SPAWNS).map(|_| tokio::spawn(async {})).collect();
                for h in handles {
                    h.await.unwrap();
                }
            })
        })
    });
    group.finish();
}
// ANCHOR_END: spawn

// ANCHOR: ping_pong
fn ping_pong(c: &mut Criterion) {
    let mut group = c.benchmark_group("PingPong");
    group.bench_function("crossbeam bounded(0), threads", |b| {
        b.iter(|| {
            let (ping, ping_rx) = channel::bounded::<usize>(0);
            let (pong_tx, pong) = channel::bounded::<usize>(0);
            thread::scope(|s| {
                s.spawn(move || ping_rx.iter().for_each(|v| pong_tx.send(v + 1).unwrap()));
                for i in 0..ROUND_TRIPS {
                    ping.send(i).unwrap();
                    black_box(pong.recv().unwrap());
                }
                drop(ping);
            });
        })
    });
    let rt = runtime();
    group.bench_function("tokio mpsc(1), tasks", |b| {
        b.iter(|| {
            on_a_worker(&rt, || async {
                let (ping, mut ping_rx) = tokio::sync::mpsc::channel::<usize>(1);
                let (pong_tx, mut pong) = tokio::sync::mpsc::channel::<usize>(1);
                let echo = tokio::spawn(async move {
                    while let Some(v) = ping_rx.recv().await {
                        pong_tx.send(v + 1).await.unwrap();
                    }
                });
                for i in 0..ROUND_TRIPS {
                    ping.send(i).await.unwrap();
                    black_box(pong.recv().await.unwrap());
                }
                drop(ping);
                echo.await.unwrap();
            })
        })
    });
    group.finish();
}
// ANCHOR_END: ping_pong

fn buffered(c: &mut Criterion, name: &str, producers: usize) {
    let mut group = c.benchmark_group(name);
    group.bench_function("crossbeam bounded, threads", |b| {
        b.iter(|| {
            let (tx, rx) = channel::bounded::<usize>(CAPACITY);
            thread::scope(|s| {
                for _ in 0..producers {
                    let tx = tx.clone();
                    s.spawn(move || (0..MESSAGES / producers).for_each(|i| tx.send(i).unwrap()));
                }
                drop(tx);
                black_box(rx.iter().sum::<usize>());
            });
        })
    });
    let rt = runtime();
    group.bench_function("tokio mpsc, tasks", |b| {
        b.iter(|| {
            on_a_worker(&rt, || async move {
                let (tx, mut rx) = tokio::sync::mpsc::channel::<usize>(CAPACITY);
                for _ in 0..producers {
                    let tx = tx.clone();
                    tokio::spawn(async move {
                        for i in 0..MESSAGES / producers {
                            tx.send(i).await.unwrap();
                        }
                    });
                }
                drop(tx);
                let mut sum = 0;
                while let Some(v) = rx.recv().await {
                    sum += v;
                }
                black_box(sum)
            })
        })
    });
    group.finish();
}

fn buffered_1_producer(c: &mut Criterion) {
    buffered(c, "Buffered1Producer", 1);
}

fn buffered_4_producers(c: &mut Criterion) {
    buffered(c, "Buffered4Producers", 4);
}

fn mutex_contention(c: &mut Criterion) {
    let mut group = c.benchmark_group("MutexContention");
    group.bench_function("std::sync::Mutex, threads", |b| {
        b.iter(|| {
            let counter = Arc::new(Mutex::new(0usize));
            thread::scope(|s| {
                for _ in 0..4 {
                    s.spawn(|| {
                        for _ in 0..INCREMENTS / 4 {
                            *counter.lock().unwrap() += 1;
                        }
                    });
                }
            });
        })
    });
    group.finish();
}

/// A job's CPU work: small, and the same in both languages.
fn work(n: usize) -> usize {
    (0..100).fold(n, |h, _| h.wrapping_mul(31).wrapping_add(7))
}

fn worker_pool(c: &mut Criterion) {
    let mut group = c.benchmark_group("WorkerPool");
    group.bench_function("crossbeam channels, threads", |b| {
        b.iter(|| {
            let (jobs, inbox) = channel::bounded::<usize>(0);
            let (results, outbox) = channel::bounded::<usize>(0);
            thread::scope(|s| {
                for _ in 0..WORKERS {
                    let (inbox, results) = (inbox.clone(), results.clone());
                    s.spawn(move || inbox.iter().for_each(|n| results.send(work(n)).unwrap()));
                }
                drop(results);
                s.spawn(move || (0..JOBS).for_each(|n| jobs.send(n).unwrap()));
                black_box(outbox.iter().fold(0usize, usize::wrapping_add));
            });
        })
    });
    let rt = runtime();
    group.bench_function("tokio mpsc(1), tasks", |b| {
        b.iter(|| {
            on_a_worker(&rt, || async move {
                // tokio's Receiver has one owner: the workers share it behind a lock.
                let (jobs, inbox) = tokio::sync::mpsc::channel::<usize>(1);
                let (results, mut outbox) = tokio::sync::mpsc::channel::<usize>(1);
                let inbox = Arc::new(tokio::sync::Mutex::new(inbox));
                for _ in 0..WORKERS {
                    let (inbox, results) = (inbox.clone(), results.clone());
                    tokio::spawn(async move {
                        loop {
                            let next = inbox.lock().await.recv().await;
                            let Some(n) = next else { break };
                            results.send(work(n)).await.unwrap();
                        }
                    });
                }
                drop(results);
                tokio::spawn(async move {
                    for n in 0..JOBS {
                        jobs.send(n).await.unwrap();
                    }
                });
                let mut sum = 0usize;
                while let Some(h) = outbox.recv().await {
                    sum = sum.wrapping_add(h);
                }
                black_box(sum)
            })
        })
    });
    group.finish();
}

/// The same jobs with no hand-off per job: split into one range per worker
/// (Go's chunked goroutines, scoped threads), or split adaptively (rayon).
fn worker_pool_chunked(c: &mut Criterion) {
    let mut group = c.benchmark_group("WorkerPoolChunked");
    group.bench_function("scoped threads, a chunk each", |b| {
        b.iter(|| {
            let jobs: Vec<usize> = (0..JOBS).collect();
            let sums: Vec<usize> = thread::scope(|s| {
                let handles: Vec<_> = jobs
                    .chunks(JOBS.div_ceil(WORKERS))
                    .map(|chunk| {
                        s.spawn(|| chunk.iter().map(|&n| work(n)).fold(0, usize::wrapping_add))
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            black_box(sums.into_iter().fold(0, usize::wrapping_add))
        })
    });
    group.bench_function("rayon par_iter", |b| {
        b.iter(|| {
            black_box(
                (0..JOBS)
                    .into_par_iter()
                    .map(work)
                    .reduce(|| 0, usize::wrapping_add),
            )
        })
    });
    group.finish();
}

fn config() -> Criterion {
    // Short runs: the appendix shows ratios, not fine-grained numbers.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = spawn, ping_pong, buffered_1_producer, buffered_4_producers, mutex_contention, worker_pool, worker_pool_chunked
}

const PARKED_THREADS: usize = 1_000;
const PARKED_TASKS: usize = 5_000;

/// This process's resident memory, as Linux reports it, in bytes.
fn resident_bytes() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    let kib: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024.0
}

// ANCHOR: memory
/// The resident memory each parked task or thread adds, measured as Go's
/// `TestMain` measures a goroutine's: start `n` of them, let every one run up
/// to the point where it waits, and divide the growth by `n`. The tasks come
/// first, so that their allocations cannot reuse memory the threads freed.
fn memory() {
    let rt = runtime();
    let per_task = on_a_worker(&rt, || async {
        let before = resident_bytes();
        let release = Arc::new(tokio::sync::Notify::new());
        let started = Arc::new(tokio::sync::Barrier::new(PARKED_TASKS + 1));
        let tasks: Vec<_> = (0..PARKED_TASKS)
            .map(|_| {
                let (started, release) = (Arc::clone(&started), Arc::clone(&release));
                tokio::spawn(async move {
                    let released = release.notified();
                    started.wait().await;
                    released.await;
                })
            })
            .collect();
        started.wait().await;
        let per_task = (resident_bytes() - before) / PARKED_TASKS as f64;
        release.notify_waiters();
        for task in tasks {
            task.await.unwrap();
        }
        per_task
    });

    let before = resident_bytes();
    let (release, parked) = channel::bounded::<()>(0);
    let started = Arc::new(std::sync::Barrier::new(PARKED_THREADS + 1));
    let threads: Vec<_> = (0..PARKED_THREADS)
        .map(|_| {
            let (started, parked) = (Arc::clone(&started), parked.clone());
            thread::spawn(move || {
                started.wait();
                let _ = parked.recv(); // Err once `release` is dropped
            })
        })
        .collect();
    started.wait();
    let per_thread = (resident_bytes() - before) / PARKED_THREADS as f64;
    drop(release);
    threads.into_iter().for_each(|t| t.join().unwrap());
    // One line per variant, which `cargo xtask bench` reads.
    println!("memory Spawn/std::thread: {per_thread:.0} bytes");
    println!("memory Spawn/tokio task: {per_task:.0} bytes");
}
// ANCHOR_END: memory

fn main() {
    // First, in a fresh process, as Go's TestMain does: later runs would
    // reuse memory the benchmarks freed.
    memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
