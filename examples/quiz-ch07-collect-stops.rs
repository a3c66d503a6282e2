//! Quiz program: collecting results into a `Result<Vec<_>, _>`.
fn main() {
    let parsed: Result<Vec<i32>, String> = ["1", "x", "y"]
        .iter()
        .map(|s| s.parse::<i32>().map_err(|_| format!("bad {s}")))
        .collect();
    println!("{parsed:?}");
}
