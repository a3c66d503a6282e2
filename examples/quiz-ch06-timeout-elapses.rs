//! Quiz program: a timeout around work that takes longer.
use std::time::Duration;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let work = tokio::time::sleep(Duration::from_secs(5));
    let result = tokio::time::timeout(Duration::from_millis(100), work).await;
    println!("{}", result.is_err());
}
