use std::sync::Arc;

use chat::protocol::{LOBBY, bye, error, goodbye, hello, message, unknown};
use chat::{Command, LineCodec, TooLong};
use futures::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_util::codec::FramedRead;

use crate::server::{Server, Writer};

// ANCHOR: member
/// A client in the broadcast. Dropping it takes the client out, however the
/// connection's task ends: a return, a `?`, a panic. The map holds the
/// client's write half, so a client left in it would also keep its socket
/// open.
struct Member {
    server: Arc<Server>,
    name: String,
}

impl Drop for Member {
    fn drop(&mut self) {
        self.server.leave(&self.name);
    }
}
// ANCHOR_END: member

// ANCHOR: serve
/// Reads the client's lines and answers each, until the client leaves or
/// sends a line too long.
pub async fn serve(server: Arc<Server>, socket: TcpStream, name: String) {
    let (read, write) = socket.into_split();
    let writer: Writer = Arc::new(tokio::sync::Mutex::new(write));
    // HELLO goes out while this client's writer is locked, and broadcasts
    // wait for it: no message comes before HELLO, and every one after it.
    let mut first = writer.lock().await;
    server.join(&name, writer.clone());
    let _ = first.write_all(hello(&name).as_bytes()).await;
    drop(first);
    let member = Member { server, name };
    let mut lines = FramedRead::new(read, LineCodec);
    while let Some(line) = lines.next().await {
        match line {
            Ok(line) if handle(&member, &writer, &line).await => {}
            Ok(_) => break, // the client said /quit
            Err(TooLong::Line) => {
                member.server.leave(&member.name);
                send(&writer, &goodbye(bye::TOO_LONG)).await;
                break;
            }
            Err(TooLong::Io(_)) => break, // the client left
        }
    }
    drop(member);
    // A broadcast that still holds the writer closes it when it lets go.
    if let Some(writer) = Arc::into_inner(writer) {
        chat::close(writer.into_inner(), lines.into_inner()).await;
    }
}
// ANCHOR_END: serve

// ANCHOR: handle
/// Answers one line; false ends the connection.
async fn handle(member: &Member, writer: &Writer, line: &[u8]) -> bool {
    let server = &member.server;
    match Command::parse(line) {
        Err(refused) => send(writer, &error(&refused)).await,
        Ok(Command::Say(text)) => server.broadcast(&message(LOBBY, &member.name, &text)).await,
        // Rooms come in step 3.
        Ok(Command::Join(_)) => send(writer, &error(&unknown("join"))).await,
        Ok(Command::Stats) => send(writer, &server.stats()).await,
        Ok(Command::Quit) => {
            server.leave(&member.name);
            send(writer, &goodbye(bye::QUIT)).await;
            return false;
        }
    }
    true
}
// ANCHOR_END: handle

async fn send(writer: &Writer, line: &str) {
    let _ = writer.lock().await.write_all(line.as_bytes()).await;
}
