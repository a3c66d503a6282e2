//! Step 1 of the chat server: a task per connection, at most `--max-conns`
//! of them, and every message written to every client in turn.
//!
//! `cargo run -p chat --bin step-01 -- --listen 127.0.0.1:7878`

mod conn;
mod server;

use std::process::ExitCode;
use std::sync::Arc;

#[tokio::main]
async fn main() -> ExitCode {
    let server = Arc::new(server::Server::new(chat::Config::from_args()));
    match server.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fatal: {e}");
            ExitCode::FAILURE
        }
    }
}
