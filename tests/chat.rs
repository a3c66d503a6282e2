//! The chat server's tests. Every step of the project, in Rust
//! (`examples/chat`) and in Go (`examples/go/chat`, built with `-race`), is
//! started as a process and driven over TCP on 127.0.0.1 by clients that
//! break it the way real ones do: two hundred at once, one that never reads,
//! one that hangs up mid-line, one that sends garbage, a shutdown while
//! messages are in flight. Each test applies from the step that brings what
//! it checks, and names itself `LANG/step-NN/test`.
//!
//! Every test ends by itself: each read from the server gives up after
//! [`READ`], and the server is stopped at the end of each test (with
//! SIGINT, from step 2, where it must then end within a bound, exit 0 and
//! say it left nothing running; killed in step 1, which has no shutdown).
//! A Go server that reports a data race fails its test.
//!
//! The step's session (`examples/chat/sessions/step-NN.txt`, the transcript
//! its page shows) is a test too: it is replayed against both languages,
//! and each must answer it line for line.
//!
//! `CHAT_CPUS=N` runs the servers and their clients on N of the machine's
//! CPUs only (by CPU affinity, which Go's and tokio's schedulers read):
//! `cargo xtask test` runs the tests on the machine as it is, then on one.
//!
//! Without `go`, the Go trials are skipped with a notice, except in CI.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use inventory::Inventory;
use libtest_mimic::{Arguments, Failed, Trial};
use supervise::{Background, Limits};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader as AsyncBufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpSocket, TcpStream};

#[path = "chat/session.rs"]
mod session;

/// How long any one read from a server may take before the test fails.
const READ: Duration = Duration::from_secs(10);

type Outcome = Result<(), String>;

