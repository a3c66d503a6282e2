//! Quiz program: receiving from a closed channel that still holds values.
use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::channel();
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    drop(tx);
    println!("{:?} {:?} {:?}", rx.recv(), rx.recv(), rx.recv());
}
