//! A long operation awaited in a `select!` loop must be created once and
//! pinned, then polled by reference (`&mut op`) on every turn; written inside
//! the loop, it is dropped and started again each time another branch wins.
//!
//! Run it with `cargo run --example ch01-17-one-future-across-loop-turns`.
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::time::Duration;
use tokio::time::{Instant, Interval, interval_at, sleep};

static STARTS: AtomicU32 = AtomicU32::new(0);

/// Ticks every 20 ms, the first one 20 ms from now.
fn every_20_ms() -> Interval {
    let period = Duration::from_millis(20);
    interval_at(Instant::now() + period, period)
}

/// A 50 ms operation that counts how often it was started.
async fn compute() -> &'static str {
    STARTS.fetch_add(1, Relaxed);
    sleep(Duration::from_millis(50)).await;
    "done"
}

// ANCHOR: pinned
/// Reports progress every 20 ms while one `compute` runs to its end.
async fn pinned() -> (&'static str, u32) {
    let mut progress = every_20_ms();
    let op = compute();
    tokio::pin!(op); // a future polled by reference must not move
    let mut ticks = 0;
    loop {
        tokio::select! {
            result = &mut op => return (result, ticks),
            _ = progress.tick() => ticks += 1,
        }
    }
}
// ANCHOR_END: pinned

// ANCHOR: restarted
/// The same loop with `compute()` written in the `select!`: every tick
/// drops the unfinished operation, and the next turn starts a new one.
async fn restarted(turns: u32) -> u32 {
    let mut progress = every_20_ms();
    for _ in 0..turns {
        tokio::select! {
            _ = compute() => return 0,
            _ = progress.tick() => {}
        }
    }
    turns
}
// ANCHOR_END: restarted

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (result, ticks) = pinned().await;
    println!(
        "pinned: {result} after {ticks} progress ticks; started {} time(s)",
        STARTS.swap(0, Relaxed)
    );
    let turns = restarted(10).await;
    println!(
        "in the select!: never done in {turns} turns; started {} times",
        STARTS.load(Relaxed)
    );
}
