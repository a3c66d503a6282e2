//! A request id in every log line: events inside a tracing span carry its
//! fields, and a spawned task carries them only if the span is attached.
//!
//! Run it with `cargo run --example ch06-07-request-id-in-a-span`.
use tracing::{Instrument, Span, info, info_span};

// ANCHOR: spans
async fn handle() {
    info!("handling");
    // A spawned task is polled by the runtime, outside the caller's span...
    tokio::spawn(async { info!("a task spawned as it is") })
        .await
        .unwrap();
    // ...unless the span is attached to its future.
    tokio::spawn(
        async { info!("a task with the request's span attached") }.instrument(Span::current()),
    )
    .await
    .unwrap();
    // A span inside a span: the line shows both.
    async { info!("query") }
        .instrument(info_span!("db", table = "users"))
        .await;
    info!("done");
}

#[tokio::main]
async fn main() {
    // Lines without the time, so that the output is the same each run.
    tracing_subscriber::fmt()
        .without_time()
        .with_ansi(false)
        .with_target(false)
        .init();
    for id in [7, 8] {
        handle().instrument(info_span!("request", id)).await;
    }
}
// ANCHOR_END: spans
