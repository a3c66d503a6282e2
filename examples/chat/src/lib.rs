//! What every step of the chat server shares: the line protocol a client
//! speaks, and the configuration the server reads from its command line.
//! The steps (`src/bin/step-NN/`) hold the concurrency, which is what
//! changes from chapter to chapter.

pub mod config;
pub mod protocol;

pub use config::Config;
pub use protocol::{Command, LineCodec, TooLong};

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWriteExt};
use tokio::net::tcp::OwnedWriteHalf;

/// How long [`close`] reads what a client still sends.
pub const LINGER: Duration = Duration::from_secs(1);

// ANCHOR: close
/// Ends a connection whose last line is written. Closing a socket with
/// input still unread makes Linux send a reset, not an end of stream, and a
/// reset makes the client's kernel drop what it had not read yet: the BYE,
/// and messages before it. So `close` sends the end of stream first, and
/// reads and drops what the client still sends until the client closes
/// too, or [`LINGER`] has passed.
pub async fn close(mut write: OwnedWriteHalf, mut read: impl AsyncRead + Unpin) {
    let _ = write.shutdown().await;
    let mut nowhere = tokio::io::sink();
    let drop_input = tokio::io::copy(&mut read, &mut nowhere);
    let _ = tokio::time::timeout(LINGER, drop_input).await;
}
// ANCHOR_END: close

/// How many tasks are still alive on this runtime, once they have had up to
/// a second to finish: a task that was just joined can still be counted for
/// a moment after its `JoinHandle` wakes the one who waits on it.
pub async fn tasks_left() -> usize {
    let metrics = tokio::runtime::Handle::current().metrics();
    for _ in 0..100 {
        if metrics.num_alive_tasks() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    metrics.num_alive_tasks()
}
