use rayon::prelude::*;

// ANCHOR: par_iter
fn main() {
    let items: Vec<u64> = (1..=1_000).collect();
    // rayon splits the slice among its threads and steals to balance the load.
    let squares: Vec<u64> = items.par_iter().map(|n| n * n).collect();
    let sum: u64 = squares.iter().sum();
    println!(
        "{} squares computed in parallel, in input order; sum {sum}",
        squares.len()
    );
    assert_eq!(squares[9], 100); // collect() keeps the input order
}
// ANCHOR_END: par_iter

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    #[test]
    fn par_iter_computes_what_the_sequential_loop_does_in_order() {
        let items: Vec<u64> = (1..=10_000).collect();
        let parallel: Vec<u64> = items.par_iter().map(|n| n * n).collect();
        let sequential: Vec<u64> = items.iter().map(|n| n * n).collect();
        assert_eq!(parallel, sequential);
    }
}
