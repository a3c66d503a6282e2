//! Two upstream signals beyond a failed send: `Sender::closed()` wakes a
//! producer that is busy between sends, and one `CancellationToken` stops
//! many tasks at once, whatever they are doing.
//!
//! Run it: `cargo run --example ch03-10-closed-and-token`
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: closed
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    let producer = tokio::spawn(async move {
        let mut sent = 0;
        loop {
            tokio::select! {
                _ = tx.closed() => return sent, // nobody listens: stop mid-step
                _ = sleep(Duration::from_millis(100)) => {} // a slow step before each send
            }
            if tx.send(sent).await.is_err() {
                return sent;
            }
            sent += 1;
        }
    });
    let first = rx.recv().await.unwrap(); // at 100 ms
    sleep(Duration::from_millis(30)).await;
    drop(rx); // at 130 ms, while the producer is in its next step
    println!("consumer took {first} and hung up at {:?}", start.elapsed());
    let sent = producer.await.unwrap();
    println!(
        "producer stopped at {:?} after {sent} send(s)",
        start.elapsed()
    );
    // ANCHOR_END: closed

    // ANCHOR: token
    let start = Instant::now();
    let token = CancellationToken::new();
    let workers: Vec<_> = (1..=3u64)
        .map(|worker| {
            let token = token.clone();
            tokio::spawn(async move {
                // Work that is not a send: a step of 10, 20 or 30 ms, until cancelled.
                let step = || sleep(Duration::from_millis(10 * worker));
                let mut steps = 0;
                while token.run_until_cancelled(step()).await.is_some() {
                    steps += 1;
                }
                steps
            })
        })
        .collect();
    sleep(Duration::from_millis(65)).await;
    token.cancel(); // one call, every worker
    for (worker, handle) in (1..).zip(workers) {
        println!(
            "worker {worker} stopped after {} steps",
            handle.await.unwrap()
        );
    }
    println!("all three stopped at {:?}", start.elapsed());
    // ANCHOR_END: token
}
