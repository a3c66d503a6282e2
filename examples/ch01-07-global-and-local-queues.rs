use std::sync::{Arc, Barrier};
use tokio::runtime::{Builder, Handle};

fn main() {
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let metrics = runtime.metrics();

    // ANCHOR: global
    // Occupy both workers (the two "P"s) with tasks that block until released.
    let running = Arc::new(Barrier::new(3));
    let release = Arc::new(Barrier::new(3));
    for _ in 0..2 {
        let (running, release) = (Arc::clone(&running), Arc::clone(&release));
        runtime.spawn(async move {
            running.wait(); // blocking a worker on purpose, to freeze the picture
            release.wait();
        });
    }
    running.wait();

    // main is not a worker thread, so its spawns go to the global (inject) queue.
    for _ in 0..10 {
        runtime.spawn(async {});
    }
    println!(
        "spawned from outside: global queue depth {}",
        metrics.global_queue_depth()
    );
    release.wait();
    // ANCHOR_END: global

    // ANCHOR: local
    let depth_seen_inside = runtime.block_on(async {
        tokio::spawn(async {
            // On a worker, spawns go to that worker's own local queue.
            for _ in 0..10 {
                tokio::spawn(async {});
            }
            Handle::current().metrics().global_queue_depth()
        })
        .await
        .unwrap()
    });
    println!("spawned from a worker:  global queue depth {depth_seen_inside}");
    // ANCHOR_END: local

    runtime.block_on(async {
        while metrics.num_alive_tasks() > 0 {
            tokio::task::yield_now().await;
        }
    });
    println!("all done: {} tasks alive", metrics.num_alive_tasks());
}
