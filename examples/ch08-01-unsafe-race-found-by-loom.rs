// output: varies counter: \d+
//! A data race in `unsafe` code: a counter that claims to be `Sync` and is
//! not. Real threads usually get away with it; loom reports it every time.
//!
//! Run it with `cargo run --example ch08-01-unsafe-race-found-by-loom`; its
//! model with `cargo xtask test ch08-01-unsafe-race-found-by-loom`.
#[cfg(loom)]
use loom::{cell::UnsafeCell, sync::Arc, thread};
#[cfg(not(loom))]
use std::{cell::UnsafeCell, sync::Arc, thread};

// ANCHOR: counter
struct Counter(UnsafeCell<u64>);

// SAFETY: none. This promise is false, and it is the bug: two threads may
// now call `increment` at once, and nothing orders their accesses.
unsafe impl Sync for Counter {}

impl Counter {
    fn increment(&self) {
        // loom's UnsafeCell records every access and checks that each one
        // happens-before the next; std's checks nothing.
        #[cfg(loom)]
        self.0.with_mut(|n| unsafe { *n += 1 });
        #[cfg(not(loom))]
        unsafe {
            *self.0.get() += 1
        };
    }

    fn get(&self) -> u64 {
        #[cfg(loom)]
        return self.0.with(|n| unsafe { *n });
        #[cfg(not(loom))]
        unsafe {
            *self.0.get()
        }
    }
}

fn two_threads_increment(counter: Arc<Counter>) {
    let other = {
        let counter = Arc::clone(&counter);
        thread::spawn(move || counter.increment())
    };
    counter.increment();
    other.join().unwrap();
}
// ANCHOR_END: counter

fn main() {
    let counter = Arc::new(Counter(UnsafeCell::new(0)));
    for _ in 0..1_000 {
        two_threads_increment(Arc::clone(&counter));
    }
    // Not a proof of anything: a data race is undefined behaviour, whatever
    // this prints.
    println!("1000 rounds of two increments; counter: {}", counter.get());
}

#[cfg(all(test, loom))]
mod loom_models {
    use super::*;

    // ANCHOR: model
    #[test]
    fn loom_reports_the_race() {
        let outcome = std::panic::catch_unwind(|| {
            loom::model(|| two_threads_increment(Arc::new(Counter(UnsafeCell::new(0)))))
        });
        let panic = outcome.expect_err("loom must find the race");
        let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        // The first line says what; the rest are local paths and backtraces.
        let report = format!("{}\n", message.lines().next().unwrap_or_default());
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
        let path = format!("{dir}/../examples/ch08-01-unsafe-race-found-by-loom.loom.txt");
        if std::env::var("LISTINGS").is_ok_and(|v| v == "overwrite") {
            std::fs::write(&path, &report).unwrap();
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), report);
    }
    // ANCHOR_END: model
}
