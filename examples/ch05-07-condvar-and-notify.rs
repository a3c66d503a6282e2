use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

// ANCHOR: condvar
/// A queue whose `pop` waits for an item: a Mutex for the data, a Condvar
/// for "something changed".
struct Queue {
    items: Mutex<VecDeque<u32>>,
    changed: Condvar,
}

impl Queue {
    fn push(&self, item: u32) {
        self.items.lock().unwrap().push_back(item);
        self.changed.notify_one();
    }

    fn pop(&self) -> u32 {
        let items = self.items.lock().unwrap();
        // wait_while re-checks the condition after every wake-up, spurious or not.
        let mut items = self.changed.wait_while(items, |q| q.is_empty()).unwrap();
        items.pop_front().unwrap()
    }
}
// ANCHOR_END: condvar

fn main() {
    let queue = Queue {
        items: Mutex::new(VecDeque::new()),
        changed: Condvar::new(),
    };
    let got = thread::scope(|s| {
        let consumer = s.spawn(|| (0..3).map(|_| queue.pop()).collect::<Vec<_>>());
        for n in 1..=3 {
            thread::sleep(Duration::from_millis(5)); // the consumer is already waiting
            queue.push(n);
        }
        consumer.join().unwrap()
    });
    println!("Condvar queue: the waiting consumer got {got:?}");

    // ANCHOR: notify
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    runtime.block_on(async {
        let notify = tokio::sync::Notify::new();
        notify.notify_one(); // nobody waits yet: a permit is stored
        notify.notify_one(); // ...but only one
        notify.notified().await; // uses the permit, returns at once
        let second = tokio::time::timeout(Duration::from_millis(10), notify.notified());
        println!(
            "Notify: first wait used the stored permit; the second timed out: {}",
            second.await.is_err()
        );
    });
    // ANCHOR_END: notify
}
