//! Go by Example's stateful goroutine, in tokio: one task owns a map; the
//! others send it commands, and a command that needs an answer carries a
//! `oneshot` sender for the reply.
//!
//! Run it with `cargo run --example ch04-11-an-actor-owns-its-state`.
use std::collections::HashMap;
use tokio::sync::{mpsc, oneshot};

// ANCHOR: actor
enum Command {
    Add {
        key: &'static str,
        n: u64,
    },
    Get {
        key: &'static str,
        reply: oneshot::Sender<u64>,
    },
}

/// The actor: the only code that touches `counts`, so it needs no lock. It
/// ends when every handle (Sender) is gone.
async fn counter(mut commands: mpsc::Receiver<Command>) -> usize {
    let mut counts: HashMap<&'static str, u64> = HashMap::new();
    let mut handled = 0;
    while let Some(command) = commands.recv().await {
        handled += 1;
        match command {
            Command::Add { key, n } => *counts.entry(key).or_default() += n,
            Command::Get { key, reply } => {
                let _ = reply.send(counts.get(key).copied().unwrap_or(0));
            }
        }
    }
    handled
}

/// A handle, cheap to clone: the actor's address.
#[derive(Clone)]
struct Counter(mpsc::Sender<Command>);

impl Counter {
    async fn add(&self, key: &'static str, n: u64) {
        self.0
            .send(Command::Add { key, n })
            .await
            .expect("the actor is alive");
    }
    async fn get(&self, key: &'static str) -> u64 {
        let (reply, answer) = oneshot::channel();
        self.0
            .send(Command::Get { key, reply })
            .await
            .expect("the actor is alive");
        answer.await.expect("the actor replies")
    }
}
// ANCHOR_END: actor

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let (tx, rx) = mpsc::channel(16);
    let actor = tokio::spawn(counter(rx));
    let handle = Counter(tx);
    // ANCHOR: use
    let mut clients = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let handle = handle.clone();
        clients.spawn(async move { handle.add("hits", 1).await });
    }
    clients.join_all().await;
    println!(
        "100 clients added 1 each: hits = {}",
        handle.get("hits").await
    );
    drop(handle); // the last handle: the actor's loop ends
    println!("the actor ended after {} commands", actor.await.unwrap());
    // ANCHOR_END: use
}
