use std::sync::Arc;

use chat::protocol::{LOBBY, bye, error, goodbye, hello, message, unknown};
use chat::{Command, LineCodec, TooLong};
use futures::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};
use tokio_util::codec::FramedRead;
use tokio_util::sync::CancellationToken;

use crate::server::Server;

type Lines = FramedRead<OwnedReadHalf, LineCodec>;

/// One client's connection, owned by its task.
struct Conn {
    server: Arc<Server>,
    write: OwnedWriteHalf,
    name: String,
    /// This client's queue.
    out: mpsc::Receiver<Arc<str>>,
    joined: bool,
    /// The server's: cancelled when it stops.
    serving: CancellationToken,
    /// A write failed: nothing more is written.
    failed: bool,
}

// ANCHOR: serve
/// Runs one connection until the client leaves, it is closed, or the server
/// stops.
pub async fn serve(
    server: Arc<Server>,
    socket: TcpStream,
    name: String,
    serving: CancellationToken,
) {
    let (read, write) = socket.into_split();
    let mut lines = FramedRead::new(read, LineCodec);
    let (tx, out) = mpsc::channel(server.config.queue); // channel: out, conn -> conn; any connection broadcasts
    let mut conn = Conn {
        server: server.clone(),
        write,
        name,
        out,
        joined: false,
        serving,
        failed: false,
    };
    // Queued for before HELLO: a client that has its name gets every message
    // sent from then on.
    server.join(&conn.name, tx);
    conn.joined = true;
    conn.write(&hello(&conn.name)).await;
    conn.run(&mut lines).await;
    conn.leave(false).await;
    chat::close(conn.write, lines.into_inner()).await;
}
// ANCHOR_END: serve

impl Conn {
    // ANCHOR: loop
    /// The connection's one `select!`: lines from the client, messages
    /// queued for it, the idle timer, and the end of the server.
    async fn run(&mut self, lines: &mut Lines) {
        let idle = sleep(self.server.config.idle);
        tokio::pin!(idle);
        while !self.failed {
            tokio::select! {
                line = lines.next() => match line {
                    Some(Ok(line)) => {
                        idle.as_mut().reset(Instant::now() + self.server.config.idle);
                        if !self.handle(&line).await {
                            return;
                        }
                    }
                    Some(Err(TooLong::Line)) => {
                        self.leave(false).await;
                        self.write(&goodbye(bye::TOO_LONG)).await;
                        return;
                    }
                    Some(Err(TooLong::Io(_))) | None => return, // the client left
                },
                Some(message) = self.out.recv() => self.write(&message).await,
                () = &mut idle => {
                    self.leave(true).await;
                    self.write(&goodbye(bye::IDLE)).await;
                    return;
                }
                () = self.serving.cancelled() => {
                    self.write(&goodbye(bye::SHUTDOWN)).await;
                    return;
                }
            }
        }
    }
    // ANCHOR_END: loop

    // ANCHOR: handle
    /// Answers one line; false ends the connection.
    async fn handle(&mut self, line: &[u8]) -> bool {
        match Command::parse(line) {
            Err(refused) => self.write(&error(&refused)).await,
            Ok(Command::Say(text)) => {
                let line = message(LOBBY, &self.name, &text);
                self.server.broadcast(line.into());
            }
            // Rooms come in step 3.
            Ok(Command::Join(_)) => self.write(&error(&unknown("join"))).await,
            Ok(Command::Stats) => {
                let stats = self.server.stats();
                self.write(&stats).await;
            }
            Ok(Command::Quit) => {
                self.leave(true).await;
                self.write(&goodbye(bye::QUIT)).await;
                return false;
            }
        }
        true
    }
    // ANCHOR_END: handle

    // ANCHOR: leave
    /// Takes the client out of the broadcast, then writes (or, if the client
    /// is gone, drops) what was queued for it.
    async fn leave(&mut self, write: bool) {
        if !self.joined {
            return;
        }
        self.server.leave(&self.name);
        self.joined = false;
        while let Some(message) = self.out.recv().await {
            if write {
                self.write(&message).await;
            }
        }
    }
    // ANCHOR_END: leave

    /// Sends one line.
    async fn write(&mut self, line: &str) {
        if self.failed {
            return;
        }
        self.failed = self.write.write_all(line.as_bytes()).await.is_err();
    }
}
