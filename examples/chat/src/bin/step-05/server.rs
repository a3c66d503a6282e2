use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use chat::Config;
use chat::protocol::{bye, goodbye};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::conn;
use crate::filter::Filter;
use crate::room::Registry;

/// What the connections share.
pub struct Server {
    pub config: Config,
    pub stats: Arc<Stats>,
    /// A permit per connection served: the cap.
    slots: Arc<Semaphore>,
    pub rooms: Registry,
    pub filter: Filter,
    names: AtomicU64,
    conns: TaskTracker,
}

impl Server {
    pub fn new(config: Config) -> Server {
        let stats = Arc::new(Stats::default());
        Server {
            slots: Arc::new(Semaphore::new(config.max_conns)),
            rooms: Registry::new(config.max_rooms, stats.clone()),
            filter: Filter::start(&config, stats.clone()),
            stats,
            config,
            names: AtomicU64::new(0),
            conns: TaskTracker::new(),
        }
    }

    // ANCHOR: run
    /// Serves until Ctrl-C, or accepting fails: then it cancels every
    /// connection, and waits for them.
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
        self.filter.close().await;
        self.rooms.close().await;
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
        let conn = conn::serve(self.clone(), socket, name, serving.child_token());
        // task: conn; one per client
        self.conns.spawn(async move {
            conn.await;
            drop(slot);
        });
    }
    // ANCHOR_END: accept
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

// ANCHOR: stats
/// The server's live numbers, updated by every task without a lock: each
/// is one atomic counter, and none must agree with another at every instant.
#[derive(Default)]
pub struct Stats {
    pub conns: AtomicU64,
    pub rooms: AtomicU64,
    /// Messages published, and lines of them written.
    pub sent: AtomicU64,
    pub delivered: AtomicU64,
    /// Messages not queued for a member (its queue was full).
    pub dropped: AtomicU64,
    /// Members dropped as too slow; most filter jobs at once.
    pub kicked: AtomicU64,
    pub peak: AtomicU64,
    /// Filter jobs done, and given up on their deadline.
    pub filtered: AtomicU64,
    pub cancelled: AtomicU64,
}

impl Stats {
    pub fn line(&self) -> String {
        let tasks = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        chat::protocol::stats(&[
            ("conns", self.conns.load(Relaxed)),
            ("rooms", self.rooms.load(Relaxed)),
            ("sent", self.sent.load(Relaxed)),
            ("delivered", self.delivered.load(Relaxed)),
            ("dropped", self.dropped.load(Relaxed)),
            ("kicked", self.kicked.load(Relaxed)),
            ("filtered", self.filtered.load(Relaxed)),
            ("cancelled", self.cancelled.load(Relaxed)),
            ("peak", self.peak.load(Relaxed)),
            ("tasks", tasks as u64),
        ])
    }
}
// ANCHOR_END: stats
