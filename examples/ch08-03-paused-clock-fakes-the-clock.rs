//! A timeout, run on the real clock here; its tests run it on tokio's paused
//! clock, where 5 seconds pass at once.
//!
//! Run it with `cargo run --example ch08-03-paused-clock-fakes-the-clock`,
//! its tests with `cargo test --example ch08-03-paused-clock-fakes-the-clock`.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{Instant, error::Elapsed, timeout};

// ANCHOR: fetch
/// Waits for a reply, for at most `limit`.
async fn fetch(
    reply: oneshot::Receiver<&'static str>,
    limit: Duration,
) -> Result<&'static str, Elapsed> {
    timeout(limit, async {
        match reply.await {
            Ok(answer) => answer,
            // A dropped sender is no reply: wait on, as for a silent server.
            Err(_) => std::future::pending().await,
        }
    })
    .await
}
// ANCHOR_END: fetch

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let (_keep, reply) = oneshot::channel();
    let outcome = fetch(reply, Duration::from_millis(50)).await;
    println!(
        "no reply: {outcome:?}, after 50 ms or more: {}",
        start.elapsed() >= Duration::from_millis(50)
    );
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    // start_paused: the clock advances only when every task is idle, and
    // then straight to the next timer.
    #[tokio::test(start_paused = true)]
    async fn times_out_at_exactly_five_seconds() {
        let start = Instant::now();
        let (_keep, reply) = oneshot::channel();
        assert!(fetch(reply, Duration::from_secs(5)).await.is_err());
        assert_eq!(start.elapsed(), Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn a_reply_at_four_seconds_arrives_in_time() {
        let start = Instant::now();
        let (send, reply) = oneshot::channel();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(4)).await;
            send.send("ok").unwrap();
        });
        assert_eq!(fetch(reply, Duration::from_secs(5)).await, Ok("ok"));
        assert_eq!(start.elapsed(), Duration::from_secs(4));
    }
}
// ANCHOR_END: tests
