use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

type Log = Arc<Mutex<Vec<&'static str>>>;

// ANCHOR: pipeline
/// source -> square -> sum, each stage a task, joined by bounded channels.
async fn pipeline(input: Vec<u64>, log: Log) -> u64 {
    let (numbers_tx, mut numbers) = mpsc::channel(4);
    let (squares_tx, mut squares) = mpsc::channel(4);
    let source_log = Arc::clone(&log);
    let source = tokio::spawn(async move {
        for n in input {
            numbers_tx.send(n).await.unwrap();
        }
        source_log.lock().unwrap().push("source: input ended");
    });
    let square_log = Arc::clone(&log);
    let square = tokio::spawn(async move {
        while let Some(n) = numbers.recv().await {
            squares_tx.send(n * n).await.unwrap();
        }
        square_log.lock().unwrap().push("square: input closed");
    });
    let mut total = 0;
    while let Some(n) = squares.recv().await {
        total += n;
    }
    log.lock().unwrap().push("sum: input closed");
    source.await.unwrap();
    square.await.unwrap();
    total
}
// ANCHOR_END: pipeline

#[tokio::main]
async fn main() {
    let log = Log::default();
    let total = pipeline((1..=10).collect(), Arc::clone(&log)).await;
    println!("sum of squares of 1..=10: {total}");
    for line in log.lock().unwrap().iter() {
        println!("  {line}");
    }
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
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn stages_shut_down_in_order_when_the_input_ends() {
        for _ in 0..50 {
            let log = super::Log::default();
            assert_eq!(
                super::pipeline((1..=100).collect(), log.clone()).await,
                338_350
            );
            let order = log.lock().unwrap().clone();
            assert_eq!(
                order,
                [
                    "source: input ended",
                    "square: input closed",
                    "sum: input closed"
                ]
            );
        }
    }
}
