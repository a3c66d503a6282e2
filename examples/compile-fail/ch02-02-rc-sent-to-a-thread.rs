use std::rc::Rc;
use std::thread;

fn main() {
    // ANCHOR: rc
    let shared = Rc::new(vec![1, 2, 3]);
    let clone = Rc::clone(&shared);
    // Rc's count is a plain integer: two threads updating it would race.
    let handle = thread::spawn(move || clone.len());
    // ANCHOR_END: rc
    println!("{} {}", shared.len(), handle.join().unwrap());
}
