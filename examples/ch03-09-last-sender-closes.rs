use crossbeam::channel::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: producers
    let (tx, rx) = channel::unbounded();
    for id in 0..3 {
        let tx = tx.clone(); // each producer owns its Sender...
        thread::spawn(move || {
            for n in 0..4 {
                tx.send(id * 10 + n).unwrap();
            }
        }); // ...and its end closes its share of the channel
    }
    drop(tx); // main's own Sender: without this drop the channel never closes
    let received: Vec<u32> = rx.iter().collect();
    println!("the consumer's loop ended after {} values", received.len());
    // ANCHOR_END: producers

    // ANCHOR: forgotten
    let (tx, rx) = channel::unbounded::<u32>();
    let forgotten = tx.clone(); // kept "for later" and never dropped
    thread::spawn(move || tx.send(1).unwrap());
    assert_eq!(rx.recv(), Ok(1));
    let next = rx.recv_timeout(Duration::from_millis(100));
    println!("with a forgotten Sender, the consumer is still waiting: {next:?}");
    assert_eq!(next, Err(RecvTimeoutError::Timeout));
    drop(forgotten);
    // ANCHOR_END: forgotten
}
