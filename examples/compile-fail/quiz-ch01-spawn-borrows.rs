//! Quiz program: a thread that borrows its spawner's local variable.
fn main() {
    let names = vec!["ada", "grace"];
    let handle = std::thread::spawn(|| println!("{}", names.len()));
    handle.join().unwrap();
}
