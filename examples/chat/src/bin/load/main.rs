//! The chat server's load generator: `--clients` clients in rooms of
//! `--room-size`, each sending `--messages` messages and reading every
//! message of its room. It prints what was sent and delivered per second,
//! and how long deliveries took (p50, p99), and fails if a message was lost
//! or came out of its sender's order. Its Go twin prints the same.
//!
//! `cargo run --release -p chat --bin load -- --addr 127.0.0.1:7878 --clients 100`

use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::{Barrier, Semaphore};
use tokio::task::JoinSet;

/// What a run is asked to do.
#[derive(Clone)]
struct Load {
    addr: String,
    clients: usize,
    room_size: usize,
    messages: usize,
    /// How far a client may run ahead of the slowest sender of its room:
    /// its message `i` waits until it has message `i - window` of every
    /// sender, so that no member's queue in the server grows without bound.
    window: usize,
    /// Bytes of text after a message's sequence number and timestamp.
    size: usize,
}

fn parse(args: &[String]) -> Result<Load, String> {
    let mut load = Load {
        addr: "127.0.0.1:7878".into(),
        clients: 100,
        room_size: 10,
        messages: 100,
        window: 4,
        size: 32,
    };
    for (name, value) in chat::config::flags(args)? {
        let number = || value.parse::<usize>().map_err(|e| format!("-{name}: {e}"));
        match name.as_str() {
            "addr" => load.addr = value.clone(),
            "clients" => load.clients = number()?,
            "room-size" => load.room_size = number()?,
            "messages" => load.messages = number()?,
            "window" => load.window = number()?.max(1),
            "size" => load.size = number()?,
            _ => return Err(format!("flag provided but not defined: -{name}")),
        }
    }
    if load.room_size == 0 || !load.clients.is_multiple_of(load.room_size) {
        return Err("-clients must be a multiple of -room-size".into());
    }
    Ok(load)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let load = match parse(&args) {
        Ok(load) => load,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(load).await {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What one client saw.
#[derive(Default)]
struct Seen {
    latencies: Vec<Duration>,
    delivered: usize,
}

async fn run(load: Load) -> Result<String, String> {
    let epoch = Instant::now();
    // Connect at most 64 at a time, then join the rooms.
    let connecting = Arc::new(Semaphore::new(64));
    let mut joining = JoinSet::new();
    for i in 0..load.clients {
        let (addr, connecting) = (load.addr.clone(), connecting.clone());
        let room = format!("load{}", i / load.room_size);
        joining.spawn(async move {
            let _permit = connecting.acquire().await.unwrap();
            let client = Client::join(&addr, &room).await?;
            Ok::<_, String>((i / load.room_size, client))
        });
    }
    let mut rooms: HashMap<usize, Vec<Client>> = HashMap::new();
    while let Some(joined) = joining.join_next().await {
        let (room, client) = joined.map_err(|e| e.to_string())??;
        rooms.entry(room).or_default().push(client);
    }
    // Everyone starts at once.
    let start = Arc::new(Barrier::new(load.clients + 1));
    let mut running = JoinSet::new();
    for members in rooms.into_values() {
        let names: Vec<String> = members.iter().map(|c| c.name.clone()).collect();
        for client in members {
            let (load, names, start) = (load.clone(), names.clone(), start.clone());
            running.spawn(async move {
                start.wait().await;
                client.exchange(&load, &names, epoch).await
            });
        }
    }
    start.wait().await;
    let started = Instant::now();
    let mut all = Seen::default();
    while let Some(done) = running.join_next().await {
        let seen = done.map_err(|e| e.to_string())??;
        all.delivered += seen.delivered;
        all.latencies.extend(seen.latencies);
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.latencies.sort();
    let sent = load.clients * load.messages;
    Ok(format!(
        "clients={} room-size={} messages={} sent={sent} delivered={} lost=0 reordered=0 \
         elapsed={elapsed:.3}s sent/s={:.0} delivered/s={:.0} p50={} p99={}",
        load.clients,
        load.room_size,
        load.messages,
        all.delivered,
        sent as f64 / elapsed,
        all.delivered as f64 / elapsed,
        millis(percentile(&all.latencies, 50)),
        millis(percentile(&all.latencies, 99)),
    ))
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted.get(rank - 1).copied().unwrap_or_default()
}

fn millis(d: Duration) -> String {
    format!("{:.2}ms", d.as_secs_f64() * 1e3)
}

struct Client {
    name: String,
    read: BufReader<tokio::net::tcp::OwnedReadHalf>,
    write: tokio::net::tcp::OwnedWriteHalf,
}

impl Client {
    async fn join(addr: &str, room: &str) -> Result<Client, String> {
        let socket = TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect {addr}: {e}"))?;
        let _ = socket.set_nodelay(true);
        let (read, write) = socket.into_split();
        let mut client = Client {
            name: String::new(),
            read: BufReader::new(read),
            write,
        };
        let hello = client.line().await?;
        client.name = hello
            .strip_prefix("HELLO ")
            .ok_or_else(|| format!("expected HELLO, got `{hello}`"))?
            .to_owned();
        client.send(&format!("/join {room}")).await?;
        let joined = client.line().await?;
        if joined != format!("JOINED {room}") {
            return Err(format!(
                "{}: expected JOINED {room}, got `{joined}`",
                client.name
            ));
        }
        Ok(client)
    }

    async fn line(&mut self) -> Result<String, String> {
        let mut line = String::new();
        match self.read.read_line(&mut line).await {
            Ok(0) | Err(_) => Err(format!("{}: the server closed the connection", self.name)),
            Ok(_) => Ok(line.trim_end_matches('\n').to_owned()),
        }
    }

    async fn send(&mut self, line: &str) -> Result<(), String> {
        let line = format!("{line}\n");
        self.write
            .write_all(line.as_bytes())
            .await
            .map_err(|e| format!("{}: {e}", self.name))
    }

    // ANCHOR: exchange
    /// Sends its messages and reads every message of its room, checking
    /// that each sender's come in order, none missing.
    async fn exchange(
        mut self,
        load: &Load,
        names: &[String],
        epoch: Instant,
    ) -> Result<Seen, String> {
        let padding = "x".repeat(load.size);
        let mut from: HashMap<String, usize> = names.iter().map(|n| (n.clone(), 0)).collect();
        let due = names.len() * load.messages;
        let mut seen = Seen::default();
        let mut sent = 0;
        while seen.delivered < due {
            let slowest = from.values().copied().min().unwrap_or(0);
            while sent < load.messages && sent < slowest + load.window {
                let nanos = epoch.elapsed().as_nanos();
                self.send(&format!("m {sent} {nanos} {padding}")).await?;
                sent += 1;
            }
            let line = self.line().await?;
            let mut words = line.splitn(7, ' ');
            let (Some("MSG"), Some(_room), Some(sender), Some("m"), Some(seq), Some(nanos)) = (
                words.next(),
                words.next(),
                words.next(),
                words.next(),
                words.next(),
                words.next(),
            ) else {
                return Err(format!("{}: unexpected `{line}`", self.name));
            };
            let count = from.get_mut(sender).ok_or_else(|| {
                format!("{}: a message from {sender}, not of its room", self.name)
            })?;
            if seq.parse::<usize>() != Ok(*count) {
                return Err(format!(
                    "{}: message {seq} from {sender} where {count} was due: lost or reordered",
                    self.name
                ));
            }
            *count += 1;
            let sent_at = Duration::from_nanos(nanos.parse().map_err(|_| line.clone())?);
            seen.latencies.push(epoch.elapsed().saturating_sub(sent_at));
            seen.delivered += 1;
        }
        Ok(seen)
    }
    // ANCHOR_END: exchange
}