fn main() -> ExitCode {
    let mut args = Arguments::from_args();
    let root = root();
    let inventory = match Inventory::scan(&root) {
        Ok(inventory) => inventory,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let steps = inventory.chat_steps();
    if steps.is_empty() {
        eprintln!(
            "error: no step of the chat server in {}",
            inventory::CHAT_RUST
        );
        return ExitCode::FAILURE;
    }
    let target = root.join("target/debug");
    if let Err(e) = build_rust(&root) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let go = build_go(&root, &target.join("chat-go"));
    // After the builds, before any thread: every trial inherits it.
    if let Ok(cpus) = std::env::var("CHAT_CPUS") {
        match cpus.parse().map(supervise::cpus::restrict_to) {
            Ok(Ok(kept)) => {
                eprintln!("chat: on {} CPU(s) only ({kept:?})", kept.len());
                // Two tests at a time still: much of a test is waiting.
                args.test_threads.get_or_insert(2);
            }
            _ => {
                eprintln!("error: CHAT_CPUS={cpus}: give a number of CPUs this machine has");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut loads = vec![target.join("load")];
    loads.extend(go.iter().map(|dir| dir.join("load")));
    let mut trials = Vec::new();
    for step in &steps {
        let languages = [
            (Lang::Rust, Ok(target.join(&step.name)), false),
            (
                Lang::Go,
                go.clone().map(|dir| dir.join(&step.name)),
                go.is_err(),
            ),
        ];
        for (lang, exe, skipped) in languages {
            let server = Spec {
                number: step.number,
                exe,
                loads: loads.clone(),
            };
            for test in TESTS.iter().filter(|t| t.since <= step.number) {
                let (server, run) = (server.clone(), test.run);
                let name = format!("{}/{}/{}", lang.name(), step.name, test.name);
                trials.push(
                    Trial::test(name, move || run(&server).map_err(Failed::from))
                        .with_ignored_flag(skipped),
                );
            }
            if let Some(session) = &step.session {
                let (server, path) = (server.clone(), root.join(session));
                let name = format!("{}/{}/session", lang.name(), step.name);
                trials.push(
                    Trial::test(name, move || {
                        session::replay(&server, &path).map_err(Failed::from)
                    })
                    .with_ignored_flag(skipped),
                );
            }
        }
    }
    libtest_mimic::run(&args, trials).exit_code()
}

/// One test: it applies to the steps from `since` on.
struct Test {
    name: &'static str,
    since: u32,
    run: fn(&Spec) -> Outcome,
}

const TESTS: &[Test] = &[
    Test {
        name: "two_hundred_clients_lose_and_reorder_nothing",
        since: 1,
        run: two_hundred_clients,
    },
    Test {
        name: "disconnects_leave_nothing_behind",
        since: 1,
        run: disconnects_leave_nothing_behind,
    },
    Test {
        name: "bad_lines_hurt_only_their_sender",
        since: 1,
        run: bad_lines_hurt_only_their_sender,
    },
    Test {
        name: "connections_over_the_cap_are_refused",
        since: 1,
        run: connections_over_the_cap_are_refused,
    },
    Test {
        name: "idle_clients_are_closed",
        since: 2,
        run: idle_clients_are_closed,
    },
    Test {
        name: "a_client_that_never_reads_slows_no_one",
        since: 3,
        run: a_client_that_never_reads_slows_no_one,
    },
    Test {
        name: "the_load_generators_see_every_message",
        since: 7,
        run: the_load_generators_see_every_message,
    },
    Test {
        name: "blocked_words_are_refused",
        since: 3,
        run: blocked_words_are_refused,
    },
    Test {
        name: "the_filter_never_runs_more_than_its_workers",
        since: 4,
        run: the_filter_never_runs_more_than_its_workers,
    },
    Test {
        name: "a_slow_filter_meets_its_deadline",
        since: 5,
        run: a_slow_filter_meets_its_deadline,
    },
    Test {
        name: "a_stuck_write_meets_its_deadline",
        since: 5,
        run: a_stuck_write_meets_its_deadline,
    },
    Test {
        name: "accept_errors_stop_nothing",
        since: 6,
        run: accept_errors_stop_nothing,
    },
    Test {
        name: "a_fatal_error_stops_every_part",
        since: 6,
        run: a_fatal_error_stops_every_part,
    },
    Test {
        name: "shutdown_delivers_every_acknowledged_message",
        since: 7,
        run: shutdown_delivers_every_acknowledged_message,
    },
    Test {
        name: "shutdown_is_bounded_by_the_drain",
        since: 7,
        run: shutdown_is_bounded_by_the_drain,
    },
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Lang {
    Rust,
    Go,
}

impl Lang {
    fn name(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::Go => "go",
        }
    }
}

/// A server to start: a step, in one language.
#[derive(Clone)]
struct Spec {
    number: u32,
    /// The binary, or why there is none.
    exe: Result<PathBuf, String>,
    /// The load generators there are, Rust's and Go's.
    loads: Vec<PathBuf>,
}

/// A running server, stopped when dropped.
struct Server {
    spec: Spec,
    process: Background,
    addrs: Vec<String>,
    /// Its stdout, line by line, after the `listening on` lines.
    lines: mpsc::Receiver<String>,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    /// When it was sent the signal that stops it.
    signalled: Option<Instant>,
}

impl Spec {
    /// Starts the server with `args` after `--listen 127.0.0.1:0` and waits
    /// until it listens.
    fn start(&self, args: &[&str]) -> Result<Server, String> {
        self.start_under(&[], args)
    }

    /// The same, run by `wrapper` (`prlimit --nofile=64:64 --`, say).
    fn start_under(&self, wrapper: &[&str], args: &[&str]) -> Result<Server, String> {
        let exe = self.exe.clone()?;
        let mut command = match wrapper.split_first() {
            Some((program, wrapper_args)) => {
                let mut command = Command::new(program);
                command.args(wrapper_args).arg(&exe);
                command
            }
            None => Command::new(&exe),
        };
        command.args(["--listen", "127.0.0.1:0"]).args(args);
        // A race makes the process exit 66 at once, so that the test fails.
        command.env("GORACE", "halt_on_error=1");
        let mut process = Background::spawn(command)
            .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
        let (stdout, stderr) = (Arc::default(), Arc::default());
        let (sender, lines) = mpsc::channel();
        collect(process.stdout(), &stdout, Some(sender));
        collect(process.stderr(), &stderr, None);
        let listening = lines.recv_timeout(READ).unwrap_or_default();
        let server = Server {
            spec: self.clone(),
            process,
            addrs: listening
                .strip_prefix("listening on ")
                .map(str::to_owned)
                .into_iter()
                .collect(),
            lines,
            stdout,
            stderr,
            signalled: None,
        };
        if server.addrs.is_empty() {
            return Err(format!(
                "the server did not say `listening on ADDR`; stderr:\n{}",
                server.stderr.lock().unwrap()
            ));
        }
        Ok(server)
    }
}

/// Reads a pipe on a thread into `into`, sending each line to `lines`.
fn collect(
    pipe: Option<impl Read + Send + 'static>,
    into: &Arc<Mutex<String>>,
    lines: Option<mpsc::Sender<String>>,
) {
    let into = into.clone();
    thread::spawn(move || {
        let Some(pipe) = pipe else { return };
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { return };
            into.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(lines) = &lines {
                let _ = lines.send(line);
            }
        }
    });
}

impl Server {
    fn addr(&self) -> &str {
        &self.addrs[0]
    }

    /// The next line the server prints.
    fn next_line(&self) -> Result<String, String> {
        self.lines
            .recv_timeout(READ)
            .map_err(|_| format!("the server printed no line in {READ:?}"))
    }

    /// Sends the server SIGINT (Ctrl-C), or SIGTERM.
    fn signal(&mut self, terminate: bool) -> Outcome {
        let sent = if terminate {
            self.process.terminate()
        } else {
            self.process.interrupt()
        };
        self.signalled = Some(Instant::now());
        sent.map_err(|e| format!("cannot signal the server: {e}"))
    }

    /// Stops the server the way its step can be stopped, and checks that it
    /// ended well: from step 2, SIGINT (or `terminate`'s SIGTERM), then
    /// exit 0 within 5 s with nothing left running; in step 1, a kill. A
    /// data race reported by a Go server fails it in either case.
    fn stop(mut self, terminate: bool) -> Result<Stopped, String> {
        if self.spec.number >= 2 {
            self.signal(terminate)?;
        }
        self.finish()
    }

    /// Waits for a signalled server to end, or kills it, and checks how.
    fn finish(mut self) -> Result<Stopped, String> {
        let status = match self.signalled {
            Some(_) => {
                let status = self
                    .process
                    .wait_timeout(Duration::from_secs(5))
                    .map_err(|e| e.to_string())?;
                Some(status.ok_or("the server did not end within 5 s of the signal")?)
            }
            None => None,
        };
        let elapsed = self.signalled.map_or(Duration::ZERO, |at| at.elapsed());
        drop(self.process); // the rest of its group, and its pipes
        thread::sleep(Duration::from_millis(50)); // the readers' last lines
        let stdout = self.stdout.lock().unwrap().clone();
        let stderr = self.stderr.lock().unwrap().clone();
        if stderr.contains("WARNING: DATA RACE") {
            return Err(format!("the race detector reported a data race:\n{stderr}"));
        }
        if let Some(status) = status
            && !status.success()
        {
            return Err(format!(
                "the server exited with {status}; stderr:\n{stderr}"
            ));
        }
        let stopped = Stopped {
            stdout,
            stderr,
            elapsed,
        };
        if status.is_some() {
            let left = stopped.value("left")?;
            if left != 0 {
                return Err(format!(
                    "the server left {left} goroutine(s) or task(s) running: {}",
                    stopped.stdout
                ));
            }
        }
        Ok(stopped)
    }
}

/// What a stopped server printed, and how long it took to stop.
struct Stopped {
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Stopped {
    /// A `key=N` of its last `stopped:` line.
    fn value(&self, key: &str) -> Result<u64, String> {
        let line = self
            .stdout
            .lines()
            .rev()
            .find(|l| l.starts_with("stopped:"))
            .ok_or_else(|| {
                format!(
                    "no `stopped:` line in its output:\n{}\nstderr:\n{}",
                    self.stdout, self.stderr
                )
            })?;
        parse_pairs(line)
            .get(key)
            .copied()
            .ok_or_else(|| format!("no `{key}=` in `{line}`"))
    }
}

fn parse_pairs(line: &str) -> HashMap<String, u64> {
    line.split(' ')
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(k, v)| Some((k.to_owned(), v.parse().ok()?)))
        .collect()
}

/// A client: the lines it reads, the lines it writes, the name it was given.
struct Client {
    name: String,
    lines: AsyncBufReader<OwnedReadHalf>,
    write: OwnedWriteHalf,
}

impl Client {
    /// Connects, and reads the name the server gives in its `HELLO`.
    async fn connect(addr: &str) -> Result<Client, String> {
        let socket = TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect {addr}: {e}"))?;
        Client::greeted(socket).await
    }

    async fn greeted(socket: TcpStream) -> Result<Client, String> {
        let mut client = Client::unnamed(socket);
        let hello = client.line().await?.ok_or("closed before HELLO")?;
        client.name = hello
            .strip_prefix("HELLO ")
            .ok_or_else(|| format!("expected HELLO, got `{hello}`"))?
            .to_owned();
        Ok(client)
    }

    /// A client that has read nothing yet.
    fn unnamed(socket: TcpStream) -> Client {
        let _ = socket.set_nodelay(true); // each line goes out at once
        let (read, write) = socket.into_split();
        Client {
            name: "a client".into(),
            lines: AsyncBufReader::new(read),
            write,
        }
    }

    /// A socket that does not read, with a receive buffer as small as
    /// Linux allows: what is sent to it piles up in the server.
    async fn never_reading(addr: &str) -> Result<Client, String> {
        let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
        socket
            .set_recv_buffer_size(4096)
            .map_err(|e| e.to_string())?;
        let addr = addr.parse().map_err(|e| format!("{addr}: {e}"))?;
        let stream = socket.connect(addr).await.map_err(|e| e.to_string())?;
        Client::greeted(stream).await
    }

    async fn line(&mut self) -> Result<Option<String>, String> {
        next_line(&mut self.lines, &self.name).await
    }

    async fn expect(&mut self, want: &str) -> Outcome {
        match self.line().await? {
            Some(line) if line == want => Ok(()),
            got => Err(format!("{}: expected `{want}`, got {got:?}", self.name)),
        }
    }

    /// Expects `want`, skipping the other messages that come first.
    async fn expect_reply(&mut self, want: &str) -> Outcome {
        loop {
            match self.line().await? {
                Some(line) if line == want => return Ok(()),
                Some(line) if line.starts_with("MSG ") => continue,
                got => return Err(format!("{}: expected `{want}`, got {got:?}", self.name)),
            }
        }
    }

    async fn expect_end(&mut self) -> Outcome {
        match self.line().await? {
            None => Ok(()),
            Some(line) => Err(format!("{}: expected the end, got `{line}`", self.name)),
        }
    }

    async fn send(&mut self, line: &str) -> Outcome {
        self.send_bytes(format!("{line}\n").as_bytes()).await
    }

    async fn send_bytes(&mut self, bytes: &[u8]) -> Outcome {
        self.write
            .write_all(bytes)
            .await
            .map_err(|e| format!("{}: write: {e}", self.name))
    }

    async fn join(&mut self, room: &str) -> Outcome {
        self.send(&format!("/join {room}")).await?;
        self.expect(&format!("JOINED {room}")).await
    }

    /// `/stats`, skipping the messages that arrive before its answer.
    async fn stats(&mut self) -> Result<HashMap<String, u64>, String> {
        self.send("/stats").await?;
        loop {
            let line = self.line().await?.ok_or("closed before STATS")?;
            if line.starts_with("STATS ") {
                return Ok(parse_pairs(&line));
            }
        }
    }

    /// Asks `/stats` until `done` holds, for at most 5 s.
    async fn stats_until(
        &mut self,
        what: &str,
        done: impl Fn(&HashMap<String, u64>) -> bool,
    ) -> Result<HashMap<String, u64>, String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let stats = self.stats().await?;
            if done(&stats) {
                return Ok(stats);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{what} never held within 5 s; last STATS: {stats:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// The next line without its `\n`; `None` at the end of the stream. A
/// last line without its `\n` (a write cut at its deadline) ends in `…`.
async fn next_line(
    lines: &mut AsyncBufReader<OwnedReadHalf>,
    name: &str,
) -> Result<Option<String>, String> {
    let mut line = String::new();
    let read = tokio::time::timeout(READ, lines.read_line(&mut line)).await;
    match read {
        Err(_) => Err(format!("{name}: no line from the server in {READ:?}")),
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(None),
        Ok(Err(e)) => Err(format!("{name}: read: {e}")),
        Ok(Ok(0)) => Ok(None),
        Ok(Ok(_)) => match line.strip_suffix('\n') {
            Some(line) => Ok(Some(line.to_owned())),
            None => Ok(Some(format!("{line}…"))),
        },
    }
}

/// Runs a test's clients on a runtime of their own.
fn clients<T>(body: impl Future<Output = Result<T, String>>) -> Result<T, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(body)
}

/// How many messages of 1 KB a client that never reads must be sent to
/// fill what its connection can hold, on this machine: the most the kernel
/// lets a socket's send buffer grow to (the last of `tcp_wmem`, 4 MiB by
/// default), a MiB for the rest (the receive buffer, the queue), and half as
/// much again.
fn flood() -> usize {
    let wmem_max: usize = std::fs::read_to_string("/proc/sys/net/ipv4/tcp_wmem")
        .ok()
        .and_then(|s| s.split_whitespace().last()?.parse().ok())
        .unwrap_or(4 << 20);
    (wmem_max + (1 << 20)) * 3 / 2 / 1000
}

/// A message a test sends: who, which one, and when (for latencies).
fn text(seq: usize, start: Instant, padding: usize) -> String {
    let micros = start.elapsed().as_micros();
    format!("m {seq} {micros} {}", "x".repeat(padding))
}

/// A `MSG ROOM NAME m SEQ MICROS …` line, read.
struct Received {
    from: String,
    seq: usize,
    sent_micros: u128,
}

fn received(line: &str) -> Option<Received> {
    let mut words = line.split(' ');
    let (Some("MSG"), Some(_room), Some(from), Some("m")) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    Some(Received {
        from: from.to_owned(),
        seq: words.next()?.parse().ok()?,
        sent_micros: words.next()?.trim_end_matches('…').parse().ok()?,
    })
}

/// Checks that `got`, the sequence numbers a client received from each
/// sender, are 0, 1, 2… with nothing missing or out of order, and returns
/// how many came from each.
fn in_order(
    who: &str,
    got: &BTreeMap<String, Vec<usize>>,
) -> Result<BTreeMap<String, usize>, String> {
    let mut counts = BTreeMap::new();
    for (from, seqs) in got {
        if let Some((i, seq)) = seqs.iter().enumerate().find(|(i, seq)| *i != **seq) {
            return Err(format!(
                "{who} got message {seq} from {from} where {i} was due (lost or reordered): {seqs:?}"
            ));
        }
        counts.insert(from.clone(), seqs.len());
    }
    Ok(counts)
}

/// Each of `members` sends `count` messages, in rounds: a member sends its
/// next message once it has every member's previous one, so that no queue
/// in the server holds more than two rounds. Each reads until it has every
/// member's messages, and checks their order. Returns the slowest delivery.
async fn exchange(
    members: Vec<Client>,
    count: usize,
    padding: usize,
    start: Instant,
) -> Result<Duration, String> {
    let names: Vec<String> = members.iter().map(|c| c.name.clone()).collect();
    let mut tasks = tokio::task::JoinSet::new();
    for mut client in members {
        let names = names.clone();
        tasks.spawn(async move {
            let mut got: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            let mut slowest = Duration::ZERO;
            let mut sent = 0;
            let due = names.len() * count;
            let mut total = 0;
            while total < due {
                let round_done = names.iter().all(|n| got.get(n).map_or(0, Vec::len) >= sent);
                if sent < count && round_done {
                    client.send(&text(sent, start, padding)).await?;
                    sent += 1;
                }
                let line = client.line().await?.ok_or_else(|| {
                    format!("{}: closed after {total} of {due} messages", client.name)
                })?;
                let Some(m) = received(&line) else {
                    return Err(format!("{}: unexpected `{line}`", client.name));
                };
                let latency = start.elapsed().as_micros().saturating_sub(m.sent_micros);
                slowest = slowest.max(Duration::from_micros(latency as u64));
                got.entry(m.from).or_default().push(m.seq);
                total += 1;
            }
            let counts = in_order(&client.name, &got)?;
            if counts.len() != names.len() || counts.values().any(|&n| n != count) {
                return Err(format!(
                    "{}: got {counts:?}, {count} from each of {names:?}",
                    client.name
                ));
            }
            Ok::<_, String>((client, slowest))
        });
    }
    let mut slowest = Duration::ZERO;
    while let Some(done) = tasks.join_next().await {
        let (_client, latency) = done.map_err(|e| e.to_string())??;
        slowest = slowest.max(latency);
    }
    Ok(slowest)
}

// ---------------------------------------------------------------- the tests

/// 200 clients at once, each sending 10 messages in rooms of 20 (in steps
/// 1 and 2, which have one room, 3 messages each to all 200): every client
/// gets every message of its room, in each sender's order.
fn two_hundred_clients(spec: &Spec) -> Outcome {
    let rooms = spec.number >= 3;
    // In one room of 200, a slow reader's queue can hold two rounds: 400.
    let server = spec.start(if rooms { &[] } else { &["--queue", "1000"] })?;
    let (size, count) = if rooms { (20, 10) } else { (200, 3) };
    let addr = server.addr().to_owned();
    clients(async move {
        let start = Instant::now();
        let mut connecting = tokio::task::JoinSet::new();
        for i in 0..200 {
            let addr = addr.clone();
            connecting.spawn(async move {
                let mut client = Client::connect(&addr).await?;
                if rooms {
                    client.join(&format!("room{}", i % 10)).await?;
                }
                Ok::<_, String>((i % 10, client))
            });
        }
        let mut by_room: BTreeMap<usize, Vec<Client>> = BTreeMap::new();
        while let Some(done) = connecting.join_next().await {
            let (room, client) = done.map_err(|e| e.to_string())??;
            by_room
                .entry(if rooms { room } else { 0 })
                .or_default()
                .push(client);
        }
        let mut exchanges = tokio::task::JoinSet::new();
        for (_, members) in by_room {
            assert_eq!(members.len(), size);
            exchanges.spawn(exchange(members, count, 0, start));
        }
        while let Some(done) = exchanges.join_next().await {
            done.map_err(|e| e.to_string())??;
        }
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// 90 clients leave while an observer stays: a third hang up mid-line, a
/// third reset the connection, a third say `/quit`. The server ends up with
/// the observer alone and as many tasks as before they came, and no half
/// line became a message.
fn disconnects_leave_nothing_behind(spec: &Spec) -> Outcome {
    let server = spec.start(&[])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let mut observer = Client::connect(&addr).await?;
        let before = observer.stats().await?;
        let mut leaving = Vec::new();
        for _ in 0..90 {
            leaving.push(Client::connect(&addr).await?);
        }
        observer
            .stats_until("91 connections", |s| s["conns"] == 91)
            .await?;
        for (i, mut client) in leaving.into_iter().enumerate() {
            match i % 3 {
                0 => {
                    client.send_bytes(b"half a li").await?;
                    drop(client);
                }
                1 => {
                    let socket = client.write.reunite(client.lines.into_inner()).unwrap();
                    socket.set_zero_linger().map_err(|e| e.to_string())?;
                    drop(socket);
                }
                _ => {
                    client.send("/quit").await?;
                    client.expect("BYE see you").await?;
                    client.expect_end().await?;
                }
            }
        }
        let after = observer
            .stats_until("the observer alone, with the tasks it had before", |s| {
                s["conns"] == 1 && s["tasks"] == before["tasks"]
            })
            .await?;
        assert_eq!(after["conns"], 1);
        // Nothing but STATS came: no half line became a message.
        observer.send("still here").await?;
        let echo = observer.line().await?.unwrap_or_default();
        let want = format!("MSG lobby {} still here", observer.name);
        if echo != want {
            return Err(format!("the observer got `{echo}` where `{want}` was due"));
        }
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// One client sends what the protocol refuses: each line gets its `ERR`,
/// a line of exactly 1024 bytes is a message, a longer one ends that
/// connection with `BYE line too long`. Two others chat throughout, and see
/// none of it.
fn bad_lines_hurt_only_their_sender(spec: &Spec) -> Outcome {
    let server = spec.start(&[])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let start = Instant::now();
        let mut bad = Client::connect(&addr).await?;
        let good = vec![Client::connect(&addr).await?, Client::connect(&addr).await?];
        let name = bad.name.clone();
        let chatting = tokio::spawn(exchange(good, 50, 100, start));
        bad.send_bytes(b"caf\xe9\n").await?;
        bad.expect_reply("ERR not UTF-8").await?;
        bad.send("/nope").await?;
        bad.expect_reply("ERR unknown command /nope").await?;
        bad.send("").await?;
        bad.expect_reply("ERR empty message").await?;
        // The others, done, read no more: the messages left are its own.
        chatting.await.map_err(|e| e.to_string())??;
        let longest = "y".repeat(1024);
        bad.send(&longest).await?;
        bad.expect_reply(&format!("MSG lobby {name} {longest}"))
            .await?;
        bad.send(&"z".repeat(1025)).await?;
        bad.expect_reply("BYE line too long").await?;
        bad.expect_end().await
    })?;
    server.stop(false).map(drop)
}

/// With `--max-conns 3`, a fourth client gets `BYE server full`; once one
/// leaves, a new one gets in.
fn connections_over_the_cap_are_refused(spec: &Spec) -> Outcome {
    let server = spec.start(&["--max-conns", "3"])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let mut first = Client::connect(&addr).await?;
        let _others = [Client::connect(&addr).await?, Client::connect(&addr).await?];
        match Client::connect(&addr).await {
            Err(e) if e.contains("expected HELLO, got `BYE server full`") => {}
            Err(e) => return Err(e),
            Ok(c) => return Err(format!("a fourth client was let in, as {}", c.name)),
        }
        first.send("/quit").await?;
        first.expect("BYE see you").await?;
        first.expect_end().await?;
        drop(first); // the server's lingering close ends at once
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match Client::connect(&addr).await {
                Ok(_) => return Ok(()),
                Err(e) if e.contains("server full") && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                Err(e) => return Err(format!("no slot freed within 5 s: {e}")),
            }
        }
    })?;
    server.stop(false).map(drop)
}

/// With `--idle 500ms`, a silent client is closed with `BYE idle timeout`,
/// no sooner; one that speaks every 100 ms is not.
fn idle_clients_are_closed(spec: &Spec) -> Outcome {
    let server = spec.start(&["--idle", "500ms"])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let start = Instant::now();
        let mut silent = Client::connect(&addr).await?;
        let mut talker = Client::connect(&addr).await?;
        let talking = tokio::spawn(async move {
            for i in 0..10 {
                talker.send(&format!("tick {i}")).await?;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Ok::<_, String>(talker)
        });
        let mut lines = Vec::new();
        while let Some(line) = silent.line().await? {
            lines.push(line);
        }
        let closed = start.elapsed();
        if lines.last().map(String::as_str) != Some("BYE idle timeout") {
            return Err(format!("the silent client's last lines: {lines:?}"));
        }
        if closed < Duration::from_millis(450) {
            return Err(format!("closed after {closed:?}, before its 500 ms"));
        }
        let mut talker = talking.await.map_err(|e| e.to_string())??;
        // Still there: it gets the answer to /stats.
        talker.stats().await?;
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// A member of a room that never reads is sent more than its socket buffers
/// and its queue hold (`flood`, 7.5 MB with Linux's defaults): the room
/// drops it, and the two members that read get every message, in order, none
/// of them later than 2 s after it was sent (the bound), while it is there. A room that waited for it
/// would stop them all. When it finally reads, it finds a part of what it
/// was sent, in order, then the end.
fn a_client_that_never_reads_slows_no_one(spec: &Spec) -> Outcome {
    let server = spec.start(&[])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let start = Instant::now();
        let mut stuck = Client::never_reading(&addr).await?;
        stuck.join("busy").await?;
        let mut readers = Vec::new();
        for _ in 0..2 {
            let mut reader = Client::connect(&addr).await?;
            reader.join("busy").await?;
            readers.push(reader);
        }
        let slowest = exchange(readers, flood() / 2, 1000, start).await?;
        if slowest > Duration::from_secs(2) {
            return Err(format!(
                "a message took {slowest:?} to arrive, over the 2 s bound"
            ));
        }
        let mut observer = Client::connect(&addr).await?;
        observer
            .stats_until("one client dropped as too slow", |s| s["kicked"] == 1)
            .await?;
        let mut got: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut last = String::new();
        while let Some(line) = stuck.line().await? {
            if let Some(m) = received(&line).filter(|_| !line.ends_with('…')) {
                got.entry(m.from).or_default().push(m.seq);
            }
            last = line;
        }
        in_order(&stuck.name, &got)?;
        let total: usize = got.values().map(Vec::len).sum();
        if total >= flood() / 2 * 2 {
            return Err(format!(
                "the client that never read got all {total} messages"
            ));
        }
        if !last.starts_with("MSG ") && last != "BYE too slow" {
            return Err(format!("it ended with `{last}`"));
        }
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// Each load generator (Rust's, and Go's built with `-race`) runs 200
/// clients in rooms of 20, 20 messages each, and checks that every client
/// got every message of its room in each sender's order.
fn the_load_generators_see_every_message(spec: &Spec) -> Outcome {
    let server = spec.start(&[])?;
    let limits = Limits {
        time: Duration::from_secs(60),
        output_bytes: 1 << 20,
        memory_bytes: None,
        tasks: None,
    };
    for load in &spec.loads {
        let mut command = Command::new(load);
        command.args(["--addr", server.addr()]);
        command.args(["--clients", "200", "--room-size", "20", "--messages", "20"]);
        let ran = supervise::run(command, &limits).map_err(|e| e.to_string())?;
        if !ran.success() || !ran.stdout.contains(" delivered=80000 lost=0 reordered=0 ") {
            return Err(format!(
                "{} ended with {:?}, {:?}: {}{}",
                load.display(),
                ran.status,
                ran.stopped,
                ran.stdout,
                ran.stderr
            ));
        }
    }
    server.stop(false).map(drop)
}

/// With `--block spam`, a message with the word is refused; one where it is
/// part of a word is not.
fn blocked_words_are_refused(spec: &Spec) -> Outcome {
    let server = spec.start(&["--block", "spam"])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let mut client = Client::connect(&addr).await?;
        client.send("buy SPAM now").await?;
        client.expect("ERR message blocked").await?;
        client.send("a spammer").await?;
        let name = client.name.clone();
        client.expect(&format!("MSG lobby {name} a spammer")).await
    })?;
    server.stop(false).map(drop)
}

/// With `--workers 2`, 20 clients sending at once never have more than two
/// messages filtered at a time: the pool's bound, measured (`peak`).
fn the_filter_never_runs_more_than_its_workers(spec: &Spec) -> Outcome {
    let server = spec.start(&["--workers", "2", "--filter-cost", "5ms"])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let start = Instant::now();
        let mut members = Vec::new();
        for _ in 0..20 {
            members.push(Client::connect(&addr).await?);
        }
        exchange(members, 5, 0, start).await?;
        let mut observer = Client::connect(&addr).await?;
        let stats = observer.stats().await?;
        if stats["filtered"] != 100 || stats["peak"] != 2 {
            return Err(format!(
                "100 filtered at most 2 at a time was due: {stats:?}"
            ));
        }
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// A filter that needs 300 ms, with a deadline of 50 ms: the client is told
/// `ERR filter timed out`, and the worker gives the job up (`cancelled`)
/// instead of finishing it.
fn a_slow_filter_meets_its_deadline(spec: &Spec) -> Outcome {
    let args = [
        "--workers",
        "1",
        "--filter-cost",
        "300ms",
        "--filter-timeout",
        "50ms",
    ];
    let server = spec.start(&args)?;
    let addr = server.addr().to_owned();
    clients(async move {
        let mut client = Client::connect(&addr).await?;
        let start = Instant::now();
        client.send("slow to judge").await?;
        client.expect("ERR filter timed out").await?;
        let answered = start.elapsed();
        if answered >= Duration::from_millis(300) {
            return Err(format!(
                "answered after {answered:?}: the deadline did not cut it"
            ));
        }
        let stats = client
            .stats_until("the job given up", |s| s["cancelled"] == 1)
            .await?;
        if stats["filtered"] != 0 {
            return Err(format!("the worker finished the job anyway: {stats:?}"));
        }
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// A client that never reads, sent more than its connection holds
/// (`flood`): once its queue is full the room
/// drops it, and its connection, stuck writing, is closed at the write
/// deadline (200 ms), without the client doing anything.
fn a_stuck_write_meets_its_deadline(spec: &Spec) -> Outcome {
    let server = spec.start(&["--queue", "4", "--write-timeout", "200ms"])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let start = Instant::now();
        let _stuck = Client::never_reading(&addr).await?;
        let flooder = Client::connect(&addr).await?;
        exchange(vec![flooder], flood(), 1000, start).await?;
        let mut observer = Client::connect(&addr).await?;
        // The flooder has left: the observer alone, once the other is closed.
        observer
            .stats_until("the stuck client closed by the server", |s| {
                s["kicked"] == 1 && s["conns"] == 1
            })
            .await?;
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// A server allowed 64 file descriptors: clients connect one at a time
/// until one gets no HELLO (its accept fails with EMFILE), then one that was
/// let in asks `/stats`, and five leave. The server must still be serving,
/// and the waiting client must get in: an accept error stops nothing.
fn accept_errors_stop_nothing(spec: &Spec) -> Outcome {
    let server = spec.start_under(&["prlimit", "--nofile=64:64", "--"], &[])?;
    let addr = server.addr().to_owned();
    clients(async move {
        let mut inside = Vec::new();
        let waiting = loop {
            if inside.len() == 200 {
                return Err("200 clients got in with 64 file descriptors".into());
            }
            let socket = TcpStream::connect(&addr).await.map_err(|e| e.to_string())?;
            let mut client = Client::unnamed(socket);
            let hello = tokio::time::timeout(Duration::from_millis(500), client.line()).await;
            let Ok(line) = hello else {
                break client; // not accepted: no descriptor left
            };
            match line? {
                Some(hello) if hello.starts_with("HELLO ") => inside.push(client),
                other => return Err(format!("a client got {other:?}, not let in")),
            }
        };
        let mut waiting = waiting;
        let stats = inside[0].stats().await?;
        if stats["conns"] as usize != inside.len() {
            return Err(format!(
                "{} clients in, and the server says {stats:?}",
                inside.len()
            ));
        }
        inside.truncate(inside.len() - 5);
        match waiting.line().await? {
            Some(line) if line.starts_with("HELLO ") => Ok(()),
            other => Err(format!("the waiting client got {other:?}, not its HELLO")),
        }
    })?;
    server.stop(false).map(drop)
}

/// Two listeners, the second on a port already taken: the server stops the
/// first too, and exits with status 1 and the error, leaving nothing.
fn a_fatal_error_stops_every_part(spec: &Spec) -> Outcome {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = taken.local_addr().unwrap().to_string();
    let exe = spec.exe.clone()?;
    let mut command = Command::new(exe);
    command.args(["--listen", "127.0.0.1:0", "--listen", &port]);
    command.env("GORACE", "halt_on_error=1");
    let limits = Limits {
        time: Duration::from_secs(5),
        output_bytes: 1 << 20,
        memory_bytes: None,
        tasks: None,
    };
    let ran = supervise::run(command, &limits).map_err(|e| e.to_string())?;
    if ran.stopped.is_some() || ran.status.code() != Some(1) {
        return Err(format!(
            "expected exit status 1 at once, got {:?} (stopped: {:?}); stderr:\n{}",
            ran.status, ran.stopped, ran.stderr
        ));
    }
    let error = ran.stderr.to_lowercase();
    if !error.contains(&port) || !error.contains("address already in use") {
        return Err(format!(
            "the error does not name {port} as taken:\n{}",
            ran.stderr
        ));
    }
    let stopped = Stopped {
        stdout: ran.stdout,
        stderr: ran.stderr,
        elapsed: ran.elapsed,
    };
    match stopped.value("left")? {
        0 => Ok(()),
        left => Err(format!("{left} left running: {}", stopped.stdout)),
    }
}

/// 20 clients in two rooms send as fast as they can; SIGTERM comes while
/// their messages are in flight. Each client reads until the server closes
/// it. For every sender, every member of its room got the same messages:
/// 0, 1, 2… up to where the server stopped reading it, and the sender got
/// them back (acknowledged). Nothing acknowledged is lost; the server says
/// it left nothing undelivered, and ended each connection with its BYE.
fn shutdown_delivers_every_acknowledged_message(spec: &Spec) -> Outcome {
    // Queues long enough that no reader is dropped as too slow.
    let server = spec.start(&["--queue", "100000"])?;
    let addr = server.addr().to_owned();
    let (signal, signalled) = tokio::sync::oneshot::channel::<()>();
    let checking = thread::spawn(move || {
        clients(async move {
            let start = Instant::now();
            let mut members: Vec<(usize, Client)> = Vec::new();
            for i in 0..20 {
                let mut client = Client::connect(&addr).await?;
                client.join(&format!("r{}", i % 2)).await?;
                members.push((i % 2, client));
            }
            let mut tasks = tokio::task::JoinSet::new();
            for (room, client) in members {
                tasks.spawn(async move {
                    let (mut lines, mut write, name) = (client.lines, client.write, client.name);
                    // At most 8 messages unacknowledged.
                    let window = Arc::new(tokio::sync::Semaphore::new(8));
                    let permits = window.clone();
                    let writing = tokio::spawn(async move {
                        for seq in 0..5000 {
                            let Ok(permit) = permits.acquire().await else {
                                break;
                            };
                            permit.forget();
                            let line = format!("{}\n", text(seq, start, 20));
                            if write.write_all(line.as_bytes()).await.is_err() {
                                break; // the server closed
                            }
                        }
                    });
                    let mut got: BTreeMap<String, Vec<usize>> = BTreeMap::new();
                    let mut last = String::new();
                    while let Some(line) = next_line(&mut lines, &name).await? {
                        if let Some(m) = received(&line) {
                            if m.from == name {
                                window.add_permits(1);
                            }
                            got.entry(m.from).or_default().push(m.seq);
                        }
                        last = line;
                    }
                    window.close();
                    let _ = writing.await;
                    if last != "BYE server shutting down" {
                        return Err(format!("{name}: its last line was `{last}`"));
                    }
                    in_order(&name, &got)?;
                    Ok::<_, String>((room, name, got))
                });
            }
            // Let the messages flow, then stop the server.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let _ = signal.send(());
            let mut seen: Vec<(usize, String, BTreeMap<String, Vec<usize>>)> = Vec::new();
            while let Some(done) = tasks.join_next().await {
                seen.push(done.map_err(|e| e.to_string())??);
            }
            for (room, name, got) in &seen {
                let acked = got.get(name).map_or(0, Vec::len);
                if acked == 0 {
                    return Err(format!("{name} had nothing acknowledged in 300 ms"));
                }
                for (other_room, other, theirs) in &seen {
                    let copies = theirs.get(name).map_or(0, Vec::len);
                    if other_room == room && copies != acked {
                        return Err(format!(
                            "{name} had {acked} messages acknowledged, and {other} got {copies}"
                        ));
                    }
                }
            }
            Ok(())
        })
    });
    let _ = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(signalled);
    let stopped = server.stop(true)?;
    let checked = checking.join().map_err(|_| "the clients panicked")?;
    checked.map_err(|e| format!("{e}\nthe server said:\n{}", stopped.stdout))?;
    match stopped.value("undelivered")? {
        0 => Ok(()),
        n => Err(format!("{n} copies undelivered: {}", stopped.stdout)),
    }
}

/// A client that never reads, with a long queue, sent more than its socket
/// holds (`flood`): at SIGTERM its
/// copies cannot all be written, so the drain (500 ms) runs out. The server ends
/// soon after it anyway, says how many copies it could not deliver, and
/// leaves nothing running.
fn shutdown_is_bounded_by_the_drain(spec: &Spec) -> Outcome {
    let server = spec.start(&["--queue", "100000", "--drain", "500ms"])?;
    let addr = server.addr().to_owned();
    let stuck = clients(async move {
        let start = Instant::now();
        let stuck = Client::never_reading(&addr).await?;
        let flooder = Client::connect(&addr).await?;
        exchange(vec![flooder], flood(), 1000, start).await?;
        // Kept open, never read, until the server has stopped.
        let socket = stuck.write.reunite(stuck.lines.into_inner()).unwrap();
        socket.into_std().map_err(|e| e.to_string())
    })?;
    let stopped = server.stop(true)?;
    drop(stuck);
    let undelivered = stopped.value("undelivered")?;
    if undelivered == 0 {
        return Err(format!("nothing undelivered: {}", stopped.stdout));
    }
    let bound = Duration::from_millis(500) + Duration::from_millis(1500);
    if stopped.elapsed > bound {
        return Err(format!(
            "it took {:?} to stop, over {bound:?}",
            stopped.elapsed
        ));
    }
    Ok(())
}

// ------------------------------------------------------------- the builds

/// The Rust steps, in `target/debug/` (a no-op when they are up to date).
fn build_rust(root: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .args(["build", "--quiet", "--package", "chat", "--bins"])
        .current_dir(root);
    let limits = Limits {
        time: Duration::from_secs(1800),
        output_bytes: 1 << 20,
        memory_bytes: None,
        tasks: None,
    };
    match supervise::run_inherited(build, &limits) {
        Ok(built) if built.success() => Ok(()),
        Ok(_) => Err("`cargo build --package chat --bins` failed".into()),
        Err(e) => Err(format!("cannot run cargo: {e}")),
    }
}

/// The Go steps, built with the race detector into `dir`; without `go`, why
/// they cannot run (an error in CI).
fn build_go(root: &Path, dir: &Path) -> Result<PathBuf, String> {
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let _ = std::fs::create_dir_all(dir);
    let mut build = Command::new("go");
    build
        .args(["build", "-race", "-o"])
        .arg(format!("{}/", dir.display()))
        .arg("./chat/...")
        .current_dir(root.join(inventory::GO_MODULE));
    let limits = Limits {
        time: Duration::from_secs(600),
        output_bytes: 1 << 20,
        memory_bytes: None,
        tasks: None,
    };
    match supervise::run_inherited(build, &limits) {
        Ok(built) if built.success() => Ok(dir.to_path_buf()),
        Ok(_) => {
            eprintln!("error: `go build -race ./chat/...` in examples/go failed");
            std::process::exit(1);
        }
        Err(_) if in_ci => {
            eprintln!("error: `go` is not installed; CI needs Go 1.26");
            std::process::exit(1);
        }
        Err(_) => {
            eprintln!("SKIPPED the Go chat server: `go` is not installed (Go 1.26 runs it)");
            Err("no go".into())
        }
    }
}

/// The checkout this harness runs in, read at run time, so that a copy of
/// the checkout (with its `target/`) checks and records only itself.
fn root() -> PathBuf {
    inventory::harness_root()
}
