//! A spawned task's error must be `Send`: `Box<dyn Error>` is not, so this
//! does not compile. `Box<dyn Error + Send + Sync>` (or a concrete type) does.
use std::error::Error;

// ANCHOR: not_send
async fn fetch(id: u32) -> Result<String, Box<dyn Error>> {
    Err(format!("page {id}: not found").into())
}

#[tokio::main]
async fn main() {
    // The task's output crosses threads: tokio::spawn requires it to be Send.
    let outcome = tokio::spawn(fetch(1)).await;
    println!("{outcome:?}");
}
// ANCHOR_END: not_send
