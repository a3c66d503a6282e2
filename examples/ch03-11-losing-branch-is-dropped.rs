use std::time::Duration;
use tokio::sync::mpsc;

/// Prints when the future holding it is dropped before finishing.
struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  {}: dropped", self.0);
    }
}

// ANCHOR: losers
async fn slow_lookup() -> &'static str {
    let _guard = Noisy("slow_lookup");
    tokio::time::sleep(Duration::from_secs(10)).await;
    "looked up"
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1);
    tx.send("message").await.unwrap();
    tokio::select! {
        biased; // poll in the order written, so the lookup starts first
        found = slow_lookup() => println!("lookup won: {found}"),
        got = rx.recv() => println!("recv won: {got:?}"),
    }
    // The losing future was dropped mid-flight: a cancellation, not a pause.
    // recv() is cancel safe: had it lost, no message would have been consumed.
    println!("after select: {} message(s) still queued", rx.len());
}
// ANCHOR_END: losers
