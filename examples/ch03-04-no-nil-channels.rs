use crossbeam::channel::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

fn main() {
    // ANCHOR: never
    // Go's nil channel blocks forever; crossbeam's never() is the same thing, on purpose.
    let nothing: Receiver<u32> = channel::never();
    let waited = nothing.recv_timeout(Duration::from_millis(50));
    println!("recv on never(): {waited:?}");
    assert_eq!(waited, Err(RecvTimeoutError::Timeout));
    // ANCHOR_END: never

    // ANCHOR: option
    // "Not connected yet" is a value you must handle, not a channel that hangs.
    let mut updates: Option<Receiver<u32>> = None;
    match &updates {
        Some(rx) => println!("got {:?}", rx.recv()),
        None => println!("no channel yet: nothing to wait for"),
    }
    let (tx, rx) = channel::unbounded();
    updates = Some(rx);
    tx.send(7).unwrap();
    if let Some(rx) = &updates {
        println!("connected, got {:?}", rx.recv());
    }
    // ANCHOR_END: option
}
