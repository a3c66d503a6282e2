//! The line protocol. A client sends lines of UTF-8 ending in `\n` (or
//! `\r\n`), at most [`MAX_LINE`] bytes each:
//!
//! ```text
//! /join ROOM     leave your room for ROOM (created if new); you start in `lobby`
//! /stats         the server's live numbers
//! /quit          the server says BYE and closes
//! TEXT           a message to everyone in your room, you included
//! ```
//!
//! The server answers with lines too. Your own message coming back to you is
//! its acknowledgment: the room has taken it, and every member gets it in
//! the same order.
//!
//! ```text
//! HELLO NAME                  the first line: your name; from here on, you
//!                             get every message sent in your room
//! MSG ROOM NAME TEXT          a message in your room
//! JOINED ROOM                 you are in ROOM
//! STATS KEY=VALUE ...         the answer to /stats
//! ERR REASON                  a line of yours was refused; nothing else changed
//! BYE REASON                  the last line before the server closes
//! ```
//!
//! The Go steps share the same protocol (`examples/go/chat/protocol.go`),
//! byte for byte: the tests hold both to it.

use std::io;

use tokio_util::bytes::{Buf, BytesMut};
use tokio_util::codec::Decoder;

/// The longest line a client may send, without its line ending.
pub const MAX_LINE: usize = 1024;

/// The room every client starts in.
pub const LOBBY: &str = "lobby";

/// Why the server closes a connection: the text after `BYE`.
pub mod bye {
    pub const QUIT: &str = "see you";
    pub const IDLE: &str = "idle timeout";
    pub const FULL: &str = "server full";
    pub const TOO_LONG: &str = "line too long";
    pub const TOO_SLOW: &str = "too slow";
    pub const SHUTDOWN: &str = "server shutting down";
}

/// Why the server refuses a line and goes on: the text after `ERR`.
pub mod refusal {
    pub const NOT_UTF8: &str = "not UTF-8";
    pub const EMPTY: &str = "empty message";
    pub const BAD_ROOM: &str = "a room name is 1 to 32 letters, digits, - or _";
    pub const TOO_MANY_ROOMS: &str = "too many rooms";
    pub const BLOCKED: &str = "message blocked";
    pub const FILTER_TIMEOUT: &str = "filter timed out";
}

/// One line from a client, understood.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Say(String),
    Join(String),
    Stats,
    Quit,
}

impl Command {
    /// Reads a line (without its ending). A line the server refuses is an
    /// `Err` whose text follows `ERR ` in the answer.
    pub fn parse(line: &[u8]) -> Result<Command, String> {
        let line = std::str::from_utf8(line).map_err(|_| refusal::NOT_UTF8.to_owned())?;
        let Some(command) = line.strip_prefix('/') else {
            if line.is_empty() {
                return Err(refusal::EMPTY.into());
            }
            return Ok(Command::Say(line.to_owned()));
        };
        let (verb, argument) = command.split_once(' ').unwrap_or((command, ""));
        match verb {
            "join" if is_room_name(argument) => Ok(Command::Join(argument.to_owned())),
            "join" => Err(refusal::BAD_ROOM.into()),
            "stats" => Ok(Command::Stats),
            "quit" => Ok(Command::Quit),
            _ => Err(unknown(verb)),
        }
    }
}

/// The refusal of a command this server does not know (or, in an early
/// step, does not know yet).
pub fn unknown(verb: &str) -> String {
    format!("unknown command /{verb}")
}

