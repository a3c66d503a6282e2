//! Three ways to make the two futures that do not compile spawnable: end the
//! std guard before the `.await`, use tokio's Mutex, or keep `!Send` data on
//! one thread with a `LocalSet`.
//!
//! Run it with `cargo run --example ch01-16-send-fixes`.
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // ANCHOR: fixes
    // 1. Scope the std guard: it is dropped before the .await, so it is not
    //    part of the future's state.
    let counter = Arc::new(Mutex::new(0));
    let shared = Arc::clone(&counter);
    tokio::spawn(async move {
        {
            *shared.lock().unwrap() += 1;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    })
    .await
    .unwrap();
    println!("1. scoped std guard: counter = {}", counter.lock().unwrap());

    // 2. tokio's Mutex: its guard is Send (for T: Send), and meant to be held
    //    across .await.
    let counter = Arc::new(tokio::sync::Mutex::new(0));
    let shared = Arc::clone(&counter);
    tokio::spawn(async move {
        let mut count = shared.lock().await;
        tokio::time::sleep(Duration::from_millis(1)).await;
        *count += 1;
    })
    .await
    .unwrap();
    println!("2. tokio::sync::Mutex: counter = {}", counter.lock().await);

    // 3. A LocalSet runs !Send futures, on the one thread that drives it.
    let local = tokio::task::LocalSet::new();
    let length = local
        .run_until(async {
            tokio::task::spawn_local(async {
                let names = Rc::new(vec!["ada", "grace"]);
                tokio::task::yield_now().await;
                names.len()
            })
            .await
            .unwrap()
        })
        .await;
    println!("3. spawn_local on a LocalSet: {length} names");
    // ANCHOR_END: fixes
}
