// output: varies in \d+ runs
// output: varies stale \d+ times
#[cfg(loom)]
use loom::{
    sync::Arc,
    sync::atomic::{AtomicBool, AtomicU32},
    thread,
};
use std::sync::atomic::Ordering::{self, Relaxed};
#[cfg(not(loom))]
use std::{
    sync::Arc,
    sync::atomic::{AtomicBool, AtomicU32},
    thread,
};

// ANCHOR: publish
/// One thread stores a value, then raises a flag; another checks the flag
/// and, if it is up, reads the value. Returns what the reader saw.
fn publish_then_read(store_flag: Ordering, load_flag: Ordering) -> Option<u32> {
    let (data, ready) = (
        Arc::new(AtomicU32::new(0)),
        Arc::new(AtomicBool::new(false)),
    );
    let writer = {
        let (data, ready) = (Arc::clone(&data), Arc::clone(&ready));
        thread::spawn(move || {
            data.store(42, Relaxed);
            ready.store(true, store_flag); // "the data is ready"
        })
    };
    let seen = ready.load(load_flag).then(|| data.load(Relaxed));
    writer.join().unwrap();
    seen // Some(0): the reader saw the flag, but not the data it announced
}
// ANCHOR_END: publish

fn main() {
    // On real threads the bug hides: the reader usually checks before the writer
    // has started, and an x86-64 CPU keeps these two stores (and the two loads)
    // in order anyway. An aarch64 CPU need not, so there `stale` may be above 0.
    let runs = 2_000;
    let seen: Vec<Option<u32>> = (0..runs)
        .map(|_| publish_then_read(Relaxed, Relaxed))
        .collect();
    let saw_flag = seen.iter().filter(|s| s.is_some()).count();
    let stale = seen.iter().filter(|s| **s == Some(0)).count();
    println!("Relaxed flag, {runs} runs on real threads:");
    println!("  the reader saw the flag up in {saw_flag} runs; the data was stale {stale} times");
    if cfg!(target_arch = "x86_64") {
        assert_eq!(stale, 0, "x86-64 keeps stores in order, and loads");
    }
}

#[cfg(all(test, loom))]
mod loom_models {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering::Acquire, Ordering::Release};

    // ANCHOR: models
    /// Explores every execution loom can build for the two orderings and
    /// reports the first in which the reader saw the flag but not the data.
    fn explore(store_flag: Ordering, load_flag: Ordering) -> String {
        static EXECUTIONS: AtomicUsize = AtomicUsize::new(0);
        EXECUTIONS.store(0, Relaxed);
        let outcome = std::panic::catch_unwind(|| {
            loom::model(move || {
                let execution = EXECUTIONS.fetch_add(1, Relaxed) + 1;
                let seen = publish_then_read(store_flag, load_flag);
                let stale = seen == Some(0);
                assert!(
                    !stale,
                    "execution {execution}: reader saw ready == true, then data == 0"
                );
            })
        });
        match outcome {
            Ok(()) => format!("passed all {} executions", EXECUTIONS.load(Relaxed)),
            Err(panic) => format!("FAILED in {}", panic.downcast_ref::<String>().unwrap()),
        }
    }

    #[test]
    fn loom_finds_the_relaxed_flag_bug_and_passes_the_fix() {
        let report = format!(
            "store Relaxed, load Relaxed: {}\nstore Release, load Acquire: {}\n",
            explore(Relaxed, Relaxed),
            explore(Release, Acquire)
        );
        assert!(report.contains("Relaxed: FAILED") && report.contains("Acquire: passed"));
        check_recorded(&report);
    }
    // ANCHOR_END: models

    /// The page shows the report; it is recorded beside the listing.
    fn check_recorded(report: &str) {
        // Read at run time: a copy of the checkout must record into itself.
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
        let path = format!("{dir}/../examples/ch05-10-relaxed-flag-publication.loom.txt");
        if std::env::var("LISTINGS").is_ok_and(|v| v == "overwrite") {
            std::fs::write(&path, report).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            report,
            "record with `cargo xtask bless`"
        );
    }
}
