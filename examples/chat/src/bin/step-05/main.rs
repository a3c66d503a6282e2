//! Step 5 of the chat server: step 4's server with cancellation tokens.
//! Ctrl-C cancels the server's token, and with it every connection's (its
//! children); each message's filtering has a deadline, and so has each write.
//!
//! `cargo run -p chat --bin step-05 -- --listen 127.0.0.1:7878`

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
