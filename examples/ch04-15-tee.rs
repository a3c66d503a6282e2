//! Tee (*Concurrency in Go*): every value of one channel to two outputs, in
//! order. Each value goes to both before the next is read, so the pair moves
//! at the pace of the slower reader.
//!
//! Run it with `cargo run --example ch04-15-tee`.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

// ANCHOR: tee
/// Forwards each value to both outputs; a value needs `Clone` to be in two
/// places at once (an `Arc<T>` for a big or unclonable one).
async fn tee<T: Clone>(mut input: mpsc::Receiver<T>, a: mpsc::Sender<T>, b: mpsc::Sender<T>) {
    while let Some(v) = input.recv().await {
        // Both sends at once, so neither output waits for the other to have room.
        let (sent_a, sent_b) = tokio::join!(a.send(v.clone()), b.send(v));
        if sent_a.is_err() || sent_b.is_err() {
            return; // a reader left: stop (Cox-Buday's tee stops when done is closed)
        }
    }
}
// ANCHOR_END: tee

/// Reads everything, `per_value` apart; returns it and when it finished.
async fn read(
    mut rx: mpsc::Receiver<u32>,
    per_value: Duration,
    start: Instant,
) -> (Vec<u32>, Duration) {
    let mut got = Vec::new();
    while let Some(v) = rx.recv().await {
        got.push(v);
        sleep(per_value).await;
    }
    (got, start.elapsed())
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (tx, input) = mpsc::channel(1);
    let ((a_tx, a_rx), (b_tx, b_rx)) = (mpsc::channel(1), mpsc::channel(1));
    tokio::spawn(tee(input, a_tx, b_tx));
    let fast = tokio::spawn(read(a_rx, Duration::from_millis(1), start));
    let slow = tokio::spawn(read(b_rx, Duration::from_millis(10), start));
    for v in 1..=5 {
        tx.send(v).await.unwrap();
    }
    drop(tx);
    let (fast, slow) = (fast.await.unwrap(), slow.await.unwrap());
    println!("fast reader: {:?}, done at {:?}", fast.0, fast.1);
    println!("slow reader: {:?}, done at {:?}", slow.0, slow.1);
}
