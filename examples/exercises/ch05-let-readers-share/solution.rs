//! A solution to the exercise "readers do not wait for readers".
// practises: 5.2
// level: medium

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

pub struct Catalogue {
    prices: RwLock<HashMap<String, u32>>,
    /// Readers inside now, and the most ever: what the test reads.
    inside: AtomicUsize,
    pub most_inside: AtomicUsize,
}

impl Catalogue {
    pub fn new() -> Catalogue {
        let prices = HashMap::from([("tea".to_owned(), 3), ("cake".to_owned(), 5)]);
        Catalogue {
            prices: RwLock::new(prices),
            inside: AtomicUsize::new(0),
            most_inside: AtomicUsize::new(0),
        }
    }

    pub fn price(&self, item: &str) -> Option<u32> {
        // A read lock: any number of readers at once, writers wait for them.
        let prices = self.prices.read().unwrap();
        let now = self.inside.fetch_add(1, SeqCst) + 1;
        self.most_inside.fetch_max(now, SeqCst);
        std::thread::sleep(Duration::from_millis(200)); // a slow lookup
        self.inside.fetch_sub(1, SeqCst);
        prices.get(item).copied()
    }
}

fn main() {
    println!("{:?}", Catalogue::new().price("tea"));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_readers_are_inside_together() {
        let catalogue = Catalogue::new();
        let barrier = std::sync::Barrier::new(8);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    barrier.wait(); // all eight start together
                    assert_eq!(catalogue.price("tea"), Some(3));
                });
            }
        });
        let most = catalogue.most_inside.load(SeqCst);
        assert!(
            most > 1,
            "readers were inside one at a time (at most {most})"
        );
    }
}
// ANCHOR_END: tests
