//! Step 2 of the chat server: step 1's server with a queue per client. Its
//! connection is one `select!` over the lines the client sends, the
//! messages queued for it, an idle timer and Ctrl-C.
//!
//! `cargo run -p chat --bin step-02 -- --listen 127.0.0.1:7878`

mod conn;
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
