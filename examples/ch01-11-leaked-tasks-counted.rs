use std::time::Duration;
use tokio::sync::mpsc;

const REQUESTS: usize = 100;

/// Waits for a reply that may never come: it ends only when its channel
/// closes, that is when every Sender is gone.
async fn wait_for_reply(mut replies: mpsc::Receiver<String>) {
    while let Some(reply) = replies.recv().await {
        println!("{reply}");
    }
}

#[tokio::main]
async fn main() {
    let metrics = tokio::runtime::Handle::current().metrics();

    // ANCHOR: leak
    let mut senders = Vec::new(); // kept "for later", never used, never dropped
    for _ in 0..REQUESTS {
        let (tx, rx) = mpsc::channel(1);
        tokio::spawn(wait_for_reply(rx));
        senders.push(tx);
    }
    tokio::time::sleep(Duration::from_millis(50)).await; // time enough to finish
    println!(
        "requests handled; tasks still alive: {}",
        metrics.num_alive_tasks()
    );
    // ANCHOR_END: leak

    // ANCHOR: fix
    drop(senders); // every channel closes, so every recv() returns None
    let all_ended = async {
        while metrics.num_alive_tasks() > 0 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(1), all_ended)
        .await
        .unwrap();
    println!(
        "after dropping the senders:      {}",
        metrics.num_alive_tasks()
    );
    // ANCHOR_END: fix
}
