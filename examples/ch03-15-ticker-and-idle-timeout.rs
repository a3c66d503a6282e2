//! A ticker meets a slow step: what `interval` does with the ticks it missed,
//! under each `MissedTickBehavior`. Then an idle timeout that restarts with
//! every message: one pinned `Sleep`, reset, never recreated.
//!
//! Run it: `cargo run --example ch03-15-ticker-and-idle-timeout`
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, MissedTickBehavior, interval, sleep};

const MS: Duration = Duration::from_millis(1);

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: ticker
    for behavior in [
        MissedTickBehavior::Burst,
        MissedTickBehavior::Delay,
        MissedTickBehavior::Skip,
    ] {
        let start = Instant::now();
        let mut tick = interval(10 * MS);
        tick.set_missed_tick_behavior(behavior);
        let mut at = Vec::new();
        for n in 0..6 {
            tick.tick().await;
            at.push(start.elapsed().as_millis());
            if n == 1 {
                sleep(25 * MS).await; // one slow step: the ticks at 20 and 30 ms are missed
            }
        }
        println!("{behavior:?}: ticks at {at:?} ms");
    }
    // ANCHOR_END: ticker

    // ANCHOR: idle
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel(1);
    tokio::spawn(async move {
        for gap in [10, 20, 30] {
            sleep(gap * MS).await;
            tx.send(start.elapsed().as_millis()).await.unwrap();
        }
        sleep(Duration::from_secs(3600)).await; // then silence, connection still open
    });
    let idle = sleep(50 * MS);
    tokio::pin!(idle); // one timer for the whole loop, reset instead of recreated
    loop {
        tokio::select! {
            Some(sent) = rx.recv() => {
                println!("message sent at {sent} ms; idle timer restarted");
                idle.as_mut().reset(Instant::now() + 50 * MS);
            }
            _ = &mut idle => break,
        }
    }
    println!("closed as idle at {} ms", start.elapsed().as_millis());
    // ANCHOR_END: idle
}
