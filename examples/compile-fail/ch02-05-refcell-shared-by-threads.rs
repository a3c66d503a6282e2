use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    // ANCHOR: refcell
    let cache = Arc::new(RefCell::new(Vec::new()));
    let writer = Arc::clone(&cache);
    // RefCell's borrow flag is not atomic: two threads could both "borrow_mut".
    thread::spawn(move || writer.borrow_mut().push(1))
        .join()
        .unwrap();
    // ANCHOR_END: refcell
    println!("{:?}", cache.borrow());
}
