//! Exercise: stop between chunks, not after all of them
//! `export` writes a file in 100 chunks and should stop soon after its token
//! is cancelled. It looks at the token once, before it starts, and so exports
//! all 100 chunks after a cancel. Make it stop within one chunk of the cancel.
//! The test runs on tokio's paused clock.
// practises: 6.1 6.9
// level: warm-up

use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// Writes up to 100 chunks (10 ms each) and returns how many it wrote.
pub async fn export(token: CancellationToken) -> u32 {
    if token.is_cancelled() {
        return 0;
    }
    let mut written = 0;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(10)).await; // one chunk
        written += 1;
    }
    written
}

#[tokio::main]
async fn main() {
    println!("{} chunks", export(CancellationToken::new()).await);
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_cancel_stops_the_export_within_a_chunk() {
        assert_eq!(export(CancellationToken::new()).await, 100);

        let token = CancellationToken::new();
        let exporting = tokio::spawn(export(token.clone()));
        tokio::time::sleep(Duration::from_millis(35)).await;
        token.cancel();
        let written = exporting.await.unwrap();
        // Three chunks before the cancel; the fourth, under way at the
        // cancel, is finished (a check between chunks) or dropped (a select).
        assert!(
            matches!(written, 3 | 4),
            "chunks written after a cancel at 35 ms: {written}"
        );
    }
}
// ANCHOR_END: tests
