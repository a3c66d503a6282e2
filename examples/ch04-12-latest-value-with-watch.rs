//! Latest-value configuration: `tokio::sync::watch` keeps one value, and a
//! reader that falls behind sees the newest, not every version in between.
//!
//! Run it with `cargo run --example ch04-12-latest-value-with-watch`.
use std::time::Duration;
use tokio::sync::watch;

#[derive(Clone)]
struct Config {
    version: u32,
    timeout_ms: u64,
}

// ANCHOR: watch
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (publish, mut config) = watch::channel(Config {
        version: 1,
        timeout_ms: 100,
    });
    let reader = tokio::spawn(async move {
        let mut seen = vec![config.borrow_and_update().version];
        // changed() wakes when a version newer than the last one read exists.
        while config.changed().await.is_ok() {
            seen.push(config.borrow_and_update().version);
            tokio::time::sleep(Duration::from_millis(50)).await; // a slow reader
        }
        seen
    });
    for version in 2..=6 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        publish.send_replace(Config {
            version,
            timeout_ms: 100 * u64::from(version),
        });
    }
    let latest = publish.borrow().clone();
    println!(
        "the latest config: version {}, timeout {} ms",
        latest.version, latest.timeout_ms
    );
    drop(publish); // readers' changed() now returns Err: they end
    println!("versions the slow reader saw: {:?}", reader.await.unwrap());
}
// ANCHOR_END: watch
