use std::sync::mpsc;

fn main() {
    // ANCHOR: drain
    let (tx, rx) = mpsc::sync_channel(3);
    for n in 1..=3 {
        tx.send(n).unwrap();
    }
    drop(tx); // closed, with three values still buffered

    println!("{:?}", rx.recv()); // buffered values come first...
    println!("{:?}", rx.recv());
    println!("{:?}", rx.recv());
    println!("{:?}", rx.recv()); // ...then every receive reports the close
    println!("{:?}", rx.recv());
    // ANCHOR_END: drain

    // ANCHOR: loop
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for word in ["range", "ends", "at", "close"] {
            tx.send(word).unwrap();
        }
    });
    for word in rx {
        print!("{word} "); // the loop ends when the sender is dropped
    }
    println!();
    // ANCHOR_END: loop
}
