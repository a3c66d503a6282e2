use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: scatter
/// One shard: it must watch the deadline itself, because a thread cannot be
/// cancelled from outside.
fn query_shard(shard: u64, deadline: Instant) -> Result<u64, String> {
    let work = Duration::from_millis(if shard == 3 { 10_000 } else { 5 * shard });
    let done_at = Instant::now() + work;
    while Instant::now() < done_at {
        if Instant::now() >= deadline {
            return Err("gave up at the deadline".into());
        }
        thread::sleep(Duration::from_millis(1)); // one step of the work
    }
    Ok(shard * 7)
}

fn scatter_gather(shards: u64, budget: Duration) -> Vec<Result<u64, String>> {
    let deadline = Instant::now() + budget;
    thread::scope(|s| {
        let handles: Vec<_> = (0..shards)
            .map(|shard| s.spawn(move || query_shard(shard, deadline)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    }) // the scope cannot end before every shard has returned
}
// ANCHOR_END: scatter

fn main() {
    let started = Instant::now();
    for (shard, result) in scatter_gather(5, Duration::from_millis(100))
        .iter()
        .enumerate()
    {
        println!("shard {shard}: {result:?}");
    }
    let waited = started.elapsed();
    println!(
        "all gathered in under a second, not the 10 s shard 3 needed: {}",
        waited < Duration::from_secs(1)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shard_reports_and_the_slow_one_gives_up() {
        let results = scatter_gather(5, Duration::from_millis(50));
        assert_eq!(results.len(), 5);
        assert!(results[3].is_err());
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 4);
    }
}
