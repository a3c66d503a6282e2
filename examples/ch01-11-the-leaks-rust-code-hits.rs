//! The two leaks Rust code meets most: a detached task in an endless loop, and
//! a `Sender` kept alive by an `Arc` cycle; each counted, then fixed.
//!
//! Run it: `cargo run --example ch01-11-the-leaks-rust-code-hits`
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{interval, sleep};
use tokio_util::sync::CancellationToken;

// ANCHOR: detached
/// A heartbeat spawned and forgotten: nothing can ever stop its loop.
fn start_heartbeat() {
    tokio::spawn(async {
        let mut tick = interval(Duration::from_millis(10));
        loop {
            tick.tick().await;
        }
    });
}

/// Fixed: the caller keeps a way to stop it, and the handle to wait for it.
fn start_stoppable_heartbeat(stop: CancellationToken) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = interval(Duration::from_millis(10));
        while stop.run_until_cancelled(tick.tick()).await.is_some() {}
    })
}
// ANCHOR_END: detached

// ANCHOR: cycle
/// A service whose worker runs until the last `Sender` of its queue is gone.
struct Service {
    jobs: mpsc::Sender<u32>,
    /// A way back to itself, for callbacks: a strong one is a cycle.
    strong_self: Mutex<Option<Arc<Service>>>,
    _weak_self: Weak<Service>, // the fix: a Weak keeps nothing alive
}

fn start_service(with_cycle: bool) -> Arc<Service> {
    let (jobs, mut queue) = mpsc::channel(8);
    tokio::spawn(async move { while queue.recv().await.is_some() {} });
    let service = Arc::new_cyclic(|me| Service {
        jobs,
        strong_self: Mutex::new(None),
        _weak_self: me.clone(),
    });
    if with_cycle {
        *service.strong_self.lock().unwrap() = Some(service.clone());
    }
    service
}
// ANCHOR_END: cycle

fn alive() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    start_heartbeat();
    sleep(Duration::from_millis(50)).await;
    println!(
        "a heartbeat spawned and forgotten: {} task alive for good",
        alive()
    );
    let (base, stop) = (alive(), CancellationToken::new());
    let heartbeat = start_stoppable_heartbeat(stop.clone());
    sleep(Duration::from_millis(50)).await;
    stop.cancel();
    heartbeat.await.unwrap();
    println!(
        "a heartbeat with a token, cancelled: leaked {}",
        alive() - base
    );

    for with_cycle in [true, false] {
        let base = alive();
        let service = start_service(with_cycle);
        service.jobs.send(1).await.unwrap();
        drop(service); // the last handle the caller had
        sleep(Duration::from_millis(1)).await; // time for a worker to see its queue close
        let how = if with_cycle {
            "in an Arc cycle"
        } else {
            "with a Weak back-reference"
        };
        println!("a service {how}, dropped: leaked {}", alive() - base);
    }
}