fn is_room_name(name: &str) -> bool {
    (1..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The server's lines, each with its `\n`.
pub fn hello(name: &str) -> String {
    format!("HELLO {name}\n")
}

pub fn message(room: &str, name: &str, text: &str) -> String {
    format!("MSG {room} {name} {text}\n")
}

pub fn joined(room: &str) -> String {
    format!("JOINED {room}\n")
}

/// `STATS key=value ...`, in the order given.
pub fn stats(pairs: &[(&str, u64)]) -> String {
    let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("STATS {}\n", pairs.join(" "))
}

pub fn error(reason: &str) -> String {
    format!("ERR {reason}\n")
}

pub fn goodbye(reason: &str) -> String {
    format!("BYE {reason}\n")
}

/// A line over [`MAX_LINE`] bytes: the server cannot tell where the next
/// one starts without reading the flood, so it answers `BYE line too long`
/// and closes.
#[derive(Debug)]
pub enum TooLong {
    Line,
    Io(io::Error),
}

impl From<io::Error> for TooLong {
    fn from(e: io::Error) -> Self {
        TooLong::Io(e)
    }
}

// ANCHOR: read-line
/// Splits a byte stream into lines for `FramedRead`: each line without its
/// `\n` or `\r\n`. Unlike tokio-util's `LinesCodec`, a line the stream ends
/// in the middle of is no line (a client that disconnects mid-line sent
/// nothing), and the bytes are left for [`Command::parse`] to judge.
#[derive(Debug, Default)]
pub struct LineCodec;

impl Decoder for LineCodec {
    type Item = BytesMut;
    type Error = TooLong;

    fn decode(&mut self, buf: &mut BytesMut) -> Result<Option<BytesMut>, TooLong> {
        let Some(end) = buf.iter().position(|&b| b == b'\n') else {
            // No ending yet: wait for more, unless no ending can come in time.
            return if buf.len() > MAX_LINE + 1 {
                Err(TooLong::Line)
            } else {
                Ok(None)
            };
        };
        let mut line = buf.split_to(end + 1);
        line.truncate(end);
        if line.ends_with(b"\r") {
            line.truncate(end - 1);
        }
        if line.len() > MAX_LINE {
            return Err(TooLong::Line);
        }
        Ok(Some(line))
    }

    fn decode_eof(&mut self, buf: &mut BytesMut) -> Result<Option<BytesMut>, TooLong> {
        let line = self.decode(buf)?;
        if line.is_none() {
            buf.advance(buf.len()); // half a line: dropped
        }
        Ok(line)
    }
}
// ANCHOR_END: read-line

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> (Vec<String>, Option<String>) {
        let (mut buf, mut codec, mut out) = (BytesMut::from(input), LineCodec, Vec::new());
        loop {
            match codec.decode_eof(&mut buf) {
                Ok(Some(line)) => out.push(String::from_utf8_lossy(&line).into_owned()),
                Ok(None) => return (out, None),
                Err(e) => return (out, Some(format!("{e:?}"))),
            }
        }
    }

    #[test]
    fn lines_end_in_a_newline_and_a_half_line_at_the_end_is_dropped() {
        assert_eq!(lines(b"a\nb\r\nhalf"), (vec!["a".into(), "b".into()], None));
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_with_or_without_its_ending() {
        let long = vec![b'x'; MAX_LINE + 1];
        assert_eq!(lines(&long).1.as_deref(), Some("Line"));
        let mut ended = vec![b'x'; MAX_LINE];
        ended.extend(b"\r\n");
        assert_eq!(lines(&ended).0.len(), 1, "exactly MAX_LINE bytes is a line");
    }

    #[test]
    fn commands_and_refusals() {
        use Command::*;
        assert_eq!(Command::parse(b"hi there"), Ok(Say("hi there".into())));
        assert_eq!(Command::parse(b"/join rust-1"), Ok(Join("rust-1".into())));
        assert_eq!(
            Command::parse(b"/join no way").unwrap_err(),
            refusal::BAD_ROOM
        );
        assert_eq!(Command::parse(b"/stats"), Ok(Stats));
        assert_eq!(
            Command::parse(b"/nick"),
            Err("unknown command /nick".into())
        );
        assert_eq!(Command::parse(b"\xff").unwrap_err(), refusal::NOT_UTF8);
        assert_eq!(Command::parse(b"").unwrap_err(), refusal::EMPTY);
    }
}
