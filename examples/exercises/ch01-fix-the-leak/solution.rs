//! A solution to the exercise "find the task that never ends".
// practises: 1.11
// level: medium

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// A task that writes every line sent to it, until its channel closes.
pub fn start_logger(
    lines: mpsc::Receiver<String>,
    written: mpsc::UnboundedSender<String>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut lines = lines;
        while let Some(line) = lines.recv().await {
            let _ = written.send(line);
        }
    })
}

/// Logs `n` lines through a logger of its own, and returns once the logger
/// has written them all and ended. The channel closes when its last sender
/// is dropped, so nothing it logs with may outlive the call.
pub async fn log_lines(n: usize, written: mpsc::UnboundedSender<String>) {
    let (tx, rx) = mpsc::channel(16);
    let logger = start_logger(rx, written);
    for i in 0..n {
        tx.send(format!("line {i}")).await.unwrap();
    }
    drop(tx); // the last sender: the logger's loop ends
    logger.await.unwrap();
}

#[tokio::main]
async fn main() {
    let (written, mut out) = mpsc::unbounded_channel();
    log_lines(3, written).await;
    while let Ok(line) = out.try_recv() {
        println!("{line}");
    }
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn no_logger_outlives_its_call() {
        let (written, mut out) = mpsc::unbounded_channel();
        let mut kept = Vec::new();
        for _ in 0..10 {
            let call = log_lines(5, written.clone());
            // On the paused clock a call that waits forever fails at once.
            let returned = tokio::time::timeout(std::time::Duration::from_secs(1), call).await;
            kept.push(returned.expect("log_lines never returned: who waits for whom?"));
        }
        // Give a logger that is ending the chance to end.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        let alive = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        assert_eq!(alive, 0, "loggers still running after 10 calls: leaked");
        drop(written);
        let mut lines = 0;
        while out.recv().await.is_some() {
            lines += 1;
        }
        assert_eq!(lines, 50);
        drop(kept);
    }
}
// ANCHOR_END: tests
