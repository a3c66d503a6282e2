//! Exercise: a reply, or nothing after a second
//! `first_reply` waits for an answer on a channel. A slow server answers
//! after five seconds, and the caller would rather have nothing after one.
//! Make `first_reply` give up at `LIMIT` and return `None`. The test runs on
//! tokio's paused clock, so it takes no real time.
// practises: 3.15
// level: medium

use std::time::Duration;

use tokio::sync::mpsc;

pub const LIMIT: Duration = Duration::from_secs(1);

/// The first reply, if it comes within `LIMIT`.
pub async fn first_reply(replies: &mut mpsc::Receiver<String>) -> Option<String> {
    replies.recv().await
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1);
    tx.send("fast".to_owned()).await.unwrap();
    println!("{:?}", first_reply(&mut rx).await);
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use tokio::time::Instant;

    #[tokio::test(start_paused = true)]
    async fn a_fast_reply_comes_back_and_a_slow_one_is_given_up() {
        let (tx, mut rx) = mpsc::channel(1);
        tx.send("fast".to_owned()).await.unwrap();
        assert_eq!(first_reply(&mut rx).await.as_deref(), Some("fast"));

        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(5)).await;
            let _ = tx.send("slow".to_owned()).await;
        });
        let started = Instant::now();
        assert_eq!(
            first_reply(&mut rx).await,
            None,
            "the slow reply came after the limit"
        );
        assert_eq!(started.elapsed(), LIMIT);
    }
}
// ANCHOR_END: tests
