use std::thread;

fn main() {
    // ANCHOR: counter
    let mut counter = 0;
    thread::scope(|s| {
        s.spawn(|| counter += 1);
        s.spawn(|| counter += 1); // a second `&mut counter` at the same time
    });
    // ANCHOR_END: counter
    println!("{counter}");
}
