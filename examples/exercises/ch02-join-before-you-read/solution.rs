//! A solution to the exercise "read after the join, not before".
// level: warm-up

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The list once the filling thread is done.
pub fn filled() -> Vec<u32> {
    let list = Arc::new(Mutex::new(Vec::new()));
    let writer = Arc::clone(&list);
    let filling = thread::spawn(move || {
        thread::sleep(Duration::from_millis(300)); // opening the file
        for i in 0..5 {
            writer.lock().unwrap().push(i);
        }
    });
    // The end of a thread happens before its join returns: after this line,
    // every push is visible. The mutex alone makes each read safe, not late.
    filling.join().unwrap();
    let now = list.lock().unwrap().clone();
    now
}

fn main() {
    println!("{:?}", filled());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_full_when_read() {
        assert_eq!(filled(), [0, 1, 2, 3, 4]);
    }
}
// ANCHOR_END: tests
