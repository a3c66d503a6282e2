// output: varies \d+(\.\d+)?x
//! When an actor beats a mutex, and when it does not, measured: for a tiny
//! operation the mutex is many times faster; for a slow one that callers
//! need not wait for, the actor frees the callers at once.
//!
//! Run it with `cargo run --example ch04-11-actor-or-mutex-measured`.
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

const CLIENTS: u64 = 4;
const OPS: u64 = 10_000;

// ANCHOR: cheap
/// Increments per second when every operation is a message to an actor.
async fn actor_rate() -> f64 {
    let (tx, mut rx) = mpsc::channel::<u64>(1024);
    let actor = tokio::spawn(async move {
        let mut total = 0;
        while let Some(n) = rx.recv().await {
            total += n;
        }
        total
    });
    let start = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let tx = tx.clone();
            tokio::spawn(async move {
                for _ in 0..OPS {
                    tx.send(1).await.unwrap();
                }
            })
        })
        .collect();
    drop(tx);
    for client in clients {
        client.await.unwrap();
    }
    assert_eq!(actor.await.unwrap(), CLIENTS * OPS);
    (CLIENTS * OPS) as f64 / start.elapsed().as_secs_f64()
}

/// The same increments under a std Mutex, held for nanoseconds each.
async fn mutex_rate() -> f64 {
    let total = Arc::new(Mutex::new(0u64));
    let start = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let total = Arc::clone(&total);
            tokio::spawn(async move {
                for _ in 0..OPS {
                    *total.lock().unwrap() += 1;
                }
            })
        })
        .collect();
    for client in clients {
        client.await.unwrap();
    }
    assert_eq!(*total.lock().unwrap(), CLIENTS * OPS);
    (CLIENTS * OPS) as f64 / start.elapsed().as_secs_f64()
}
// ANCHOR_END: cheap

// ANCHOR: slow
/// Each operation takes 1 ms (an await: a write to a slow store). Returns
/// when the clients were free to go on, and when all the work was done.
async fn slow_ops(through_actor: bool) -> (Duration, Duration) {
    let start = tokio::time::Instant::now();
    let store = Arc::new(tokio::sync::Mutex::new(0u64));
    let (tx, mut rx) = mpsc::unbounded_channel::<()>();
    let actor = tokio::spawn({
        let store = Arc::clone(&store);
        async move {
            while rx.recv().await.is_some() {
                tokio::time::sleep(Duration::from_millis(1)).await;
                *store.lock().await += 1;
            }
        }
    });
    let mut clients = tokio::task::JoinSet::new();
    for _ in 0..CLIENTS {
        let (tx, store) = (tx.clone(), Arc::clone(&store));
        clients.spawn(async move {
            for _ in 0..10 {
                if through_actor {
                    tx.send(()).unwrap(); // fire and forget: the actor does it
                } else {
                    let mut value = store.lock().await; // held across the slow write
                    tokio::time::sleep(Duration::from_millis(1)).await;
                    *value += 1;
                }
            }
        });
    }
    drop(tx);
    clients.join_all().await;
    let clients_free = start.elapsed();
    actor.await.unwrap();
    assert_eq!(*store.lock().await, CLIENTS * 10);
    (clients_free, start.elapsed())
}
// ANCHOR_END: slow

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let (actor, mutex) = runtime.block_on(async { (actor_rate().await, mutex_rate().await) });
    println!(
        "a tiny operation: the Mutex did {:.1}x the actor's operations per second",
        mutex / actor
    );
    let paused = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    for (label, through_actor) in [
        ("Mutex held across it", false),
        ("actor, fire and forget", true),
    ] {
        let (free, done) = paused.block_on(slow_ops(through_actor));
        println!(
            "40 operations of 1 ms, {label}: clients free after {free:?}, all done after {done:?}"
        );
    }
}
