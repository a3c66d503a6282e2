//! Step 6 of the chat server: step 5's server as a group of tasks, one per
//! `--listen` address, and one for Ctrl-C. The first that fails stops them
//! all; a client that fails stops nothing but itself.
//!
//! `cargo run -p chat --bin step-06 -- --listen 127.0.0.1:7878`

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
