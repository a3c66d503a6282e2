//! Exercise: a select loop that loses nothing
//! The loop reads values in pairs and, between pairs, reports progress on a
//! timer. When the timer fires while `next_pair` has read the first value of a
//! pair, `select!` drops `next_pair`, and that value with it: `next_pair` is not
//! cancel-safe. Make the loop lose no value. The test runs on tokio's paused
//! clock.
// practises: 3.11
// level: hard

use std::time::Duration;

use tokio::sync::mpsc;

/// Two values, read one after the other.
async fn next_pair(rx: &mut mpsc::Receiver<u32>) -> Option<(u32, u32)> {
    let first = rx.recv().await?;
    let second = rx.recv().await?;
    Some((first, second))
}

/// Every pair, in order, reporting progress every 10 ms meanwhile.
pub async fn pairs(mut rx: mpsc::Receiver<u32>) -> (Vec<(u32, u32)>, usize) {
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    let (mut pairs, mut reports) = (Vec::new(), 0);
    loop {
        tokio::select! {
            pair = next_pair(&mut rx) => match pair {
                Some(pair) => pairs.push(pair),
                None => return (pairs, reports),
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
