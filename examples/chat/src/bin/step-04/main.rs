//! Step 4 of the chat server: step 3's server with its shared state made
//! for sharing: a registry of rooms under a read-write lock, and live
//! statistics as atomic counters.
//!
//! `cargo run -p chat --bin step-04 -- --listen 127.0.0.1:7878`

mod conn;
mod filter;
mod room;
mod server;

use std::process::ExitCode;
use std::sync::Arc;

#[tokio::main]
async fn main() -> ExitCode {
    let server = Arc::new(server::Server::new(chat::Config::from_args()));
    let result = server.clone().run().await;
    println!("stopped: left={}", chat::tasks_left().await);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fatal: {e}");
            ExitCode::FAILURE
        }
    }
}
