//! A future written by hand, and the smallest executor that can run it:
//! poll, `Pending`, a `Waker` that unparks the thread, poll again.
//!
//! Run it with `cargo run --example ch01-15-a-future-by-hand`.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

// ANCHOR: future
/// Ready after `left` more polls. Each `Pending` arranges its own wake-up,
/// as a real future does by registering with a timer or a socket.
struct Countdown {
    left: u32,
    polls: u32,
}

impl Future for Countdown {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.left == 0 {
            return Poll::Ready(self.polls);
        }
        self.left -= 1;
        // The contract: before returning Pending, make sure that someone
        // will call wake(). Nothing else will ever poll this future again.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: future

// ANCHOR: executor
/// Wakes the thread that runs `block_on`.
struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Polls `future` on this thread until it is ready, parking the thread
/// between polls until the future's waker is called. Gives up (None) if no
/// wake-up comes within 100 ms.
fn block_on<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future); // polled in place: it must not move
    let woken = Arc::new(Unpark(thread::current()));
    let waker = Waker::from(Arc::clone(&woken));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
        let before = std::time::Instant::now();
        thread::park_timeout(Duration::from_millis(100)); // until wake() unparks
        if before.elapsed() >= Duration::from_millis(100) {
            return None;
        }
    }
}
// ANCHOR_END: executor

// ANCHOR: main
/// A future that breaks the contract: Pending, and no wake-up arranged.
struct Forgetful;

impl Future for Forgetful {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        Poll::Pending
    }
}

fn main() {
    let polls = block_on(Countdown { left: 3, polls: 0 });
    println!("a countdown from 3 was ready at poll {:?}", polls.unwrap());
    // An async block is a future too; .await polls the inner futures in turn.
    let both =
        async { Countdown { left: 3, polls: 0 }.await + Countdown { left: 1, polls: 0 }.await };
    println!("an async block awaiting two of them: {:?}", block_on(both));
    println!(
        "a future that forgot to wake: {:?} (never polled again)",
        block_on(Forgetful)
    );
}
// ANCHOR_END: main

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_countdown_is_polled_once_more_than_it_counts() {
        for left in 0..10 {
            assert_eq!(block_on(Countdown { left, polls: 0 }), Some(left + 1));
        }
    }
}
