use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::channel();
    // ANCHOR: use_after_send
    let order = vec!["flour", "eggs", "milk"];
    tx.send(order).unwrap();
    println!("sent {} items", order.len());
    // ANCHOR_END: use_after_send
    drop(rx);
}
