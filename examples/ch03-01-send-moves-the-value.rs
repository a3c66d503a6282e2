use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: send
    let (tx, rx) = mpsc::channel();
    let producer = thread::spawn(move || {
        let order = vec!["flour", "eggs", "milk"];
        tx.send(order).unwrap(); // the Vec moves into the channel...
        // ...so this thread can no longer touch it: no shared mutable state.
    });
    let order = rx.recv().unwrap(); // ...and out of it, into this thread
    producer.join().unwrap();
    println!("received {order:?}");
    // ANCHOR_END: send

    // ANCHOR: fifo
    let (tx, rx) = mpsc::channel();
    for n in 1..=5 {
        tx.send(n).unwrap();
    }
    drop(tx);
    let received: Vec<i32> = rx.iter().collect();
    println!("one sender's values arrive in the order sent: {received:?}");
    // ANCHOR_END: fifo
}
