use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use tokio::task::yield_now;

const STEPS: u64 = 1_000_000;

/// Runs `busy` beside a ticker task that counts each time it gets to run,
/// on a runtime with a single worker thread; returns the ticks seen meanwhile.
fn ticks_during<F: Future<Output = ()>>(busy: impl FnOnce() -> F) -> u64 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let ticks = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&ticks);
        let ticker = tokio::spawn(async move {
            loop {
                counter.fetch_add(1, Relaxed);
                yield_now().await;
            }
        });
        yield_now().await; // let the ticker start
        let before = ticks.load(Relaxed);
        busy().await;
        let during = ticks.load(Relaxed) - before;
        ticker.abort();
        during
    })
}

// ANCHOR: busy
async fn never_yields() {
    for step in 0..STEPS {
        black_box(step); // pure computation: no .await, so no chance to switch
    }
}

async fn yields_every_100k_steps() {
    for step in 0..STEPS {
        black_box(step);
        if step % 100_000 == 0 {
            yield_now().await; // hand the thread back to the scheduler
        }
    }
}
// ANCHOR_END: busy

// ANCHOR: budget
async fn drains_a_full_channel() {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1_000);
    for message in 0..1_000 {
        tx.try_send(message).unwrap();
    }
    drop(tx);
    // Every recv() is ready at once, yet tokio's budget forces a yield now and then.
    while let Some(message) = rx.recv().await {
        black_box(message);
    }
}
// ANCHOR_END: budget

fn main() {
    // ANCHOR: main
    println!(
        "ticker ran {} times during a loop that never yields",
        ticks_during(never_yields)
    );
    println!(
        "ticker ran {} times during a loop that yields",
        ticks_during(yields_every_100k_steps)
    );
    println!(
        "ticker ran {} times during 1000 ready recv()s",
        ticks_during(drains_a_full_channel)
    );
    // ANCHOR_END: main
}
