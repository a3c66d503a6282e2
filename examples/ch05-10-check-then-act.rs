// output: varies then store: \d+ times
#[cfg(loom)]
use loom::{sync::Arc, sync::atomic::AtomicU32, thread};
use std::sync::atomic::Ordering::SeqCst;
#[cfg(not(loom))]
use std::{sync::Arc, sync::atomic::AtomicU32, thread};

// ANCHOR: racy
/// Takes a ticket if any are left: check, then act, in two steps.
fn take_ticket_racy(left: &AtomicU32) -> bool {
    let n = left.load(SeqCst);
    if n > 0 {
        left.store(n - 1, SeqCst); // another thread may have taken one in between
        return true;
    }
    false
}

/// The same, in one indivisible step: the decrement happens only if n > 0.
/// (`try_update` is the Rust 1.95 name of `fetch_update`.)
fn take_ticket(left: &AtomicU32) -> bool {
    left.try_update(SeqCst, SeqCst, |n| n.checked_sub(1))
        .is_ok()
}
// ANCHOR_END: racy

/// Two buyers race for the last ticket; returns how many got one.
fn two_buyers(take: fn(&AtomicU32) -> bool) -> u32 {
    let left = Arc::new(AtomicU32::new(1));
    let other = {
        let left = Arc::clone(&left);
        thread::spawn(move || take(&left))
    };
    let mine = take(&left);
    u32::from(mine) + u32::from(other.join().unwrap())
}

fn main() {
    let runs = 2_000;
    let racy = (0..runs)
        .filter(|_| two_buyers(take_ticket_racy) == 2)
        .count();
    let fixed = (0..runs).filter(|_| two_buyers(take_ticket) == 2).count();
    println!("{runs} races for the last ticket on real threads; it was sold twice");
    println!("  with load, then store: {racy} times");
    println!("  with try_update:       {fixed} times");
}

#[cfg(all(test, loom))]
mod loom_models {
    use super::*;

    // ANCHOR: models
    fn explore(take: fn(&AtomicU32) -> bool) -> String {
        static EXECUTIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        EXECUTIONS.store(0, SeqCst);
        let outcome = std::panic::catch_unwind(|| {
            loom::model(move || {
                let execution = EXECUTIONS.fetch_add(1, SeqCst) + 1;
                let sold = two_buyers(take);
                assert!(
                    sold == 1,
                    "execution {execution}: one ticket, {sold} buyers got it"
                );
            })
        });
        match outcome {
            Ok(()) => format!("passed all {} executions", EXECUTIONS.load(SeqCst)),
            Err(panic) => format!("FAILED in {}", panic.downcast_ref::<String>().unwrap()),
        }
    }

    #[test]
    fn loom_finds_the_double_sale_and_passes_the_fix() {
        let report = format!(
            "load, then store: {}\ntry_update:       {}\n",
            explore(take_ticket_racy),
            explore(take_ticket)
        );
        assert!(report.contains("store: FAILED") && report.contains("try_update:       passed"));
        // Read at run time: a copy of the checkout must record into itself.
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
        let path = format!("{dir}/../examples/ch05-10-check-then-act.loom.txt");
        if std::env::var("LISTINGS").is_ok_and(|v| v == "overwrite") {
            std::fs::write(&path, &report).unwrap();
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), report);
    }
    // ANCHOR_END: models
}
