use tokio::sync::mpsc;
use tokio::task::JoinSet;

const PRODUCERS: u32 = 3;
const EACH: u32 = 5;

// ANCHOR: fan_in
/// Merges the output of PRODUCERS tasks into one receiver.
async fn fan_in() -> Vec<(u32, u32)> {
    let (tx, mut merged) = mpsc::channel(4);
    let mut producers = JoinSet::new(); // owned, not detached: dropping it aborts them
    for id in 0..PRODUCERS {
        let tx = tx.clone();
        producers.spawn(async move {
            for n in 0..EACH {
                tx.send((id, n)).await.unwrap();
            }
        }); // the task's Sender is dropped when it ends
    }
    drop(tx);
    let mut received = Vec::new();
    while let Some(message) = merged.recv().await {
        received.push(message);
    }
    // recv() returned None: every producer has dropped its Sender. Joining
    // them also brings back a producer's panic instead of losing it.
    while let Some(done) = producers.join_next().await {
        done.unwrap();
    }
    received
}
// ANCHOR_END: fan_in

#[tokio::main]
async fn main() {
    let received = fan_in().await;
    let from_each: Vec<usize> = (0..PRODUCERS)
        .map(|id| received.iter().filter(|(p, _)| *p == id).count())
        .collect();
    println!(
        "merged {} messages; from each producer: {from_each:?}",
        received.len()
    );
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
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_message_arrives_once_in_each_producers_order() {
        for _ in 0..20 {
            let received = fan_in().await;
            for id in 0..PRODUCERS {
                let mine: Vec<u32> = received.iter().filter(|m| m.0 == id).map(|m| m.1).collect();
                assert_eq!(mine, (0..EACH).collect::<Vec<_>>());
            }
        }
    }
}
