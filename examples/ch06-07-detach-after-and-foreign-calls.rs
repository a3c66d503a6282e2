//! Go 1.21's `WithoutCancel` and `AfterFunc` in tokio-util's terms, and what
//! to do with a library call that takes no token.
//!
//! Run it: `cargo run --example ch06-07-detach-after-and-foreign-calls`
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Stands for a function that takes no token: it cannot be told to stop.
fn slow_library_call() -> &'static str {
    std::thread::sleep(Duration::from_millis(200));
    "library result"
}

#[tokio::main]
async fn main() {
    // ANCHOR: detach
    let request = CancellationToken::new();
    // WithoutCancel: work that must finish even if the request is cancelled
    // (an audit record) gets a token of its own, not `request.child_token()`.
    let audit = CancellationToken::new();
    // AfterFunc: run something once the request is cancelled; abort() is its stop().
    let on_cancel = request.clone();
    let after = tokio::spawn(async move {
        on_cancel.cancelled().await;
        "cleaned up"
    });

    // A call that takes no token: run it on the blocking pool, and stop waiting.
    let mut call = tokio::task::spawn_blocking(slow_library_call);
    let canceller = request.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        canceller.cancel();
    });
    tokio::select! {
        result = &mut call => println!("got {}", result.unwrap()),
        _ = request.cancelled() => println!("request cancelled: stopped waiting for the library"),
    }
    println!("the AfterFunc task: {}", after.await.unwrap());
    println!("audit token cancelled: {}", audit.is_cancelled());
    println!(
        "the library call still finished, late: {}",
        call.await.unwrap()
    );
    // ANCHOR_END: detach
}
