//! A solution to the exercise "stop between chunks, not after all of them".
// practises: 6.1 6.9
// level: warm-up

use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// Writes up to 100 chunks (10 ms each) and returns how many it wrote.
pub async fn export(token: CancellationToken) -> u32 {
    let mut written = 0;
    for _ in 0..100 {
        // Asked between chunks: a cancel stops the next chunk, not the one
        // being written (cancellation is a request, not a kill).
        if token.is_cancelled() {
            break;
        }
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
