use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::Mutex;

const WORKERS: usize = 4;

// ANCHOR: pool
fn main() {
    let threads_used = Mutex::new(HashSet::new());
    let total: u64 = rayon::ThreadPoolBuilder::new()
        .num_threads(WORKERS)
        .build_scoped(
            |thread| thread.run(), // how each pool thread runs
            |pool| {
                pool.install(|| {
                    (0..10_000u64)
                        .into_par_iter()
                        .map(|n| {
                            threads_used
                                .lock()
                                .unwrap()
                                .insert(rayon::current_thread_index());
                            n % 7
                        })
                        .sum()
                })
            },
        )
        .unwrap(); // build_scoped joins the pool's threads before returning
    let used = threads_used.into_inner().unwrap();
    println!("sum {total}, computed on a pool of {WORKERS} threads");
    println!(
        "every job ran on a pool thread: {}",
        used.iter().all(|i| i.is_some())
    );
    let mut threads = pool_threads();
    threads.sort();
    println!("a broadcast to the pool was answered by threads {threads:?}");
}
// ANCHOR_END: pool

/// Runs a closure once on every thread of a fresh pool: proves its size.
fn pool_threads() -> Vec<usize> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(WORKERS)
        .build_scoped(
            |thread| thread.run(),
            |pool| pool.broadcast(|context| context.index()),
        );
    pool.unwrap()
}
