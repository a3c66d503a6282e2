//! Quiz program: what a `move` closure takes, and when.
fn main() {
    let mut n = 1;
    let handle = std::thread::spawn(move || n * 10);
    n += 1;
    println!("{} {}", handle.join().unwrap(), n);
}
