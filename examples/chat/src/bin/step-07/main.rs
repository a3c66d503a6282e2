//! Step 7 of the chat server, the last: step 6's server, and a graceful
//! shutdown on SIGINT or SIGTERM. It stops accepting and reading, delivers
//! every message in flight within `--drain`, and reports what it could not.
//!
//! `cargo run -p chat --bin step-07 -- --listen 127.0.0.1:7878`

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
    println!(
        "stopped: undelivered={} left={}",
        server.stats.undelivered(),
        chat::tasks_left().await
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fatal: {e}");
            ExitCode::FAILURE
        }
    }
}
