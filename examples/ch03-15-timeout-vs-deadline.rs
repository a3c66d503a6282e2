use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, sleep_until, timeout};

/// Sends a message every 30 ms, forever.
fn trickle() -> mpsc::Receiver<u32> {
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        for n in 0.. {
            sleep(Duration::from_millis(30)).await;
            if tx.send(n).await.is_err() {
                break;
            }
        }
    });
    rx
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: per_message
    // A timeout per message: each recv may take 50 ms, so a steady trickle never trips it.
    let mut rx = trickle();
    let mut got = 0;
    while let Ok(Some(_)) = timeout(Duration::from_millis(50), rx.recv()).await {
        got += 1;
        if got == 20 {
            break;
        }
    }
    println!("per-message timeout of 50 ms: still receiving after {got} messages");
    // ANCHOR_END: per_message

    // ANCHOR: deadline
    // One deadline for the whole exchange: fixed before the loop, not renewed.
    let mut rx = trickle();
    let deadline = Instant::now() + Duration::from_millis(100);
    let mut got = 0;
    loop {
        tokio::select! {
            Some(_) = rx.recv() => got += 1,
            _ = sleep_until(deadline) => break,
        }
    }
    println!("overall deadline of 100 ms: stopped after {got} messages");
    // ANCHOR_END: deadline
}
