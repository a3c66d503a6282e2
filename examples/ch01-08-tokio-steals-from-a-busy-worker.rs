use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::Duration;

const CHILDREN: usize = 64;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    // ANCHOR: steal
    let ran_on: Arc<Mutex<HashMap<ThreadId, usize>>> = Arc::default();
    let parent = runtime.block_on(async {
        let ran_on = Arc::clone(&ran_on);
        tokio::spawn(async move {
            let mut children = Vec::new();
            for _ in 0..CHILDREN {
                let ran_on = Arc::clone(&ran_on);
                // Spawned on a worker: queued locally on *this* worker.
                children.push(tokio::spawn(async move {
                    *ran_on
                        .lock()
                        .unwrap()
                        .entry(thread::current().id())
                        .or_default() += 1;
                }));
            }
            // Now hog this worker: only the other one can run the children.
            thread::sleep(Duration::from_millis(200));
            let me = thread::current().id();
            for child in children {
                child.await.unwrap();
            }
            me
        })
        .await
        .unwrap()
    });
    let ran_on = ran_on.lock().unwrap();
    let by_parent = ran_on.get(&parent).copied().unwrap_or(0);
    println!("{CHILDREN} children queued on the parent's worker, which then blocked");
    println!(
        "stolen and run by the other worker: {}",
        CHILDREN - by_parent
    );
    println!("run by the parent's worker after it woke: {by_parent}");
    // ANCHOR_END: steal
}
