use std::sync::mpsc::{self, Sender};

// ANCHOR: wrong_direction
fn produce(out: Sender<u32>) {
    let _ = out.recv(); // a Sender has no way to receive
}
// ANCHOR_END: wrong_direction

fn main() {
    let (tx, _rx) = mpsc::channel();
    produce(tx);
}
