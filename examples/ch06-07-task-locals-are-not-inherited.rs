use tokio::task::JoinSet;

tokio::task_local! {
    /// The request's id, for log lines: request-scoped, like a context value.
    static REQUEST_ID: u64;
}

fn log(message: &str) -> String {
    match REQUEST_ID.try_with(|id| *id) {
        Ok(id) => format!("[request {id}] {message}"),
        Err(_) => format!("[no request] {message}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: scope
    REQUEST_ID
        .scope(42, async {
            println!("{}", log("handler runs inside the scope"));
            let mut tasks = JoinSet::new();
            // A spawned task is polled outside this scope: the value does not follow it.
            tasks.spawn(async { log("spawned task, not re-scoped") });
            // Propagation is explicit: read the value, scope the new task with it.
            let id = REQUEST_ID.get();
            tasks.spawn(REQUEST_ID.scope(id, async { log("spawned task, re-scoped") }));
            let mut lines = tasks.join_all().await;
            lines.sort();
            lines.iter().for_each(|line| println!("{line}"));
        })
        .await;
    // ANCHOR_END: scope
}
