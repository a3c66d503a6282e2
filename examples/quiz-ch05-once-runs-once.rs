//! Quiz program: three callers of one `OnceLock`.
use std::sync::OnceLock;

fn main() {
    static VALUE: OnceLock<u32> = OnceLock::new();
    let mut calls = 0;
    for _ in 0..3 {
        VALUE.get_or_init(|| {
            calls += 1;
            42
        });
    }
    println!("{} {}", VALUE.get().unwrap(), calls);
}
