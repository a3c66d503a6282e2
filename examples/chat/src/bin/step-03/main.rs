//! Step 3 of the chat server: rooms, each a broker that drops a member too
//! slow to keep up, and a pool of worker threads that filter every message.
//!
//! `cargo run -p chat --bin step-03 -- --listen 127.0.0.1:7878`

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
