use std::time::Duration;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// One sub-task of a request (a query, a cache lookup): it stops when its
/// request is cancelled.
async fn fetch(part: &'static str, takes_ms: u64, request: CancellationToken) -> Option<String> {
    let work = async move {
        sleep(Duration::from_millis(takes_ms)).await;
        format!("{part} ({takes_ms} ms)")
    };
    request.run_until_cancelled(work).await
}

// ANCHOR: handle
/// Handles one request: its own token and tracker, and one deadline for all
/// of its work. Returns only when every sub-task of the request has ended.
async fn handle(
    server: &CancellationToken,
    deadline: Duration,
    parts: &[(&'static str, u64)],
) -> String {
    let request = server.child_token(); // cancelled with the server, or alone
    let _cancel_if_dropped = request.drop_guard_ref(); // the handler itself may be cancelled
    let tracker = TaskTracker::new();
    let handles: Vec<_> = parts
        .iter()
        .map(|&(part, ms)| tracker.spawn(fetch(part, ms, request.clone())))
        .collect();
    tracker.close();
    let answer = match timeout(deadline, async {
        let mut done = Vec::new();
        for handle in handles {
            done.push(handle.await.unwrap()); // None: that part was cancelled
        }
        done
    })
    .await
    {
        // A part that gave up means no answer, never a 200 with parts missing.
        Ok(parts) => match parts.into_iter().collect::<Option<Vec<_>>>() {
            Some(parts) => format!("200 OK: {}", parts.join(", ")),
            None => "503 cancelled".to_string(),
        },
        Err(_) => "504 deadline exceeded".to_string(),
    };
    request.cancel(); // whatever is left of this request stops now...
    tracker.wait().await; // ...and is gone before we answer
    answer
}
// ANCHOR_END: handle

fn alive() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let server = CancellationToken::new();
    let fast = handle(
        &server,
        Duration::from_millis(100),
        &[("user", 20), ("cart", 30)],
    )
    .await;
    println!("request 1: {fast}; tasks still running: {}", alive());
    let slow = handle(
        &server,
        Duration::from_millis(100),
        &[("user", 20), ("recommendations", 5_000)],
    )
    .await;
    println!("request 2: {slow}; tasks still running: {}", alive());
    let stopper = server.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        stopper.cancel(); // the server shuts down, 50 ms into request 3
    });
    let cut = handle(
        &server,
        Duration::from_millis(100),
        &[("user", 20), ("report", 5_000)],
    )
    .await;
    println!("request 3: {cut}; tasks still running: {}", alive());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn no_task_outlives_its_request() {
        let server = CancellationToken::new();
        for slow_ms in [10, 50, 99, 101, 10_000] {
            let answer = handle(
                &server,
                Duration::from_millis(100),
                &[("a", 5), ("b", slow_ms)],
            )
            .await;
            assert_eq!(answer.starts_with("200"), slow_ms < 100, "{answer}");
            assert_eq!(alive(), 0, "a sub-task outlived its request");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_handler_stops_its_work_too() {
        let server = CancellationToken::new();
        // As a web framework does when the client disconnects: the handler future is dropped.
        let dropped = timeout(
            Duration::from_millis(10),
            handle(&server, Duration::from_secs(60), &[("a", 5_000)]),
        )
        .await;
        assert!(dropped.is_err());
        sleep(Duration::from_millis(1)).await; // the sub-task sees the cancellation and ends
        assert_eq!(alive(), 0, "a sub-task outlived its dropped handler");
    }

    #[tokio::test(start_paused = true)]
    async fn cancelling_the_server_stops_a_request_in_flight() {
        let server = CancellationToken::new();
        let stopper = server.clone();
        tokio::spawn(async move {
            sleep(Duration::from_millis(10)).await;
            stopper.cancel();
        });
        let started = tokio::time::Instant::now();
        let answer = handle(&server, Duration::from_secs(60), &[("a", 5_000)]).await;
        assert_eq!(answer, "503 cancelled"); // a part gave up: no 200 without it
        assert_eq!(started.elapsed(), Duration::from_millis(10));
        assert_eq!(alive(), 0);
    }
}
