use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: cancel
    let (tx, rx) = mpsc::sync_channel(0); // each send waits for its receive
    let producer = thread::spawn(move || {
        let mut produced = 0;
        // An endless producer: it stops when nobody listens any more.
        while tx.send(produced).is_ok() {
            produced += 1;
        }
        produced
    });

    let first: Vec<u64> = rx.iter().take(3).collect();
    drop(rx); // the consumer is done: this is the cancellation
    let produced = producer.join().unwrap();
    println!("consumer took {first:?} and hung up");
    println!("producer stopped by itself after {produced} sends");
    // ANCHOR_END: cancel
}
