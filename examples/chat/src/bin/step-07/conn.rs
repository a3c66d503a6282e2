use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;

use chat::protocol::{LOBBY, bye, error, goodbye, hello, joined, message, refusal};
use chat::{Command, LineCodec, TooLong};
use futures::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, timeout};
use tokio_util::codec::FramedRead;
use tokio_util::sync::CancellationToken;
use tokio_util::task::task_tracker::TaskTrackerToken;

use crate::room::{Room, RoomCmd};
use crate::server::Server;

type Lines = FramedRead<OwnedReadHalf, LineCodec>;

/// One client's connection, owned by its task.
struct Conn {
    server: Arc<Server>,
    write: OwnedWriteHalf,
    name: String,
    room: Option<Room>,
    /// This member's queue: its room holds the sender, and drops it to close.
    out: mpsc::Receiver<Arc<str>>,
    /// Held while it may still send to a room.
    reading: Option<TaskTrackerToken>,
    /// This connection's life: cancelled when it ends, or at the drain's
    /// deadline.
    token: CancellationToken,
    /// A write failed: nothing more is written.
    failed: bool,
}

// ANCHOR: serve
/// Runs one connection until the client leaves, it is closed, or the drain
/// ends it.
pub async fn serve(
    server: Arc<Server>,
    socket: TcpStream,
    name: String,
    serving: CancellationToken,
    token: CancellationToken,
    reading: TaskTrackerToken,
) {
    let _ended = token.clone().drop_guard();
    server.stats.conns.fetch_add(1, Relaxed);
    let (read, write) = socket.into_split();
    let mut lines = FramedRead::new(read, LineCodec);
    let (_, out) = mpsc::channel(1); // channel: out, room -> conn; none yet, closed
    let mut conn = Conn {
        server: server.clone(),
        write,
        name,
        room: None,
        out,
        reading: Some(reading),
        token,
        failed: false,
    };
    // In the lobby before HELLO: a client that has its name gets every
    // message sent from then on.
    let entered = conn.enter(LOBBY).await;
    conn.write(&hello(&conn.name)).await;
    match entered {
        Ok(()) => conn.run(&mut lines, &serving).await,
        Err(refused) => conn.write(&error(refused)).await,
    }
    conn.leave(false).await;
    conn.reading = None;
    tokio::select! {
        () = chat::close(conn.write, lines.into_inner()) => {}
        () = conn.token.cancelled() => {}
    }
    server.stats.conns.fetch_sub(1, Relaxed);
}
// ANCHOR_END: serve

impl Conn {
    // ANCHOR: loop
    /// The connection's one `select!`: lines from the client, messages from
    /// its room, the idle timer, the end of serving, the drain's deadline.
    async fn run(&mut self, lines: &mut Lines, serving: &CancellationToken) {
        let idle = sleep(self.server.config.idle);
        tokio::pin!(idle);
        while !self.failed {
            tokio::select! {
                line = lines.next(), if self.reading.is_some() => match line {
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
                message = self.out.recv() => match message {
                    Some(message) => self.deliver(&message).await,
                    None => {
                        // The room closed the queue.
                        let reason = match self.reading {
                            Some(_) => bye::TOO_SLOW,
                            None => bye::SHUTDOWN,
                        };
                        self.write(&goodbye(reason)).await;
                        return;
                    }
                },
                () = &mut idle, if self.reading.is_some() => {
                    self.leave(true).await;
                    self.write(&goodbye(bye::IDLE)).await;
                    return;
                }
                () = serving.cancelled(), if self.reading.is_some() => {
                    // Read nothing more (the branches that need `reading`
                    // are off from now on); write until the room closes the
                    // queue.
                    self.reading = None;
                }
                () = self.token.cancelled() => return, // the drain's deadline
            }
        }
    }
    // ANCHOR_END: loop

    // ANCHOR: handle
    /// Answers one line; false ends the connection.
    async fn handle(&mut self, line: &[u8]) -> bool {
        match Command::parse(line) {
            Err(refused) => self.write(&error(&refused)).await,
            Ok(Command::Say(text)) => self.say(text).await,
            Ok(Command::Join(room)) => match self.enter(&room).await {
                Ok(()) => self.write(&joined(&room)).await,
                Err(refused) => self.write(&error(refused)).await,
            },
            Ok(Command::Stats) => {
                let stats = self.server.stats.line();
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

    // ANCHOR: say
    /// Filters a message, then publishes it in the client's room. Its
    /// filtering is one request with its own deadline, and stops with the
    /// connection too (a child token).
    async fn say(&mut self, text: String) {
        let request = self.token.child_token();
        let _stop = request.clone().drop_guard();
        let deadline = self.server.config.filter_timeout;
        let verdict = timeout(deadline, self.server.filter.check(&text, request)).await;
        match verdict {
            Ok(Some(false)) => {
                let room = self
                    .room
                    .as_ref()
                    .expect("a connection is always in a room");
                let line = message(&room.name, &self.name, &text);
                room.send(RoomCmd::Publish(line.into())).await;
            }
            Ok(Some(true)) => self.write(&error(refusal::BLOCKED)).await,
            Ok(None) | Err(_) => self.write(&error(refusal::FILTER_TIMEOUT)).await,
        }
    }
    // ANCHOR_END: say

    // ANCHOR: join
    /// Moves the client to another room: the old room's last messages for
    /// it come first, and the new room's after.
    async fn enter(&mut self, name: &str) -> Result<(), &'static str> {
        let room = self.server.rooms.get(name)?;
        self.leave(true).await;
        let (tx, rx) = mpsc::channel(self.server.config.queue); // channel: out, room -> conn
        let join = RoomCmd::Join {
            name: self.name.clone(),
            out: tx,
        };
        room.send(join).await;
        self.room = Some(room);
        self.out = rx;
        Ok(())
    }

    /// Takes the client out of its room, and writes (or, if the client is
    /// gone, drops) what the room queued for it until it closed the queue.
    async fn leave(&mut self, write: bool) {
        if self.reading.is_none() {
            return;
        }
        let Some(room) = self.room.take() else {
            return;
        };
        room.send(RoomCmd::Leave(self.name.clone())).await;
        while let Some(message) = self.out.recv().await {
            if write {
                self.deliver(&message).await;
            }
        }
    }
    // ANCHOR_END: join

    async fn deliver(&mut self, message: &str) {
        self.write(message).await;
        if !self.failed {
            self.server.stats.delivered.fetch_add(1, Relaxed);
        }
    }

    // ANCHOR: write
    /// Sends one line, within the write deadline, unless the connection
    /// ends first.
    async fn write(&mut self, line: &str) {
        if self.failed {
            return;
        }
        let deadline = self.server.config.write_timeout;
        let written = tokio::select! {
            written = timeout(deadline, self.write.write_all(line.as_bytes())) => {
                matches!(written, Ok(Ok(())))
            }
            () = self.token.cancelled() => false,
        };
        self.failed = !written;
    }
    // ANCHOR_END: write
}
