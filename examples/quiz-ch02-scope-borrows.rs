//! Quiz program: threads that read a local vector, in a scope.
fn main() {
    let numbers = [1, 2, 3, 4];
    let (left, right) = numbers.split_at(2);
    let sums = std::thread::scope(|s| {
        let a = s.spawn(|| left.iter().sum::<i32>());
        let b = s.spawn(|| right.iter().sum::<i32>());
        (a.join().unwrap(), b.join().unwrap())
    });
    println!("{sums:?} {}", numbers.len());
}
