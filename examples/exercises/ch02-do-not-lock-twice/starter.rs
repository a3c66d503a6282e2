//! Exercise: a lock held across a call
//! `add_and_report` locks the cart to add an item, then calls `report`,
//! which locks the cart to read it. It never returns: a `std::sync::Mutex` is
//! not reentrant, so the thread waits for itself. The test gives up after two
//! seconds. Make it work without changing `report`.
// level: warm-up

use std::sync::Mutex;

pub struct Cart {
    pub items: Mutex<Vec<String>>,
}

/// A line about the cart, for the log.
pub fn report(cart: &Cart) -> String {
    format!("{} items", cart.items.lock().unwrap().len())
}

/// Adds an item and returns the report.
pub fn add_and_report(cart: &Cart, item: &str) -> String {
    let mut items = cart.items.lock().unwrap();
    items.push(item.to_owned());
    report(cart)
}

fn main() {
    let cart = Cart {
        items: Mutex::new(Vec::new()),
    };
    println!("{}", report(&cart));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn adding_then_reporting_returns() {
        let cart = Arc::new(Cart {
            items: Mutex::new(Vec::new()),
        });
        let (done, reported) = std::sync::mpsc::channel();
        let shared = Arc::clone(&cart);
        std::thread::spawn(move || done.send(add_and_report(&shared, "tea")).unwrap());
        let line = reported
            .recv_timeout(Duration::from_secs(2))
            .expect("add_and_report did not return within 2 s: who holds the lock?");
        assert_eq!(line, "1 items");
    }
}
// ANCHOR_END: tests
