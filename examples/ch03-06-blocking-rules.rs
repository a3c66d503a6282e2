use crossbeam::channel::{self, RecvTimeoutError, SendTimeoutError};
use std::time::Duration;

const PATIENCE: Duration = Duration::from_millis(20);

// ANCHOR: rules
fn main() {
    // Each operation gets 20 ms: a Timeout means "would have blocked".
    let (tx, rx) = channel::bounded::<u32>(1);
    report("recv, empty", rx.recv_timeout(PATIENCE));
    report("send, room", tx.send_timeout(1, PATIENCE));
    report("send, full", tx.send_timeout(2, PATIENCE));
    report("recv, one queued", rx.recv_timeout(PATIENCE));

    tx.send(3).unwrap();
    drop(tx); // the last sender is gone: the channel is closed
    report("recv, closed, one queued", rx.recv_timeout(PATIENCE));
    report("recv, closed, empty", rx.recv_timeout(PATIENCE));

    let (tx, rx) = channel::bounded::<u32>(1);
    drop(rx); // the last receiver is gone
    report("send, no receiver left", tx.send_timeout(4, PATIENCE));
}
// ANCHOR_END: rules

fn report<T: std::fmt::Debug, E: Outcome>(operation: &str, result: Result<T, E>) {
    let outcome = match result {
        Ok(value) => format!("done: {value:?}"),
        Err(e) => e.describe(),
    };
    println!("{operation:<26} -> {outcome}");
}

// ANCHOR: outcomes
trait Outcome {
    fn describe(&self) -> String;
}
impl Outcome for RecvTimeoutError {
    fn describe(&self) -> String {
        match self {
            RecvTimeoutError::Timeout => "blocks".into(),
            RecvTimeoutError::Disconnected => "Err(Disconnected): returns at once".into(),
        }
    }
}
impl<T> Outcome for SendTimeoutError<T> {
    fn describe(&self) -> String {
        match self {
            SendTimeoutError::Timeout(_) => "blocks".into(),
            SendTimeoutError::Disconnected(_) => "Err(Disconnected), value handed back".into(),
        }
    }
}
// ANCHOR_END: outcomes
