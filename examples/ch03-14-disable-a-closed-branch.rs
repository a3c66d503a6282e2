use crossbeam::channel::{self, Receiver, select};
use std::thread;

fn producer(name: &'static str, count: u32) -> Receiver<String> {
    let (tx, rx) = channel::unbounded();
    thread::spawn(move || (1..=count).for_each(|n| tx.send(format!("{name}{n}")).unwrap()));
    rx
}

fn main() {
    // ANCHOR: merge
    let (mut a, mut b) = (producer("a", 2), producer("b", 3));
    let mut merged = Vec::new();
    let (mut a_open, mut b_open) = (true, true);
    while a_open || b_open {
        select! {
            recv(a) -> msg => match msg {
                Ok(m) => merged.push(m),
                // Closed: swap in a channel that never fires, like Go's `a = nil`.
                Err(_) => { a = channel::never(); a_open = false; }
            },
            recv(b) -> msg => match msg {
                Ok(m) => merged.push(m),
                Err(_) => { b = channel::never(); b_open = false; }
            },
        }
    }
    // ANCHOR_END: merge
    merged.sort();
    println!("merged until both closed: {merged:?}");
}
