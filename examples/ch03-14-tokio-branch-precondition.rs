use tokio::sync::mpsc;

// ANCHOR: precondition
async fn merge(mut a: mpsc::Receiver<u32>, mut b: mpsc::Receiver<u32>) -> Vec<u32> {
    let mut merged = Vec::new();
    let (mut a_open, mut b_open) = (true, true);
    loop {
        tokio::select! {
            // `, if cond` disables a branch: its future is created but never polled.
            msg = a.recv(), if a_open => match msg {
                Some(n) => merged.push(n),
                None => a_open = false,
            },
            msg = b.recv(), if b_open => match msg {
                Some(n) => merged.push(n),
                None => b_open = false,
            },
            else => break, // every branch is disabled: both channels are done
        }
    }
    merged
}
// ANCHOR_END: precondition

#[tokio::main]
async fn main() {
    let (tx_a, a) = mpsc::channel(4);
    let (tx_b, b) = mpsc::channel(4);
    tokio::spawn(async move {
        for n in [1, 3, 5] {
            tx_a.send(n).await.unwrap()
        }
    });
    tokio::spawn(async move {
        for n in [2, 4] {
            tx_b.send(n).await.unwrap()
        }
    });
    let mut merged = merge(a, b).await;
    merged.sort();
    println!("merged until both closed: {merged:?}");
}
