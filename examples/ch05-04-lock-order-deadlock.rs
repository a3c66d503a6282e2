use std::sync::{Barrier, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

struct Account {
    name: &'static str,
    balance: Mutex<i64>,
}

/// `lock()` with a deadline: a deadlock is reported instead of hanging.
fn lock_or_give_up<'a>(account: &'a Account, patience: Duration) -> Option<MutexGuard<'a, i64>> {
    let deadline = Instant::now() + patience;
    loop {
        if let Ok(guard) = account.balance.try_lock() {
            return Some(guard);
        }
        if Instant::now() >= deadline {
            return None;
        }
        thread::yield_now();
    }
}

// ANCHOR: transfer
/// Locks `from`, then `to`. Both threads are made to hold their first lock
/// before either asks for its second.
fn transfer(from: &Account, to: &Account, both_hold_one: &Barrier) -> String {
    let mut from_balance = from.balance.lock().unwrap();
    both_hold_one.wait();
    let outcome = match lock_or_give_up(to, Duration::from_millis(200)) {
        Some(mut to_balance) => {
            *from_balance -= 10;
            *to_balance += 10;
            format!("{} -> {}: done", from.name, to.name)
        }
        None => format!(
            "{} -> {}: holds {}, waited 200 ms for {}: deadlock",
            from.name, to.name, from.name, to.name
        ),
    };
    both_hold_one.wait(); // both have decided before either lets go
    outcome
}
// ANCHOR_END: transfer

// ANCHOR: ordered
/// The fix: every thread locks accounts in one global order (here, by name).
fn transfer_ordered(from: &Account, to: &Account, both_started: &Barrier) -> String {
    let (first, second) = if from.name < to.name {
        (from, to)
    } else {
        (to, from)
    };
    both_started.wait();
    let mut first_balance = first.balance.lock().unwrap();
    let mut second_balance = second.balance.lock().unwrap();
    let (from_balance, to_balance) = if from.name < to.name {
        (&mut *first_balance, &mut *second_balance)
    } else {
        (&mut *second_balance, &mut *first_balance)
    };
    *from_balance -= 10;
    *to_balance += 10;
    format!("{} -> {}: done", from.name, to.name)
}
// ANCHOR_END: ordered

fn main() {
    let a = Account {
        name: "alice",
        balance: Mutex::new(100),
    };
    let b = Account {
        name: "bob",
        balance: Mutex::new(100),
    };
    for (title, f) in [
        (
            "each locks its own first:",
            transfer as fn(&Account, &Account, &Barrier) -> String,
        ),
        ("both lock in name order:", transfer_ordered),
    ] {
        let barrier = Barrier::new(2);
        let mut results: Vec<String> = thread::scope(|s| {
            let ab = s.spawn(|| f(&a, &b, &barrier));
            let ba = s.spawn(|| f(&b, &a, &barrier));
            vec![ab.join().unwrap(), ba.join().unwrap()]
        });
        results.sort();
        println!("{title}");
        results.iter().for_each(|r| println!("  {r}"));
    }
}
