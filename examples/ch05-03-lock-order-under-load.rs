//! Lock ordering under load: two threads move money in opposite directions
//! between the same two accounts, while a third audits the total. All of
//! them take the two locks in one global order, by account id.
//!
//! Run it with `cargo run --example ch05-03-lock-order-under-load`.
use std::collections::BTreeSet;
use std::sync::{Mutex, MutexGuard};
use std::thread;

const TRANSFERS: u32 = 20_000;
const AUDITS: u32 = 1_000;

struct Account {
    id: u32,
    balance: Mutex<i64>,
}

// ANCHOR: lock_both
/// Locks both accounts, the lower id first, and returns the guards in the
/// order asked for. The order is decided here, once, not at every call.
fn lock_both<'a>(x: &'a Account, y: &'a Account) -> (MutexGuard<'a, i64>, MutexGuard<'a, i64>) {
    assert_ne!(x.id, y.id, "locking one account twice would deadlock");
    if x.id < y.id {
        let x_guard = x.balance.lock().unwrap();
        (x_guard, y.balance.lock().unwrap())
    } else {
        let y_guard = y.balance.lock().unwrap();
        (x.balance.lock().unwrap(), y_guard)
    }
}

fn transfer(from: &Account, to: &Account, amount: i64) {
    let (mut from_balance, mut to_balance) = lock_both(from, to);
    *from_balance -= amount;
    *to_balance += amount;
}
// ANCHOR_END: lock_both

fn main() {
    let account = |id| Account {
        id,
        balance: Mutex::new(100),
    };
    let (alice, bob) = (account(1), account(2));
    // ANCHOR: run
    let totals_seen: BTreeSet<i64> = thread::scope(|s| {
        s.spawn(|| (0..TRANSFERS).for_each(|_| transfer(&alice, &bob, 1)));
        s.spawn(|| (0..TRANSFERS).for_each(|_| transfer(&bob, &alice, 1)));
        let auditor = s.spawn(|| {
            let audit = |_| {
                let (b, a) = lock_both(&bob, &alice);
                *a + *b
            };
            (0..AUDITS).map(audit).collect()
        });
        auditor.join().unwrap()
    });
    // ANCHOR_END: run
    println!("{TRANSFERS} transfers each way and {AUDITS} audits: no deadlock");
    println!("totals the audits saw: {totals_seen:?}");
    let (a, b) = lock_both(&alice, &bob);
    println!("balances now: alice {}, bob {}", *a, *b);
}
