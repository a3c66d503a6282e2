//! Quiz program: a RefCell shared between threads through an Arc.
use std::cell::RefCell;
use std::sync::Arc;

fn main() {
    let cell = Arc::new(RefCell::new(0));
    let other = Arc::clone(&cell);
    std::thread::spawn(move || *other.borrow_mut() += 1)
        .join()
        .unwrap();
    println!("{}", cell.borrow());
}
