//! Exercise: fake the clock
//! `retry` calls an operation until it succeeds, waiting 1 ms, then 2 ms,
//! then 4 ms between attempts. Its test runs on tokio's paused clock and
//! expects the three waits to take exactly 7 ms of the runtime's time. It
//! fails: the waits happen, but the paused clock never sees them. Make the
//! test pass without changing it.
// practises: 8.3
// level: warm-up

use std::time::Duration;

/// Calls `op` until it returns `Ok`, at most 4 times, doubling the wait
/// between attempts from 1 ms; returns the attempts it took.
pub async fn retry(mut op: impl FnMut() -> Result<(), ()>) -> Option<u32> {
    let mut wait = Duration::from_millis(1);
    for attempt in 1..=4 {
        if op().is_ok() {
            return Some(attempt);
        }
        std::thread::sleep(wait);
        wait *= 2;
    }
    None
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut failures_left = 3;
    let attempts = retry(|| {
        if failures_left == 0 {
            return Ok(());
        }
        failures_left -= 1;
        Err(())
    })
    .await;
    println!("succeeded after {attempts:?} attempts");
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use tokio::time::Instant;

    #[tokio::test(start_paused = true)]
    async fn three_waits_take_exactly_seven_milliseconds() {
        let start = Instant::now();
        let mut failures_left = 3;
        let attempts = retry(|| {
            if failures_left == 0 {
                return Ok(());
            }
            failures_left -= 1;
            Err(())
        })
        .await;
        assert_eq!(attempts, Some(4));
        assert_eq!(
            start.elapsed(),
            Duration::from_millis(7),
            "the paused clock saw {:?} pass: which clock do the waits use?",
            start.elapsed()
        );
    }
}
// ANCHOR_END: tests
