//! Exercise: the whole request, not each step
//! A request makes three calls, one after another, and must answer within
//! two seconds in all. The starter gives each call two seconds of its own, so
//! three slow calls can take up to six. Give the calls one deadline, shared, like a
//! Go context made with `WithDeadline` and passed to each.
// practises: 6.4 6.5
// level: medium

use std::time::Duration;

use tokio::time::{Instant, error::Elapsed, sleep, timeout};

pub const BUDGET: Duration = Duration::from_secs(2);

/// One call to another service, which takes `delay`.
async fn call(delay: Duration) -> u32 {
    sleep(delay).await;
    1
}

/// Makes the three calls in turn, within `BUDGET` for all three.
pub async fn handle(delays: [Duration; 3]) -> Result<u32, Elapsed> {
    let mut total = 0;
    for delay in delays {
        total += timeout(BUDGET, call(delay)).await?;
    }
    Ok(total)
}

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let fast = Duration::from_millis(10);
    println!("{:?} in {:?}", handle([fast; 3]).await, started.elapsed());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn the_request_ends_at_its_deadline_however_the_time_is_spent() {
        let fast = Duration::from_millis(10);
        assert_eq!(handle([fast; 3]).await, Ok(3));

        let slow = Duration::from_millis(1500);
        let started = Instant::now();
        assert!(
            handle([slow; 3]).await.is_err(),
            "three slow calls do not fit in the budget"
        );
        assert_eq!(started.elapsed(), BUDGET, "it gave up at the deadline");
    }
}
// ANCHOR_END: tests
