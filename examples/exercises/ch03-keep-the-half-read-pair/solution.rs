//! A solution to the exercise "a select loop that loses nothing".
// practises: 3.11
// level: hard

use std::time::Duration;

use tokio::sync::mpsc;

/// Every pair, in order, reporting progress every 10 ms meanwhile.
pub async fn pairs(mut rx: mpsc::Receiver<u32>) -> (Vec<(u32, u32)>, usize) {
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    let (mut pairs, mut reports) = (Vec::new(), 0);
    // The half-read pair lives in the loop's state, not in a future that
    // select! may drop; `recv` itself is cancel-safe.
    let mut first = None;
    loop {
        tokio::select! {
            value = rx.recv() => match (value, first.take()) {
                (Some(second), Some(first)) => pairs.push((first, second)),
                (Some(value), None) => first = Some(value),
                (None, _) => return (pairs, reports),
            },
            _ = tick.tick() => reports += 1,
        }
    }
}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel(8);
    for v in 1..=4 {
        tx.send(v).await.unwrap();
    }
    drop(tx);
    println!("{:?}", pairs(rx).await);
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn every_value_arrives_in_its_pair_while_the_timer_ticks() {
        let (tx, rx) = mpsc::channel(8);
        tokio::spawn(async move {
            for v in 1..=8 {
                tokio::time::sleep(Duration::from_millis(15)).await;
                tx.send(v).await.unwrap();
            }
        });
        let (pairs, reports) = pairs(rx).await;
        assert_eq!(
            pairs,
            [(1, 2), (3, 4), (5, 6), (7, 8)],
            "every value, in its pair"
        );
        assert!(reports >= 10, "the timer still reported: {reports} times");
    }
}
// ANCHOR_END: tests
