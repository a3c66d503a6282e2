//! Exercise: read after the join, not before
//! A thread fills a shared list while `main` goes on. `filled` reads the
//! list as soon as it has started the thread, and finds it empty. Make the
//! read happen after the thread's writes: in the memory model's words, give
//! it a happens-before edge.
// level: warm-up

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The list once the filling thread is done.
pub fn filled() -> Vec<u32> {
    let list = Arc::new(Mutex::new(Vec::new()));
    let writer = Arc::clone(&list);
    let _filling = thread::spawn(move || {
        thread::sleep(Duration::from_millis(300)); // opening the file
        for i in 0..5 {
            writer.lock().unwrap().push(i);
        }
    });
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
