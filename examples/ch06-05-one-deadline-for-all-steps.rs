use std::time::Duration;
use tokio::time::{Instant, sleep, timeout_at};

async fn step(name: &str, takes: u64) -> String {
    sleep(Duration::from_millis(takes)).await;
    format!("{name} ok")
}

// ANCHOR: deadline
/// Three steps share one deadline, as Go code shares one ctx. An inner step
/// may tighten it (like a child WithTimeout) but never extend it.
async fn handle(deadline: Instant) -> Vec<String> {
    let mut log = Vec::new();
    for (name, takes) in [("auth", 30), ("load", 50), ("render", 50)] {
        let step_deadline = deadline.min(Instant::now() + Duration::from_millis(45));
        match timeout_at(step_deadline, step(name, takes)).await {
            Ok(done) => log.push(done),
            Err(_) if step_deadline < deadline => log.push(format!("{name}: step timeout")),
            Err(_) => log.push(format!("{name}: request deadline")),
        }
    }
    log
}
// ANCHOR_END: deadline

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let log = handle(start + Duration::from_millis(100)).await;
    println!("{} after {:?}", log.join(", "), start.elapsed());
}
