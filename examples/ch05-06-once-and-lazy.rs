use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::sync::{LazyLock, Once, OnceLock};
use std::thread;

static INIT_RUNS: AtomicU32 = AtomicU32::new(0);

// ANCHOR: lazy
/// Computed on first use, by whichever thread gets there first; the others wait.
static SETTINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    INIT_RUNS.fetch_add(1, SeqCst);
    vec!["timeout=30s".into(), "retries=3".into()]
});
// ANCHOR_END: lazy

fn main() {
    // ANCHOR: many_threads
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| assert_eq!(SETTINGS.len(), 2));
        }
    });
    println!(
        "8 threads read SETTINGS; its initializer ran {} time(s)",
        INIT_RUNS.load(SeqCst)
    );
    // ANCHOR_END: many_threads

    // ANCHOR: once
    let once = Once::new();
    for _ in 0..3 {
        once.call_once(|| println!("Once::call_once: runs exactly once"));
    }
    // ANCHOR_END: once

    // ANCHOR: panics
    std::panic::set_hook(Box::new(|_| {})); // the panics below are expected: keep stderr quiet
    // If the initializer panics, OnceLock stays empty and the next caller tries again.
    let cell: OnceLock<u32> = OnceLock::new();
    let first = std::panic::catch_unwind(|| *cell.get_or_init(|| panic!("config file missing")));
    println!("first get_or_init panicked: {}", first.is_err());
    println!("second get_or_init: {}", cell.get_or_init(|| 7));

    // A Once whose closure panicked is poisoned: later calls panic too.
    let once = Once::new();
    let _ = std::panic::catch_unwind(|| once.call_once(|| panic!("init failed")));
    let again = std::panic::catch_unwind(|| once.call_once(|| {}));
    println!(
        "Once after a panic: poisoned, the next call_once panics: {}",
        again.is_err()
    );
    // ANCHOR_END: panics
}
