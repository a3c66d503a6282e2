use std::thread;

fn main() {
    // ANCHOR: capture
    let mut handles = Vec::new();
    for i in 0..3 {
        handles.push(thread::spawn(|| println!("worker {i}")));
    }
    // ANCHOR_END: capture
    for handle in handles {
        handle.join().unwrap();
    }
}
