//! Go's `default` for any future, not only a channel: poll it once. And why
//! a loop around `default` is no way to wait: it keeps a core busy.
//!
//! Run it: `cargo run --example ch03-12-poll-once-and-spin`
use std::pin::pin;
use std::sync::mpsc::{self, TryRecvError};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

// ANCHOR: once
/// `select { case v := <-f: …; default: }` for any future: one poll, no
/// waiting (what `futures::FutureExt::now_or_never` does). The future is
/// dropped after it, so use it only where dropping is harmless.
fn now_or_never<F: Future>(future: F) -> Option<F::Output> {
    let future = pin!(future);
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
// ANCHOR_END: once

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: use
    let lock = tokio::sync::Mutex::new(0);
    let held = lock.lock().await;
    println!(
        "lock while held: {:?}",
        now_or_never(lock.lock()).map(|g| *g)
    );
    drop(held);
    println!(
        "lock once free: {:?}",
        now_or_never(lock.lock()).map(|g| *g)
    );
    let mut task = tokio::spawn(async { 7 });
    tokio::task::yield_now().await; // let it run
    println!(
        "a finished task's handle: {:?}",
        now_or_never(&mut task).map(Result::unwrap)
    );
    // ANCHOR_END: use

    // ANCHOR: spin
    let (tx, rx) = mpsc::channel();
    let sender = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        tx.send("job").unwrap();
    });
    let mut empty_checks = 0u64;
    let job = loop {
        match rx.try_recv() {
            Ok(job) => break job,
            Err(TryRecvError::Empty) => empty_checks += 1, // `default`: go round again
            Err(TryRecvError::Disconnected) => unreachable!(),
        }
    };
    sender.join().unwrap();
    println!(
        "{job} after a 50 ms wait spent checking: more than 10,000 empty checks: {}",
        empty_checks > 10_000
    );
    // ANCHOR_END: spin
}
