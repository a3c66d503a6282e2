use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chat::Config;
use chat::protocol::{bye, goodbye};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::conn;

/// What the connections share.
pub struct Server {
    pub config: Config,
    /// A permit per connection served: the cap.
    slots: Arc<Semaphore>,
    names: AtomicU64,
    conns: TaskTracker,
    members: Mutex<Members>,
}

/// Each client's queue, by name, and the messages a full queue did not take.
#[derive(Default)]
struct Members {
    queues: HashMap<String, mpsc::Sender<Arc<str>>>,
    dropped: u64,
}

impl Server {
    pub fn new(config: Config) -> Server {
        Server {
            slots: Arc::new(Semaphore::new(config.max_conns)),
            config,
            names: AtomicU64::new(0),
            conns: TaskTracker::new(),
            members: Mutex::default(),
        }
    }

    // ANCHOR: run
    /// Serves until Ctrl-C.
    pub async fn run(self: Arc<Self>) -> io::Result<()> {
        let listener = TcpListener::bind(&self.config.listen[0]).await?;
        println!("listening on {}", listener.local_addr()?);
        let serving = CancellationToken::new();
        tokio::spawn(interrupted(serving.clone())); // task: signals
        let mut failed = Ok(());
        loop {
            let accepted = tokio::select! {
                accepted = listener.accept() => accepted,
                () = serving.cancelled() => break,
            };
            match accepted {
                Ok((socket, _)) => {
                    // A line goes out at once, as Go's net package does by
                    // default: without this, Nagle's algorithm holds it back.
                    let _ = socket.set_nodelay(true);
                    self.accept(socket, &serving).await;
                }
                Err(e) => {
                    failed = Err(e);
                    break;
                }
            }
        }
        serving.cancel();
        self.conns.close();
        self.conns.wait().await; // every connection has said BYE
        failed
    }
    // ANCHOR_END: run

    // ANCHOR: accept
    /// Serves `socket` in a task of its own, if a slot is free.
    async fn accept(self: &Arc<Self>, mut socket: TcpStream, serving: &CancellationToken) {
        let Ok(slot) = self.slots.clone().try_acquire_owned() else {
            let full = goodbye(bye::FULL);
            let _ = timeout(Duration::from_secs(1), socket.write_all(full.as_bytes())).await;
            return;
        };
        let name = format!("u{}", self.names.fetch_add(1, Relaxed) + 1);
        let conn = conn::serve(self.clone(), socket, name, serving.clone());
        // task: conn; one per client
        self.conns.spawn(async move {
            conn.await;
            drop(slot);
        });
    }
    // ANCHOR_END: accept

    // ANCHOR: broadcast
    /// Queues `line` for every client, without waiting: a client whose queue
    /// is full misses it, and the sender goes on.
    pub fn broadcast(&self, line: Arc<str>) {
        let mut members = self.members.lock().unwrap();
        let Members { queues, dropped } = &mut *members;
        for out in queues.values() {
            if out.try_send(line.clone()).is_err() {
                *dropped += 1;
            }
        }
    }

    /// `join` and `leave` add and remove a client's queue. Once `leave`
    /// returns, the queue's last sender is gone: it ends after what it holds.
    pub fn join(&self, name: &str, out: mpsc::Sender<Arc<str>>) {
        let mut members = self.members.lock().unwrap();
        members.queues.insert(name.to_owned(), out);
    }

    pub fn leave(&self, name: &str) {
        self.members.lock().unwrap().queues.remove(name);
    }
    // ANCHOR_END: broadcast

    pub fn stats(&self) -> String {
        let members = self.members.lock().unwrap();
        let (conns, dropped) = (members.queues.len() as u64, members.dropped);
        drop(members);
        let tasks = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        chat::protocol::stats(&[
            ("conns", conns),
            ("dropped", dropped),
            ("tasks", tasks as u64),
        ])
    }
}

// ANCHOR: signals
/// Ends serving at Ctrl-C.
async fn interrupted(serving: CancellationToken) -> io::Result<()> {
    tokio::select! {
        interrupted = tokio::signal::ctrl_c() => interrupted?,
        () = serving.cancelled() => {}
    }
    serving.cancel();
    Ok(())
}
// ANCHOR_END: signals
