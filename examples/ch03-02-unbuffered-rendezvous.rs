use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

const RECEIVER_DELAY: Duration = Duration::from_millis(100);

fn main() {
    // ANCHOR: rendezvous
    let (tx, rx) = mpsc::sync_channel::<&str>(0); // capacity 0: a rendezvous
    let start = Instant::now();
    let receiver = thread::spawn(move || {
        thread::sleep(RECEIVER_DELAY); // the receiver is late
        rx.recv().unwrap()
    });

    tx.send("hello").unwrap(); // returns only once the receiver has taken it
    let waited = start.elapsed();
    // ANCHOR_END: rendezvous

    println!("received {:?}", receiver.join().unwrap());
    println!(
        "send blocked until the receiver arrived: {}",
        waited >= RECEIVER_DELAY
    );
    // ANCHOR: crossbeam
    let (tx, rx) = crossbeam::channel::bounded::<u32>(0);
    let refused = tx.try_send(1).unwrap_err();
    println!("crossbeam bounded(0), nobody receiving: try_send says \"{refused}\"");
    drop(rx);
    // ANCHOR_END: crossbeam
}
