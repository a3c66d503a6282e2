use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use chat::Config;
use chat::protocol::{bye, goodbye};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};
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
    /// Serves until Ctrl-C or a listener's failure. Returns the first
    /// listener's error.
    pub async fn run(self: Arc<Self>) -> io::Result<()> {
        let serving = CancellationToken::new();
        let mut parts = JoinSet::new();
        parts.spawn(interrupted(serving.clone())); // task: signals
        for addr in &self.config.listen {
            parts.spawn(self.clone().listen(addr.clone(), serving.clone())); // task: acceptor; one per listener
        }
        // errgroup.WithContext: the first error cancels the other parts.
        let mut first = Ok(());
        while let Some(ended) = parts.join_next().await {
            if let Err(e) = ended.unwrap_or_else(|panic| Err(io::Error::other(panic))) {
                serving.cancel();
                first = first.and(Err(e));
            }
        }
        // Every listener has stopped: no connection starts now.
        self.conns.close();
        self.conns.wait().await; // and every connection has said BYE
        self.filter.close().await;
        self.rooms.close().await;
        first
    }
    // ANCHOR_END: run

    // ANCHOR: listen
    /// Accepts connections on `addr` until serving ends. Only failing to
    /// listen is fatal: an accept error means this process is short of
    /// something (file descriptors) or a client left early, and the next
    /// accept may work.
    async fn listen(self: Arc<Self>, addr: String, serving: CancellationToken) -> io::Result<()> {
        let listener = TcpListener::bind(&addr)
            .await
            .map_err(|e| io::Error::new(e.kind(), format!("listen {addr}: {e}")))?;
        println!("listening on {}", listener.local_addr()?);
        let mut pause = Duration::from_millis(5);
        loop {
            let accepted = tokio::select! {
                accepted = listener.accept() => accepted,
                () = serving.cancelled() => return Ok(()),
            };
            match accepted {
                Ok((socket, _)) => {
                    pause = Duration::from_millis(5);
                    // A line goes out at once, as Go's net package does by
                    // default: without this, Nagle's algorithm holds it back.
                    let _ = socket.set_nodelay(true);
                    self.accept(socket, &serving).await;
                }
                Err(_) => {
                    tokio::select! {
                        () = sleep(pause) => {}
                        () = serving.cancelled() => return Ok(()),
                    }
                    pause = (pause * 2).min(Duration::from_secs(1));
                }
            }
        }
    }
    // ANCHOR_END: listen

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
