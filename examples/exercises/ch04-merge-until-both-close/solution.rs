//! A solution to the exercise "merge two streams, to the end of both".
// practises: 4.2
// level: warm-up

use tokio::sync::mpsc;

/// Every value of both channels, in the order they are taken.
pub async fn merge(mut a: mpsc::Receiver<u32>, mut b: mpsc::Receiver<u32>) -> Vec<u32> {
    let mut all = Vec::new();
    let (mut a_open, mut b_open) = (true, true);
    // A closed channel's branch is switched off (Go sets the channel to
    // nil); when both are off, `else` ends the loop.
    loop {
        tokio::select! {
            biased; // `a` first, when both have a value
            v = a.recv(), if a_open => match v {
                Some(v) => all.push(v),
                None => a_open = false,
            },
            v = b.recv(), if b_open => match v {
                Some(v) => all.push(v),
                None => b_open = false,
            },
            else => break,
        }
    }
    all
}

#[tokio::main]
async fn main() {
    let (ta, a) = mpsc::channel(4);
    let (tb, b) = mpsc::channel(4);
    ta.send(1).await.unwrap();
    tb.send(2).await.unwrap();
    drop((ta, tb));
    println!("{:?}", merge(a, b).await);
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn values_of_both_channels_all_arrive() {
        let (ta, a) = mpsc::channel(8);
        let (tb, b) = mpsc::channel(8);
        for v in [1, 2] {
            ta.send(v).await.unwrap();
        }
        for v in [10, 20, 30, 40, 50] {
            tb.send(v).await.unwrap();
        }
        drop((ta, tb));
        let merging = tokio::time::timeout(std::time::Duration::from_secs(2), merge(a, b));
        let mut all = merging
            .await
            .expect("merge never ended: does it spin on a closed channel?");
        all.sort();
        assert_eq!(all, [1, 2, 10, 20, 30, 40, 50]);
    }
}
// ANCHOR_END: tests
