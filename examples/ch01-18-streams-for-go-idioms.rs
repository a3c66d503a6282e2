//! Streams, the async iterator: the Go idioms they replace. A channel read
//! with `range` becomes a `ReceiverStream`; results collected as goroutines
//! finish become `FuturesUnordered`; a `select` over several channels that
//! knows which one spoke becomes a `StreamMap`.
//!
//! Run it with `cargo run --example ch01-18-streams-for-go-idioms`.
use futures::stream::{FuturesUnordered, StreamExt};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::StreamMap;
use tokio_stream::wrappers::ReceiverStream;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: range
    // Go: for v := range ch { if v%2 == 0 { … } } with a counter to stop at 3.
    let (tx, rx) = mpsc::channel(8);
    tokio::spawn(async move {
        for v in 1..=10 {
            if tx.send(v).await.is_err() {
                break; // take(3) was done, and dropped the stream: no leak
            }
        }
    });
    let evens: Vec<u32> = ReceiverStream::new(rx)
        .filter(|v| std::future::ready(v % 2 == 0))
        .map(|v| v * 10)
        .take(3)
        .collect()
        .await;
    println!("range, filter, map, take 3: {evens:?}");
    // ANCHOR_END: range

    // ANCHOR: unordered
    // Go: a goroutine per job, each sending its result on one channel.
    let jobs: FuturesUnordered<_> = [60u64, 20, 40]
        .into_iter()
        .map(|ms| async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            ms
        })
        .collect();
    let finished: Vec<u64> = jobs.collect().await;
    println!("results in the order they finished: {finished:?}");
    // ANCHOR_END: unordered

    // ANCHOR: keyed
    // Go: select { case v := <-orders: … case v := <-payments: … }, knowing
    // which channel each value came from, until both are closed.
    let mut sources = StreamMap::new();
    for (name, values) in [("orders", vec![1, 2]), ("payments", vec![7])] {
        let (tx, rx) = mpsc::channel(4);
        for v in values {
            tx.send(v).await.unwrap();
        }
        sources.insert(name, ReceiverStream::new(rx)); // tx dropped: closes after
    }
    let mut seen: Vec<(&str, i32)> = Vec::new();
    while let Some(pair) = sources.next().await {
        seen.push(pair);
    }
    seen.sort();
    println!("StreamMap, every value with its source: {seen:?}");
    // ANCHOR_END: keyed
}
