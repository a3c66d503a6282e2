//! Exercise: the first error, at once
//! `fetch_all` runs the fetches concurrently and returns all the values, or
//! an error. It waits for every fetch before it looks at the results, so one
//! fast failure still costs the slowest fetch's time, and it reports the last
//! error rather than the first. Return the first error as soon as it
//! happens, and stop the other fetches.
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
    let results = set.join_all().await;
    let mut values = Vec::new();
    let mut error = None;
    for result in results {
        match result {
            Ok(v) => values.push(v),
            Err(e) => error = Some(e),
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(values),
    }
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
