use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::thread;

fn main() {
    // ANCHOR: scope
    // thread::scope is a WaitGroup the compiler checks: it cannot return early.
    let done = AtomicU32::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| done.fetch_add(1, SeqCst));
        }
    }); // every thread spawned in the scope has been joined here
    println!("thread::scope: {} of 4 done", done.load(SeqCst));
    // ANCHOR_END: scope

    // ANCHOR: crossbeam
    // crossbeam's WaitGroup: clone to Add(1), drop to Done(), wait() to Wait().
    let wg = crossbeam::sync::WaitGroup::new();
    let done = std::sync::Arc::new(AtomicU32::new(0));
    for _ in 0..4 {
        let (wg, done) = (wg.clone(), done.clone());
        thread::spawn(move || {
            done.fetch_add(1, SeqCst);
            drop(wg); // Done()
        });
    }
    wg.wait();
    println!("crossbeam WaitGroup: {} of 4 done", done.load(SeqCst));
    // ANCHOR_END: crossbeam

    // ANCHOR: joinset
    // For tasks: a JoinSet, which also returns each task's result.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let results = runtime.block_on(async {
        let mut set = tokio::task::JoinSet::new();
        for n in 1..=4u32 {
            set.spawn(async move { n * n });
        }
        let mut results = set.join_all().await;
        results.sort();
        results
    });
    println!("JoinSet: results {results:?}");
    // ANCHOR_END: joinset
}
