use std::time::Duration;
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: root
    // Like context.Background(): a root nobody cancels, so waiting on it waits forever.
    let root = CancellationToken::new();
    let waited = tokio::time::timeout(Duration::from_millis(50), root.cancelled()).await;
    println!(
        "root.cancelled() after 50 ms: {}",
        if waited.is_err() {
            "still pending"
        } else {
            "done"
        }
    );

    // Where Go code would pass context.TODO(), Rust code says what it means:
    // this call cannot be cancelled yet, so it gets a root of its own.
    let not_cancellable_yet = CancellationToken::new(); // TODO: take the caller's token
    println!(
        "a placeholder root is live: {}",
        !not_cancellable_yet.is_cancelled()
    );
    // ANCHOR_END: root
}
