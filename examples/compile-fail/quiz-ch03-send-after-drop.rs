//! Quiz program: sending on a sender after dropping it.
fn main() {
    let (tx, _rx) = std::sync::mpsc::channel::<i32>();
    drop(tx);
    tx.send(1).unwrap();
}
