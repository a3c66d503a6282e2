//! Quiz program: `biased;` when both branches are ready.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (a_tx, mut a) = mpsc::channel(1);
    let (b_tx, mut b) = mpsc::channel(1);
    a_tx.send("a").await.unwrap();
    b_tx.send("b").await.unwrap();
    let got = tokio::select! {
        biased;
        Some(v) = a.recv() => v,
        Some(v) = b.recv() => v,
    };
    println!("{got}");
}
