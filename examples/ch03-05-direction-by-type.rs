use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

// ANCHOR: directions
/// Can only send: it owns a Sender, the channel's send-only end.
fn produce(out: Sender<u32>) {
    for n in 1..=3 {
        out.send(n * n).unwrap();
    }
} // `out` is dropped here, which closes the channel

/// Can only receive: it owns the Receiver.
fn consume(input: Receiver<u32>) -> u32 {
    input.iter().sum()
}
// ANCHOR_END: directions

fn main() {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || produce(tx));
    println!("sum of squares received: {}", consume(rx));
}
