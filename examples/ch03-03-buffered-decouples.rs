fn main() {
    // ANCHOR: buffered
    let (tx, rx) = std::sync::mpsc::sync_channel(3);
    for n in 1..=3 {
        tx.try_send(n).unwrap(); // room in the buffer: no receiver needed
    }
    println!(
        "std sync_channel(3), 4th send: {}",
        tx.try_send(4).unwrap_err()
    );
    println!(
        "received {:?}; now the 4th fits: {:?}",
        rx.recv(),
        tx.try_send(4)
    );
    // ANCHOR_END: buffered

    // ANCHOR: tokio
    let (tx, mut rx) = tokio::sync::mpsc::channel(3);
    for n in 1..=3 {
        tx.try_send(n).unwrap();
    }
    println!(
        "tokio channel(3), 4th send: {}",
        tx.try_send(4).unwrap_err()
    );
    println!("{} queued, capacity left {}", rx.len(), tx.capacity());
    println!("received {:?}", rx.try_recv());
    // ANCHOR_END: tokio
}
