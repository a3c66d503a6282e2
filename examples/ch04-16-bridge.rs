//! Bridge (*Concurrency in Go*): a channel of channels, read as one sequence:
//! each inner channel to its end, then the next one.
//!
//! Run it with `cargo run --example ch04-16-bridge`.
use futures::StreamExt;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

// ANCHOR: bridge
/// One stream of every value of every channel `channels` delivers, in order.
fn bridge(channels: mpsc::Receiver<mpsc::Receiver<u32>>) -> impl futures::Stream<Item = u32> {
    ReceiverStream::new(channels).flat_map(ReceiverStream::new)
}
// ANCHOR_END: bridge

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: use
    // A producer that hands out its results in batches, a channel per batch.
    let (batches, channels) = mpsc::channel(2);
    tokio::spawn(async move {
        for batch in 0..3 {
            let (tx, rx) = mpsc::channel(4);
            batches.send(rx).await.unwrap();
            for i in 0..3 {
                tx.send(batch * 10 + i).await.unwrap();
            }
        }
    });
    let all: Vec<u32> = bridge(channels).collect().await;
    println!("three batches read as one sequence: {all:?}");
    // ANCHOR_END: use
}
