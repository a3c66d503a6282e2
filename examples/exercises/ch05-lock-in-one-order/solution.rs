//! A solution to the exercise "two transfers, one deadlock".
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
    if from.id == to.id {
        return; // one account: locking it twice would deadlock on its own
    }
    // Every transfer locks the lower id first, whichever way the money goes:
    // no two threads can each hold what the other waits for.
    let (first, second) = if from.id < to.id {
        (from, to)
    } else {
        (to, from)
    };
    let mut first_balance = first.balance.lock().unwrap();
    thread::sleep(Duration::from_millis(200)); // checks that take a while
    let mut second_balance = second.balance.lock().unwrap();
    let (paying, paid) = if from.id < to.id {
        (&mut *first_balance, &mut *second_balance)
    } else {
        (&mut *second_balance, &mut *first_balance)
    };
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
