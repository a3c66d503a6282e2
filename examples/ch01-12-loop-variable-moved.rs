// output: any-order
use std::thread;

fn main() {
    // ANCHOR: moved
    let mut handles = Vec::new();
    for i in 0..3 {
        // `move` gives each thread its own copy of this iteration's `i`.
        handles.push(thread::spawn(move || println!("worker {i}")));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    // ANCHOR_END: moved

    // ANCHOR: scoped
    let names = vec!["ada", "grace", "barbara"];
    thread::scope(|s| {
        for name in &names {
            // Borrowing is fine here: the scope joins every thread before `names` can go.
            s.spawn(move || println!("hello, {name}"));
        }
    });
    // ANCHOR_END: scoped
}
