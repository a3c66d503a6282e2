use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout_at};

/// One shard of a search: shard 2 fails, shard 4 is far too slow.
async fn query_shard(shard: u32) -> Result<String, String> {
    match shard {
        2 => Err("connection refused".into()),
        4 => {
            sleep(Duration::from_secs(30)).await;
            Ok("late".into())
        }
        _ => {
            sleep(Duration::from_millis(10 * u64::from(shard))).await;
            Ok(format!("{} hits", shard * 7))
        }
    }
}

// ANCHOR: scatter
/// Queries every shard at once and gathers what came back by the deadline.
async fn scatter_gather(shards: u32, deadline: Duration) -> Vec<(u32, Result<String, String>)> {
    let deadline = Instant::now() + deadline; // one deadline for the whole request
    let mut requests = JoinSet::new();
    for shard in 0..shards {
        requests.spawn(async move {
            match timeout_at(deadline, query_shard(shard)).await {
                Ok(answer) => (shard, answer),
                Err(_) => (shard, Err("no answer by the deadline".into())),
            }
        });
    }
    let mut results = requests.join_all().await;
    results.sort();
    results
}
// ANCHOR_END: scatter

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let started = Instant::now();
    for (shard, result) in scatter_gather(5, Duration::from_millis(100)).await {
        println!("shard {shard}: {result:?}");
    }
    println!("answered after {:?}", started.elapsed());
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

    #[tokio::test(start_paused = true)]
    async fn every_shard_answers_or_is_reported_by_the_deadline() {
        let started = Instant::now();
        let results = scatter_gather(5, Duration::from_millis(100)).await;
        assert_eq!(started.elapsed(), Duration::from_millis(100));
        assert_eq!(results.len(), 5);
        assert!(results[2].1.is_err() && results[4].1.is_err());
        assert!([0, 1, 3].iter().all(|&s| results[s].1.is_ok()));
    }
}
