//! Quiz program: the order of a rayon parallel iterator's results.
use rayon::prelude::*;

fn main() {
    let squares: Vec<i32> = (1..=5).into_par_iter().map(|x| x * x).collect();
    println!("{squares:?}");
}
