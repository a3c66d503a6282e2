use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

/// Announces when the future holding it is dropped.
struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        println!("  {}: dropped, its work abandoned", self.0);
    }
}

// ANCHOR: slow
async fn slow_query() -> &'static str {
    let _guard = Guard("slow_query");
    sleep(Duration::from_secs(5)).await;
    "rows"
}
// ANCHOR_END: slow

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: timeout
    let start = Instant::now();
    match timeout(Duration::from_millis(100), slow_query()).await {
        Ok(rows) => println!("got {rows}"),
        Err(elapsed) => println!("timeout: {elapsed}, after {:?}", start.elapsed()),
    }
    // ANCHOR_END: timeout
}
