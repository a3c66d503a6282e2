// output: varies [12] of its
use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, Mutex};
use std::thread;

const TASKS: usize = 1_000;

// ANCHOR: m_to_n
/// Spawns TASKS tasks that each note the OS thread they run on.
async fn threads_used() -> HashSet<(String, thread::ThreadId)> {
    let seen = Arc::new(Mutex::new(HashSet::new()));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..TASKS {
        let seen = Arc::clone(&seen);
        tasks.spawn(async move {
            let me = thread::current();
            seen.lock()
                .unwrap()
                .insert((me.name().unwrap().to_owned(), me.id()));
        });
    }
    tasks.join_all().await;
    Arc::into_inner(seen).unwrap().into_inner().unwrap()
}

fn main() {
    use tokio::runtime::Builder;
    let single = Builder::new_current_thread().build().unwrap();
    report("current_thread", &single, single.block_on(threads_used()));

    let multi = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    report("multi_thread", &multi, multi.block_on(threads_used()));
}
// ANCHOR_END: m_to_n

fn report(
    kind: &str,
    runtime: &tokio::runtime::Runtime,
    used: HashSet<(String, thread::ThreadId)>,
) {
    let names: BTreeSet<_> = used.iter().map(|(name, _)| name).collect();
    let workers = runtime.metrics().num_workers();
    println!(
        "{kind}: {TASKS} tasks ran on {} of its {workers} worker threads, named {names:?}",
        used.len()
    );
}
