use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR: worker
/// Works until its token is cancelled; returns how many units it finished.
async fn worker(token: CancellationToken) -> u32 {
    let mut done = 0;
    loop {
        tokio::select! {
            _ = token.cancelled() => return done, // <-ctx.Done()
            _ = tokio::time::sleep(Duration::from_millis(10)) => done += 1,
        }
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: cancel
    let parent = CancellationToken::new();
    let tracker = TaskTracker::new();
    let child = parent.child_token(); // ctx, cancel := context.WithCancel(parent)
    let a = tracker.spawn(worker(child.clone()));
    let b = tracker.spawn(worker(child.clone()));
    let unrelated = tracker.spawn(worker(parent.child_token()));

    tokio::time::sleep(Duration::from_millis(35)).await;
    child.cancel(); // cancel(): stops a and b, not their parent's other children
    println!(
        "a stopped after {} units, b after {}",
        a.await.unwrap(),
        b.await.unwrap()
    );
    println!("parent cancelled: {}", parent.is_cancelled());

    {
        let _cancel_on_exit = parent.drop_guard(); // defer cancel()
    } // the guard is dropped here: the parent and all its children are cancelled
    println!(
        "the unrelated worker stopped after {} units",
        unrelated.await.unwrap()
    );
    tracker.close();
    tracker.wait().await;
    // ANCHOR_END: cancel
}
