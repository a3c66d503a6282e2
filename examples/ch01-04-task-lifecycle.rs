// output: varies \(\d+\) panicked
// output: varies task \d+
use std::time::Duration;
use tokio::sync::oneshot;

#[tokio::main]
async fn main() {
    // ANCHOR: lifecycle
    // Runs to completion: awaiting the JoinHandle yields its output.
    let done = tokio::spawn(async { 6 * 7 });
    println!("finished: {:?}", done.await);

    // Panics: the runtime catches it; the JoinError says so.
    let failed = tokio::spawn(async { panic!("disk on fire") });
    let error = failed.await.unwrap_err();
    println!("panicked: is_panic() = {}: {error}", error.is_panic());

    // Aborted: cancelled where it is suspended, at its next .await.
    let sleeper = tokio::spawn(tokio::time::sleep(Duration::from_secs(3600)));
    sleeper.abort();
    let error = sleeper.await.unwrap_err();
    println!(
        "aborted: is_cancelled() = {}: {error}",
        error.is_cancelled()
    );

    // Detached: dropping the JoinHandle does not stop the task.
    let (tx, rx) = oneshot::channel();
    drop(tokio::spawn(async move {
        tx.send("the detached task still ran")
    }));
    println!("{}", rx.await.unwrap());
    // ANCHOR_END: lifecycle
}
