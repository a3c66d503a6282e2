// output: varies \(\d+\)
//! A race condition that real threads rarely show, found by shuttle's
//! randomized scheduler and replayed from the schedule it prints.
//!
//! Run it with `cargo run --example ch08-02-shuttle-finds-an-overdraft`.
use shuttle::sync::{Arc, Mutex};
use shuttle::thread;

// ANCHOR: withdraw
/// Checks the balance, then withdraws: two steps, two lock acquisitions.
/// Every access is under the lock, so there is no data race, and the race
/// detector or the compiler would find nothing. The bug is the gap between.
fn withdraw(balance: &Mutex<i64>, amount: i64) {
    let enough = *balance.lock().unwrap() >= amount;
    if enough {
        *balance.lock().unwrap() -= amount;
    }
}

/// The fix: check and act under one acquisition of the lock.
fn withdraw_fixed(balance: &Mutex<i64>, amount: i64) {
    let mut balance = balance.lock().unwrap();
    if *balance >= amount {
        *balance -= amount;
    }
}

fn two_withdrawals(withdraw: fn(&Mutex<i64>, i64)) {
    let balance = Arc::new(Mutex::new(100));
    let other = {
        let balance = Arc::clone(&balance);
        thread::spawn(move || withdraw(&balance, 80))
    };
    withdraw(&balance, 80);
    other.join().unwrap();
    let left = *balance.lock().unwrap();
    assert!(left >= 0, "overdrawn: the balance is {left}");
}
// ANCHOR_END: withdraw

fn main() {
    // ANCHOR: check
    // 100 random schedules, from a fixed seed so that every run finds the
    // same one; on a failure shuttle panics, and prints the schedule.
    let found = std::panic::catch_unwind(|| {
        shuttle::check_random_with_seed(|| two_withdrawals(withdraw), 7, 100);
    });
    println!(
        "100 random schedules: shuttle found the overdraft: {}",
        found.is_err()
    );
    // The schedule it printed replays that one execution, every time.
    let again = std::panic::catch_unwind(|| {
        shuttle::replay(
            || two_withdrawals(withdraw),
            "91010fe5d6ede98996c4f1622028a200",
        );
    });
    println!(
        "replaying its schedule: overdrawn again: {}",
        again.is_err()
    );
    shuttle::check_random_with_seed(|| two_withdrawals(withdraw_fixed), 7, 100);
    println!("the fix: 100 random schedules passed");
    // ANCHOR_END: check
}
