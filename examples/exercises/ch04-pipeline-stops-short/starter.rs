//! Exercise: a pipeline that stops when nobody listens
//! Three stages: `numbers` produces without end, `squares` squares, and the
//! consumer takes what it needs and walks away. The stages never notice, and
//! run forever. Make every stage end as soon as the stage after it is gone.
//! The test takes five squares, drops its receiver, and waits for both
//! stages' tasks to end (on tokio's paused clock, so a stage that never ends
//! fails the test at once instead of hanging it).
// practises: 4.3
// level: medium

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// 1, 2, 3, …, one a millisecond (a sensor), until nobody takes them.
pub fn numbers() -> (mpsc::Receiver<u64>, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(4);
    let task = tokio::spawn(async move {
        for n in 1.. {
            tokio::time::sleep(Duration::from_millis(1)).await;
            let _ = tx.send(n).await;
        }
    });
    (rx, task)
}

/// Each value squared, until nobody takes them.
pub fn squares(mut input: mpsc::Receiver<u64>) -> (mpsc::Receiver<u64>, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(4);
    let task = tokio::spawn(async move {
        while let Some(n) = input.recv().await {
            let _ = tx.send(n * n).await;
        }
    });
    (rx, task)
}

#[tokio::main]
async fn main() {
    let (numbers, _) = numbers();
    let (mut squares, _) = squares(numbers);
    for _ in 0..3 {
        println!("{:?}", squares.recv().await);
    }
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn both_stages_end_when_the_consumer_walks_away() {
        let (numbers, producing) = numbers();
        let (mut squares, squaring) = squares(numbers);
        let mut got = Vec::new();
        for _ in 0..5 {
            got.push(squares.recv().await.unwrap());
        }
        assert_eq!(got, [1, 4, 9, 16, 25]);
        drop(squares);
        for (stage, task) in [("squares", squaring), ("numbers", producing)] {
            tokio::time::timeout(Duration::from_secs(1), task)
                .await
                .unwrap_or_else(|_| panic!("the {stage} stage still runs after its consumer left"))
                .unwrap();
        }
    }
}
// ANCHOR_END: tests
