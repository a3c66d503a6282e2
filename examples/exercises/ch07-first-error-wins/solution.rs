//! A solution to the exercise "the first error, at once".
// practises: 7.2
// level: medium

use std::time::Duration;

use tokio::task::JoinSet;

/// One fetch: `Ok(id)` after `delay`, or an error if it `fails`.
async fn fetch(id: u32, delay: Duration, fails: bool) -> Result<u32, String> {
    tokio::time::sleep(delay).await;
    if fails {
        Err(format!("fetch {id} failed"))
    } else {
        Ok(id)
    }
}

/// Every fetch's value, or the first error.
pub async fn fetch_all(jobs: Vec<(u32, Duration, bool)>) -> Result<Vec<u32>, String> {
    let mut set = JoinSet::new();
    for (id, delay, fails) in jobs {
        set.spawn(fetch(id, delay, fails));
    }
    let mut values = Vec::new();
    // Results in the order they finish: the first error is the first seen.
    while let Some(result) = set.join_next().await {
        match result.expect("a fetch panicked") {
            Ok(v) => values.push(v),
            // Returning drops the set, which aborts the fetches still running.
            Err(e) => return Err(e),
        }
    }
    values.sort();
    Ok(values)
}

#[tokio::main]
async fn main() {
    let ms = Duration::from_millis;
    println!(
        "{:?}",
        fetch_all(vec![(1, ms(10), false), (2, ms(20), false)]).await
    );
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use tokio::time::Instant;

    #[tokio::test(start_paused = true)]
    async fn the_first_error_comes_back_when_it_happens() {
        let ms = Duration::from_millis;
        assert_eq!(
            fetch_all(vec![(1, ms(10), false), (2, ms(20), false)]).await,
            Ok(vec![1, 2])
        );

        let started = Instant::now();
        let jobs = vec![
            (1, ms(500), false),
            (2, ms(30), true),
            (3, ms(90), true),
            (4, ms(10_000), false),
        ];
        assert_eq!(fetch_all(jobs).await, Err("fetch 2 failed".to_owned()));
        assert_eq!(
            started.elapsed(),
            ms(30),
            "returned when fetch 2 failed, not after the slowest"
        );
    }
}
// ANCHOR_END: tests
