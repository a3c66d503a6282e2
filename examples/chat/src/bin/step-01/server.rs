use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chat::Config;
use chat::protocol::{bye, goodbye};
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::timeout;

use crate::conn;

/// A client's half of the socket that writes, shared by its own task and
/// the broadcasts of the others: an async lock, since writing awaits.
pub type Writer = Arc<tokio::sync::Mutex<OwnedWriteHalf>>;

/// What the connections share.
pub struct Server {
    pub config: Config,
    /// A permit per connection served: the cap.
    slots: Arc<Semaphore>,
    /// Only the accept loop counts, but `Server` is shared: an atomic.
    names: AtomicU64,
    /// Every client, by name.
    members: Mutex<HashMap<String, Writer>>,
}

impl Server {
    pub fn new(config: Config) -> Server {
        Server {
            slots: Arc::new(Semaphore::new(config.max_conns)),
            config,
            names: AtomicU64::new(0),
            members: Mutex::default(),
        }
    }

    // ANCHOR: run
    /// Accepts connections until accepting fails.
    pub async fn run(self: Arc<Self>) -> io::Result<()> {
        let listener = TcpListener::bind(&self.config.listen[0]).await?;
        println!("listening on {}", listener.local_addr()?);
        loop {
            let (socket, _) = listener.accept().await?;
            // A line goes out at once, as Go's net package does by default:
            // without this, Nagle's algorithm holds it back.
            let _ = socket.set_nodelay(true);
            self.accept(socket).await;
        }
    }
    // ANCHOR_END: run

    // ANCHOR: accept
    /// Serves `socket` in a task of its own, if a slot is free: the
    /// semaphore's permits are the cap on connections, and so on tasks.
    async fn accept(self: &Arc<Self>, mut socket: TcpStream) {
        let Ok(slot) = self.slots.clone().try_acquire_owned() else {
            let full = goodbye(bye::FULL);
            let _ = timeout(Duration::from_secs(1), socket.write_all(full.as_bytes())).await;
            return;
        };
        let name = format!("u{}", self.names.fetch_add(1, Relaxed) + 1);
        let conn = conn::serve(self.clone(), socket, name);
        // task: conn; one per client
        tokio::spawn(async move {
            conn.await;
            drop(slot);
        });
    }
    // ANCHOR_END: accept

    // ANCHOR: broadcast
    /// Writes `line` to every client in turn. The map's lock is not held
    /// across a write (a std lock cannot be); each client's own is, so that
    /// the lines of two messages never mix.
    pub async fn broadcast(&self, line: &str) {
        let members: Vec<Writer> = self.members.lock().unwrap().values().cloned().collect();
        for writer in members {
            // A client gone is its own task's to find.
            let _ = writer.lock().await.write_all(line.as_bytes()).await;
        }
    }

    pub fn join(&self, name: &str, writer: Writer) {
        self.members.lock().unwrap().insert(name.to_owned(), writer);
    }

    pub fn leave(&self, name: &str) {
        self.members.lock().unwrap().remove(name);
    }
    // ANCHOR_END: broadcast

    pub fn stats(&self) -> String {
        let conns = self.members.lock().unwrap().len() as u64;
        let tasks = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        chat::protocol::stats(&[("conns", conns), ("tasks", tasks as u64)])
    }
}
