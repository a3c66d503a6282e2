//! Go's `merge(cs ...<-chan int)`: merging receivers the function did not
//! create, as many as the caller has, until every one is closed; with
//! crossbeam's `Select` (threads) and with `poll_recv` (async, no tasks).
//!
//! Run it: `cargo run --example ch04-02-merge-channels-you-did-not-create`
use std::task::Poll;

// ANCHOR: select
/// Reads every input until it closes; a closed input leaves the `Select`.
fn merge<T>(inputs: Vec<crossbeam::channel::Receiver<T>>) -> Vec<T> {
    let mut select = crossbeam::channel::Select::new();
    for input in &inputs {
        select.recv(input);
    }
    let (mut merged, mut open) = (Vec::new(), inputs.len());
    while open > 0 {
        let ready = select.select();
        let i = ready.index();
        match ready.recv(&inputs[i]) {
            Ok(value) => merged.push(value),
            Err(_) => {
                select.remove(i); // closed: stop watching it (Go's nil-channel trick)
                open -= 1;
            }
        }
    }
    merged
}
// ANCHOR_END: select

// ANCHOR: poll
/// The same in async code, in the calling task: one future polls them all,
/// starting from a different input each time, so none is starved.
async fn merge_async<T>(mut inputs: Vec<tokio::sync::mpsc::Receiver<T>>) -> Vec<T> {
    let (mut merged, mut start) = (Vec::new(), 0);
    while !inputs.is_empty() {
        let (i, value) = std::future::poll_fn(|cx| {
            for k in 0..inputs.len() {
                let i = (start + k) % inputs.len();
                if let Poll::Ready(value) = inputs[i].poll_recv(cx) {
                    return Poll::Ready((i, value));
                }
            }
            Poll::Pending // every Pending registered cx's waker: any input wakes us
        })
        .await;
        match value {
            Some(value) => merged.push(value),
            None => drop(inputs.swap_remove(i)), // closed
        }
        start += 1;
    }
    merged
}
// ANCHOR_END: poll

#[tokio::main]
async fn main() {
    // ANCHOR: main
    let (threads, asynchronous) = (produce_threads(), produce_tasks());
    println!(
        "threads: merged {} values; each input in order: {}",
        threads.0.len(),
        in_order(&threads.0)
    );
    threads.1.into_iter().for_each(|p| p.join().unwrap());
    let (merged, mut producers) = asynchronous;
    let merged = merge_async(merged).await;
    println!(
        "tasks: merged {} values; each input in order: {}",
        merged.len(),
        in_order(&merged)
    );
    while let Some(done) = producers.join_next().await {
        done.unwrap();
    }
    // ANCHOR_END: main
}

/// Three inputs of 20 values each, (input, n), made by producers the merge never sees.
fn produce_threads() -> (Vec<(u32, u32)>, Vec<std::thread::JoinHandle<()>>) {
    let mut inputs = Vec::new();
    let producers = (0..3)
        .map(|id| {
            let (tx, rx) = crossbeam::channel::bounded(2);
            inputs.push(rx);
            std::thread::spawn(move || (0..20).for_each(|n| tx.send((id, n)).unwrap()))
        })
        .collect();
    (merge(inputs), producers)
}

fn produce_tasks() -> (
    Vec<tokio::sync::mpsc::Receiver<(u32, u32)>>,
    tokio::task::JoinSet<()>,
) {
    let (mut inputs, mut producers) = (Vec::new(), tokio::task::JoinSet::new());
    for id in 0..3 {
        let (tx, rx) = tokio::sync::mpsc::channel(2);
        inputs.push(rx);
        producers.spawn(async move {
            for n in 0..20 {
                tx.send((id, n)).await.unwrap();
            }
        });
    }
    (inputs, producers)
}

/// Every input's values arrived once each, in the order it sent them.
fn in_order(merged: &[(u32, u32)]) -> bool {
    (0..3).all(|id| {
        let mine: Vec<u32> = merged
            .iter()
            .filter(|(i, _)| *i == id)
            .map(|(_, n)| *n)
            .collect();
        mine == (0..20).collect::<Vec<_>>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_value_arrives_once_in_its_input_s_order() {
        for _ in 0..20 {
            let (merged, producers) = produce_threads();
            assert!(merged.len() == 60 && in_order(&merged));
            producers.into_iter().for_each(|p| p.join().unwrap());
            let (inputs, mut producers) = produce_tasks();
            let merged = merge_async(inputs).await;
            assert!(merged.len() == 60 && in_order(&merged));
            while let Some(done) = producers.join_next().await {
                done.unwrap();
            }
        }
    }
}
