//! Cancellation safety: a `send` that loses a `select!` is dropped, and the
//! message it owned is dropped with it; `reserve` waits for room without
//! taking the message, so a timeout loses nothing.
//!
//! Run it with `cargo run --example ch01-17-a-losing-send-loses-its-message`.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

const PATIENCE: Duration = Duration::from_millis(10);

// ANCHOR: send
/// Sends each message, giving up on one after PATIENCE: the message moved
/// into `tx.send`, and a send future dropped unfinished drops it too.
async fn send_or_give_up(tx: mpsc::Sender<String>, messages: Vec<String>) -> usize {
    let mut gave_up = 0;
    for message in messages {
        tokio::select! {
            sent = tx.send(message) => sent.unwrap(),
            () = sleep(PATIENCE) => gave_up += 1, // and `message` is gone
        }
    }
    gave_up
}
// ANCHOR_END: send

// ANCHOR: reserve
/// Waits for room first, keeping the message until then, and retries it
/// after a timeout: nothing is lost.
async fn reserve_then_send(tx: mpsc::Sender<String>, messages: Vec<String>) -> usize {
    let mut timeouts = 0;
    for message in messages {
        loop {
            tokio::select! {
                permit = tx.reserve() => {
                    permit.unwrap().send(message);
                    break;
                }
                () = sleep(PATIENCE) => timeouts += 1, // `message` is still ours
            }
        }
    }
    timeouts
}
// ANCHOR_END: reserve

/// Runs a producer against a consumer that takes a message every 25 ms.
async fn deliver<F, Fut>(producer: F) -> (Vec<String>, usize)
where
    F: FnOnce(mpsc::Sender<String>, Vec<String>) -> Fut,
    Fut: Future<Output = usize> + Send + 'static,
{
    let (tx, mut rx) = mpsc::channel(1);
    let messages = (1..=4).map(|i| format!("m{i}")).collect();
    let producing = tokio::spawn(producer(tx, messages));
    let mut received = Vec::new();
    while let Some(message) = rx.recv().await {
        received.push(message);
        sleep(Duration::from_millis(25)).await;
    }
    (received, producing.await.unwrap())
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (received, gave_up) = deliver(send_or_give_up).await;
    println!("send() in select!: received {received:?}; gave up on {gave_up}, lost for good");
    let (received, timeouts) = deliver(reserve_then_send).await;
    println!("reserve() in select!: received {received:?}; {timeouts} timeouts, nothing lost");
}
