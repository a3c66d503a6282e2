use std::hint::black_box;
use std::mem::size_of_val;
use tokio::task::yield_now;

// ANCHOR: futures
async fn no_await() -> u64 {
    42
}

async fn holds_a_buffer() -> u8 {
    let buffer = [1u8; 1024]; // lives across the .await, so it is stored in the future
    yield_now().await;
    black_box(&buffer)[0]
}

async fn one_after_another() -> u8 {
    // Each call's state exists only while it runs: the sizes overlap, not add up.
    holds_a_buffer().await + holds_a_buffer().await
}

async fn both_at_once() -> u8 {
    // Both futures are alive together, so both are stored.
    let (a, b) = tokio::join!(holds_a_buffer(), holds_a_buffer());
    a + b
}
// ANCHOR_END: futures

fn main() {
    // ANCHOR: sizes
    println!(
        "{:>5} bytes: async fn that never awaits",
        size_of_val(&no_await())
    );
    println!(
        "{:>5} bytes: holds a 1 KiB buffer across an .await",
        size_of_val(&holds_a_buffer())
    );
    println!(
        "{:>5} bytes: awaits two of those in turn",
        size_of_val(&one_after_another())
    );
    println!(
        "{:>5} bytes: awaits two of those at once",
        size_of_val(&both_at_once())
    );
    // ANCHOR_END: sizes
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(both_at_once()), 2);
}
