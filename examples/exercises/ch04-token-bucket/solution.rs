//! A solution to the exercise "a token bucket, on a paused clock".
// practises: 4.6
// level: hard

use std::time::Duration;

use tokio::time::Instant;

pub struct RateLimiter {
    pub per_second: u32,
    pub burst: u32,
    tokens: f64,
    refilled: Instant,
}

impl RateLimiter {
    pub fn new(per_second: u32, burst: u32) -> RateLimiter {
        RateLimiter {
            per_second,
            burst,
            tokens: f64::from(burst),
            refilled: Instant::now(),
        }
    }

    /// Returns when the caller may go on.
    pub async fn acquire(&mut self) {
        loop {
            // Add what has accrued since the last refill, up to the burst.
            let now = Instant::now();
            let earned =
                now.duration_since(self.refilled).as_secs_f64() * f64::from(self.per_second);
            self.tokens = (self.tokens + earned).min(f64::from(self.burst));
            self.refilled = now;
            if self.tokens >= 1.0 {
                self.tokens -= 1.0;
                return;
            }
            // Sleep until the next whole token: no busy waiting.
            let missing = (1.0 - self.tokens) / f64::from(self.per_second);
            tokio::time::sleep(Duration::from_secs_f64(missing)).await;
        }
    }
}

#[tokio::main]
async fn main() {
    let mut limiter = RateLimiter::new(5, 1);
    let started = Instant::now();
    for _ in 0..3 {
        limiter.acquire().await;
    }
    println!(
        "3 through in {:?}",
        started.elapsed().min(Duration::from_secs(10))
    );
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_burst_then_one_every_fifth_of_a_second() {
        let mut limiter = RateLimiter::new(5, 2);
        let started = Instant::now();
        let mut through = Vec::new();
        for _ in 0..6 {
            limiter.acquire().await;
            through.push(started.elapsed().as_millis());
        }
        // Two at once (the burst), then one every 200 ms.
        assert_eq!(through, [0, 0, 200, 400, 600, 800]);
        // Idle for two seconds, the bucket fills up to the burst, not beyond.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let idle = Instant::now();
        let mut after = Vec::new();
        for _ in 0..3 {
            limiter.acquire().await;
            after.push(idle.elapsed().as_millis());
        }
        assert_eq!(
            after,
            [0, 0, 200],
            "a full bucket holds two tokens, not ten"
        );
    }
}
// ANCHOR_END: tests
