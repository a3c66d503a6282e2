use std::sync::Arc;
use tokio::sync::{Notify, broadcast};
use tokio::task::yield_now;

const MESSAGES: u32 = 10;
const CAPACITY: usize = 4;

// ANCHOR: pub_sub
async fn subscriber(mut inbox: broadcast::Receiver<u32>, start: Arc<Notify>) -> Vec<String> {
    start.notified().await; // a slow subscriber starts reading late
    let mut log = Vec::new();
    loop {
        match inbox.recv().await {
            Ok(n) => log.push(n.to_string()),
            Err(broadcast::error::RecvError::Lagged(missed)) => {
                log.push(format!("missed {missed}"))
            }
            Err(broadcast::error::RecvError::Closed) => return log,
        }
    }
}

/// Publishes MESSAGES to a fast and a slow subscriber; returns what each saw.
async fn publish() -> (Vec<String>, Vec<String>) {
    let (publisher, _) = broadcast::channel(CAPACITY);
    let (on_time, late) = (Arc::new(Notify::new()), Arc::new(Notify::new()));
    let fast = tokio::spawn(subscriber(publisher.subscribe(), Arc::clone(&on_time)));
    let slow = tokio::spawn(subscriber(publisher.subscribe(), Arc::clone(&late)));
    on_time.notify_one();
    yield_now().await;
    for n in 1..=MESSAGES {
        publisher.send(n).unwrap(); // never waits for subscribers
        yield_now().await; // give the fast subscriber its turn
    }
    late.notify_one();
    drop(publisher); // closes the channel once subscribers have read what is left
    (fast.await.unwrap(), slow.await.unwrap())
}
// ANCHOR_END: pub_sub

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (fast, slow) = publish().await;
    println!("fast subscriber got: {}", fast.join(" "));
    println!("slow subscriber got: {}", slow.join(" "));
    println!("tasks left running afterwards: {}", tasks_left().await);
}

/// Live tasks, once tasks that are finishing have had up to a second to be
/// released (a JoinHandle can wake before its task is gone).
async fn tasks_left() -> usize {
    let metrics = tokio::runtime::Handle::current().metrics();
    let all_gone = async {
        while metrics.num_alive_tasks() > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), all_gone).await;
    metrics.num_alive_tasks()
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn every_subscriber_gets_every_message_unless_it_lags() {
        let (fast, slow) = super::publish().await;
        let all: Vec<String> = (1..=super::MESSAGES).map(|n| n.to_string()).collect();
        assert_eq!(fast, all);
        assert_eq!(slow[0], "missed 6"); // capacity 4: only the last 4 were kept
        assert_eq!(slow[1..], all[6..]);
    }
}
