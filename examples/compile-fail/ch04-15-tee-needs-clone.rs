use tokio::sync::broadcast;

/// A connection: a handle to something that exists once, so not `Clone`.
struct Connection;

fn main() {
    // ANCHOR: tee
    // A broadcast channel gives each receiver its own copy of every value.
    let (tx, _rx) = broadcast::channel::<Connection>(4);
    // ANCHOR_END: tee
    drop(tx);
}
