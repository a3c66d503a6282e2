//! Exercise: two transfers, one deadlock
//! `transfer` locks the account it takes from, then the one it pays into.
//! Two transfers in opposite directions, at the same time, deadlock: each
//! holds the lock the other waits for. The test runs them on two threads and
//! fails after a second instead of hanging. Make `transfer` take the two
//! locks in one global order.
// practises: 5.3 5.4
// level: medium

use std::sync::Mutex;
use std::thread;
use std::time::Duration;

pub struct Account {
    pub id: u32,
    pub balance: Mutex<i64>,
}

/// Moves `amount` from `from` to `to`, holding both locks.
pub fn transfer(from: &Account, to: &Account, amount: i64) {
    let mut paying = from.balance.lock().unwrap();
    thread::sleep(Duration::from_millis(200)); // checks that take a while
    let mut paid = to.balance.lock().unwrap();
    *paying -= amount;
    *paid += amount;
}

fn main() {
    let (a, b) = (
        Account {
            id: 1,
            balance: Mutex::new(100),
        },
        Account {
            id: 2,
            balance: Mutex::new(0),
        },
    );
    transfer(&a, &b, 30);
    println!(
        "{} {}",
        a.balance.lock().unwrap(),
        b.balance.lock().unwrap()
    );
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn opposite_transfers_at_once_both_complete() {
        let alice = Arc::new(Account {
            id: 1,
            balance: Mutex::new(100),
        });
        let bob = Arc::new(Account {
            id: 2,
            balance: Mutex::new(100),
        });
        let (done, finished) = std::sync::mpsc::channel();
        for (from, to) in [
            (Arc::clone(&alice), Arc::clone(&bob)),
            (Arc::clone(&bob), Arc::clone(&alice)),
        ] {
            let done = done.clone();
            thread::spawn(move || {
                transfer(&from, &to, 10);
                done.send(()).unwrap();
            });
        }
        for _ in 0..2 {
            finished
                .recv_timeout(Duration::from_secs(3))
                .expect("a transfer is still waiting after 3 s: a deadlock");
        }
        assert_eq!(*alice.balance.lock().unwrap(), 100);
        assert_eq!(*bob.balance.lock().unwrap(), 100);
    }
}
// ANCHOR_END: tests
