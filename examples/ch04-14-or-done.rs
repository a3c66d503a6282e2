//! The or-done channel (*Concurrency in Go*): read a channel until it ends or
//! until the reader is told to stop, whichever comes first.
//!
//! Run it with `cargo run --example ch04-14-or-done`.
use futures::StreamExt;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;

// ANCHOR: or_done
/// Every value of `values` until it closes or `stop` is cancelled. Go writes
/// a goroutine and a select for this; a stream adapter is the whole of it.
fn or_done(
    values: mpsc::Receiver<u32>,
    stop: CancellationToken,
) -> impl futures::Stream<Item = u32> {
    ReceiverStream::new(values).take_until(stop.cancelled_owned())
}
// ANCHOR_END: or_done

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: use
    let (tx, rx) = mpsc::channel(1);
    let producer = tokio::spawn(async move {
        for v in 1.. {
            tokio::time::sleep(Duration::from_millis(10)).await;
            if tx.send(v).await.is_err() {
                return v - 1; // the reader is gone: stop producing
            }
        }
        unreachable!()
    });
    let stop = CancellationToken::new();
    let stopper = stop.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(35)).await;
        stopper.cancel(); // the reader is told to stop at 35 ms
    });
    let read: Vec<u32> = or_done(rx, stop).collect().await; // drops the stream at the end
    println!("read until told to stop: {read:?}");
    println!(
        "the producer stopped after sending {}",
        producer.await.unwrap()
    );
    // ANCHOR_END: use
}
