// output: varies time\.(busy|idle)=[0-9.]+(ns|µs|us|ms|s)
//! Observing a running tokio program: a span's busy and idle time (tracing
//! with `FmtSpan::CLOSE`) and the runtime's own metrics point at the task
//! that blocked its worker.
//!
//! Run it with `cargo run --example ch08-06-spans-and-runtime-metrics`.
use std::time::Duration;
use tracing::{Instrument, info_span};
use tracing_subscriber::fmt::format::{FmtSpan, Writer};
use tracing_subscriber::fmt::time::FormatTime;

/// No timestamp on each line; `without_time()` would drop the spans'
/// busy and idle times too.
struct NoClock;

impl FormatTime for NoClock {
    fn format_time(&self, _: &mut Writer<'_>) -> std::fmt::Result {
        Ok(())
    }
}

// ANCHOR: observe
async fn handle(blocking: bool) {
    if blocking {
        std::thread::sleep(Duration::from_millis(100)); // the bug: blocks its worker
    } else {
        tokio::time::sleep(Duration::from_millis(100)).await; // waits, idle
    }
}

fn main() {
    // Each span's closing line says how long it was busy (being polled) and
    // idle (waiting to be woken).
    tracing_subscriber::fmt()
        .with_timer(NoClock)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_target(false)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        for (name, blocking) in [("awaits", false), ("blocks", true)] {
            tokio::spawn(handle(blocking).instrument(info_span!("request", name)))
                .await
                .unwrap();
        }
    });
    // Stable metrics, without --cfg tokio_unstable: how long each worker was
    // busy. A worker adds up its busy time when it next parks: let it.
    runtime.block_on(async { tokio::time::sleep(Duration::from_millis(10)).await });
    let metrics = runtime.metrics();
    let busy: Duration = (0..metrics.num_workers())
        .map(|w| metrics.worker_total_busy_duration(w))
        .sum();
    println!(
        "workers busy for 100 ms or more in all: {}",
        busy >= Duration::from_millis(100)
    );
}
// ANCHOR_END: observe
