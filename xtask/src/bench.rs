//! `cargo xtask bench`: runs the benchmark listings in release mode with their
//! full workload and records what they print, with the machine they ran on,
//! beside them (`examples/NAME.bench.txt`, shown on their pages).
//!
//! It also runs the Go-vs-Rust benchmarks, the same workloads measured by
//! Go's `testing.B` (`examples/go/bench/`) and by criterion
//! (`benches/go_vs_rust.rs`), and writes the table of the benchmarks appendix,
//! `benches/results.md`.
//!
//! And it loads the chat server's last step, in Go and in Rust, with the
//! load generator at 10, 100 and 1,000 clients, and writes
//! `benches/chat.md` (`cargo xtask bench chat`).
//!
//! Speeds are never asserted by the tests; this command is how the book's
//! numbers are made, and how a reader reproduces them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use inventory::{Inventory, Kind, Listing};
use xshell::{Shell, cmd};

/// The Go-vs-Rust workloads: the Go benchmark's name (also the criterion
/// group's), and what one operation does.
const WORKLOADS: &[(&str, &str)] = &[
    ("Spawn", "start 100 and wait for all"),
    ("PingPong", "1000 round trips over two unbuffered channels"),
    (
        "Buffered1Producer",
        "100,000 values through a channel of 128, 1 producer",
    ),
    (
        "Buffered4Producers",
        "100,000 values through a channel of 128, 4 producers",
    ),
    (
        "MutexContention",
        "1,000,000 increments of one mutex-guarded counter, 4 workers",
    ),
    (
        "WorkerPool",
        "1000 small CPU jobs, 4 workers, each job handed over a channel",
    ),
    (
        "WorkerPoolChunked",
        "the same jobs, no hand-off: a range of them per worker",
    ),
];

/// The appendix's benchmarks, as `cargo xtask bench go-vs-rust` names them.
const GO_VS_RUST: &str = "go-vs-rust";
/// The chat server under load, as `cargo xtask bench chat` names it.
const CHAT: &str = "chat";
/// Clients, and messages each sends: about the same work per run.
const CHAT_LOADS: &[(usize, usize)] = &[(10, 2000), (100, 500), (1000, 100)];

pub fn run(sh: &Shell, only: Option<&str>) -> Result<()> {
    let chosen = |name: &str| only.is_none_or(|only| name.contains(only));
    // The benchmark listings say so themselves, with `// bench: ARGS`.
    let inventory = Inventory::scan(&sh.current_dir())?;
    let benchmarks: Vec<&Listing> = inventory
        .of(Kind::Rust)
        .filter(|l| l.bench.is_some())
        .collect();
    let appendix = [GO_VS_RUST, CHAT];
    if !appendix.iter().any(|a| chosen(a)) && !benchmarks.iter().any(|l| chosen(&l.name)) {
        let names: Vec<&str> = benchmarks.iter().map(|l| l.name.as_str()).collect();
        bail!(
            "no benchmark's name contains `{}`: try {GO_VS_RUST}, {CHAT} or one of {names:?}",
            only.unwrap_or_default()
        );
    }
    let machine = machine(sh)?;
    if chosen(GO_VS_RUST) {
        go_vs_rust(sh, &machine)?;
    }
    if chosen(CHAT) {
        chat(sh, &machine)?;
    }
    let listings: Vec<&Listing> = benchmarks.into_iter().filter(|l| chosen(&l.name)).collect();
    for &listing in &listings {
        let (name, args) = (&listing.name, listing.bench.as_deref().unwrap_or_default());
        eprintln!("xtask bench: {name} (release build, {})", args.join(" "));
        let output = cmd!(
            sh,
            "cargo run --quiet --release --example {name} -- {args...}"
        )
        .read()
        .with_context(|| format!("running {name}"))?;
        let recorded = format!(
            "$ cargo xtask bench   # runs: cargo run --release --example {name} -- {}\n\
             {machine}\n{output}\n",
            args.join(" ")
        );
        sh.write_file(format!("examples/{name}.bench.txt"), recorded)?;
    }
    if !listings.is_empty() {
        eprintln!("xtask bench: recorded; review with `git diff examples/*.bench.txt`");
    }
    Ok(())
}

/// One line saying where the numbers come from.
fn machine(sh: &Shell) -> Result<String> {
    let cpuinfo = sh.read_file("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rustc = cmd!(sh, "rustc --version").read()?;
    Ok(format!(
        "machine: {model}, {cores} cores available; {rustc}"
    ))
}

/// Runs both halves of the Go-vs-Rust benchmarks and writes `benches/results.md`.
fn go_vs_rust(sh: &Shell, machine: &str) -> Result<()> {
    let go_version = cmd!(sh, "go version")
        .quiet()
        .read()
        .context("`go` is missing: the Go-vs-Rust benchmarks need Go 1.26")?;
    eprintln!("xtask bench: Go benchmarks (go test -bench, examples/go/bench)");
    let go_output = {
        let _dir = sh.push_dir("examples/go");
        cmd!(sh, "go test -run ^$ -bench . -count 1 ./bench").read()?
    };
    eprintln!("xtask bench: Rust benchmarks (cargo bench --bench go_vs_rust)");
    let rust_output = cmd!(
        sh,
        "cargo bench --quiet --bench go_vs_rust -- --output-format bencher"
    )
    .read()?;
    let go = parse_go(&go_output);
    let rust = parse_criterion(&rust_output);
    let mut table = results_table(machine, &go_version, &go, &rust)?;
    table.push('\n');
    table.push_str(&memory_table(
        &parse_memory(&go_output),
        &parse_memory(&rust_output),
    )?);
    sh.write_file("benches/results.md", table)?;
    eprintln!("xtask bench: wrote benches/results.md (shown in the benchmarks appendix)");
    Ok(())
}

/// The chat server's last step under the Rust load generator, both release
/// builds (Go's without the race detector): one run per server and number
/// of clients, in rooms of 10, each client at most 4 messages ahead of its
/// room's slowest sender. Writes `benches/chat.md`.
fn chat(sh: &Shell, machine: &str) -> Result<()> {
    let go_version = cmd!(sh, "go version")
        .quiet()
        .read()
        .context("`go` is missing: the chat server's benchmark needs Go 1.26")?;
    eprintln!("xtask bench: building the chat server (release) and its Go twin");
    cmd!(
        sh,
        "cargo build --quiet --release -p chat --bin step-07 --bin load"
    )
    .run()?;
    let go_bin = sh.current_dir().join("target/release/chat-go");
    {
        let _dir = sh.push_dir("examples/go");
        let out = format!("{}/", go_bin.display());
        cmd!(sh, "go build -o {out} ./chat/step-07").run()?;
    }
    let load = sh.current_dir().join("target/release/load");
    let servers = [
        ("Go", go_bin.join("step-07")),
        ("Rust", sh.current_dir().join("target/release/step-07")),
    ];
    let mut rows = Vec::new();
    for &(clients, messages) in CHAT_LOADS {
        let mut row = Vec::new();
        for (language, server) in &servers {
            eprintln!("xtask bench: {language} server, {clients} clients");
            row.push(chat_run(server, &load, clients, messages)?);
        }
        rows.push((clients, messages, row));
    }
    let mut table = String::from(
        "| Clients (rooms of 10) | Go: messages delivered per second | Rust | Rust ÷ Go | Go: p99 delivery | Rust | Rust ÷ Go |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for (clients, messages, row) in &rows {
        let [go, rust] = &row[..] else { unreachable!() };
        writeln!(
            table,
            "| {clients}, {messages} messages each | {:.0} | {:.0} | {:.2} | {:.2} ms | {:.2} ms | {:.2} |",
            go.rate,
            rust.rate,
            rust.rate / go.rate,
            go.p99_ms,
            rust.p99_ms,
            rust.p99_ms / go.p99_ms
        )?;
    }
    writeln!(
        table,
        "\n<span class=\"caption\">Recorded by `cargo xtask bench chat`: `chat/step-07` in both \
         languages, release builds, loaded on 127.0.0.1 by the Rust load generator (release), \
         one run each. {machine}; {go_version}. A message delivered is one line written to one \
         client; p99 is the time from a message's send to its arrival at a member, for 99% of \
         deliveries. Above 1, Rust delivered more, or took longer.</span>"
    )?;
    sh.write_file("benches/chat.md", table)?;
    eprintln!("xtask bench: wrote benches/chat.md (shown in the benchmarks appendix)");
    Ok(())
}

/// What one load run measured.
struct Measured {
    rate: f64,
    p99_ms: f64,
}

fn chat_run(
    server: &std::path::Path,
    load: &std::path::Path,
    clients: usize,
    messages: usize,
) -> Result<Measured> {
    use std::io::BufRead as _;
    let mut command = std::process::Command::new(server);
    command.args(["--listen", "127.0.0.1:0", "--max-conns", "5000"]);
    let mut process = supervise::Background::spawn(command)?;
    let stdout = process.stdout().context("the server's stdout")?;
    let mut first = String::new();
    std::io::BufReader::new(stdout).read_line(&mut first)?;
    let addr = first
        .trim()
        .strip_prefix("listening on ")
        .with_context(|| format!("the server said `{first}`"))?
        .to_owned();
    let output = std::process::Command::new(load)
        .args(["--addr", &addr, "--room-size", "10"])
        .args(["--clients", &clients.to_string()])
        .args(["--messages", &messages.to_string()])
        .output()?;
    let _ = process.interrupt();
    let _ = process.wait_timeout(std::time::Duration::from_secs(10));
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!(
            "the load generator failed: {report}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let value = |key: &str| -> Result<f64> {
        let word = report
            .split_whitespace()
            .find_map(|w| w.strip_prefix(key))
            .with_context(|| format!("no `{key}` in `{report}`"))?;
        Ok(word.trim_end_matches("ms").parse()?)
    };
    Ok(Measured {
        rate: value("delivered/s=")?,
        p99_ms: value("p99=")?,
    })
}

/// `BenchmarkSpawn-2   17601   58307 ns/op` -> ("Spawn", 58307.0).
fn parse_go(output: &str) -> BTreeMap<String, f64> {
    output
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?.strip_prefix("Benchmark")?;
            let name = name.rsplit_once('-').map_or(name, |(n, _)| n);
            let _iterations = fields.next()?;
            let ns = fields.next()?.parse().ok()?;
            (fields.next()? == "ns/op").then(|| (name.to_owned(), ns))
        })
        .collect()
}

/// `test Spawn/tokio task ... bench:  58,766 ns/iter (+/- 157)` ->
/// (("Spawn", "tokio task"), 58766.0).
fn parse_criterion(output: &str) -> BTreeMap<(String, String), f64> {
    output
        .lines()
        .filter_map(|line| {
            let (id, rest) = line.strip_prefix("test ")?.split_once(" ... bench:")?;
            let (group, function) = id.split_once('/')?;
            let ns = rest
                .split_whitespace()
                .next()?
                .replace(',', "")
                .parse()
                .ok()?;
            Some(((group.to_owned(), function.to_owned()), ns))
        })
        .collect()
}

/// `memory Spawn/tokio task: 591 bytes` -> ("Spawn/tokio task", 591.0); Go's
/// line has no variant (`memory Spawn: 2796 bytes`).
fn parse_memory(output: &str) -> BTreeMap<String, f64> {
    output
        .lines()
        .filter_map(|line| {
            let (id, bytes) = line.strip_prefix("memory ")?.split_once(": ")?;
            let bytes = bytes.strip_suffix(" bytes")?.parse().ok()?;
            Some((id.to_owned(), bytes))
        })
        .collect()
}

/// The second table: resident memory per parked goroutine, thread and task.
fn memory_table(go: &BTreeMap<String, f64>, rust: &BTreeMap<String, f64>) -> Result<String> {
    let go_bytes = *go
        .get("Spawn")
        .context("no `memory Spawn:` line from Go's TestMain")?;
    let mut table = String::from(
        "| Memory (resident) | Go | Rust | Rust memory ÷ Go memory |\n|---|---|---|---|\n",
    );
    let variants: Vec<_> = rust
        .iter()
        .filter_map(|(id, bytes)| Some((id.strip_prefix("Spawn/")?, bytes)))
        .collect();
    if variants.is_empty() {
        bail!("no `memory Spawn/...:` line from benches/go_vs_rust.rs");
    }
    for (n, (variant, rust_bytes)) in variants.into_iter().enumerate() {
        let workload = if n == 0 {
            "one goroutine, thread or task, parked while it waits (5,000 goroutines or \
             tasks, 1,000 threads, alive at once)"
        } else {
            ""
        };
        writeln!(
            table,
            "| {workload} | goroutine: {} | {variant}: {} | {:.2} |",
            bytes(go_bytes),
            bytes(*rust_bytes),
            rust_bytes / go_bytes
        )?;
    }
    Ok(format!(
        "{table}\n<span class=\"caption\">Recorded by the same run, before any benchmark: \
         the growth of the process's resident memory (`VmRSS`), divided by the number \
         alive. Below 1, Rust held less.</span>\n"
    ))
}

fn bytes(n: f64) -> String {
    if n >= 1024.0 {
        format!("{:.1} KiB", n / 1024.0)
    } else {
        format!("{n:.0} B")
    }
}

fn human(ns: f64) -> String {
    match ns {
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.1} µs", ns / 1e3),
        ns => format!("{ns:.0} ns"),
    }
}

fn results_table(
    machine: &str,
    go_version: &str,
    go: &BTreeMap<String, f64>,
    rust: &BTreeMap<(String, String), f64>,
) -> Result<String> {
    let mut table = String::from(
        "| Workload (one operation) | Go | Rust | Rust time ÷ Go time |\n|---|---|---|---|\n",
    );
    for (id, what) in WORKLOADS {
        let go_ns = *go
            .get(*id)
            .with_context(|| format!("no Go result for Benchmark{id}"))?;
        let variants: Vec<_> = rust.iter().filter(|((group, _), _)| group == id).collect();
        if variants.is_empty() {
            bail!("no Rust result for the criterion group {id}");
        }
        for (n, ((_, function), rust_ns)) in variants.into_iter().enumerate() {
            let workload = if n == 0 {
                format!("`{id}`: {what}")
            } else {
                String::new()
            };
            writeln!(
                table,
                "| {workload} | {} | {function}: {} | {:.2} |",
                human(go_ns),
                human(*rust_ns),
                rust_ns / go_ns
            )?;
        }
    }
    Ok(format!(
        "{table}\n<span class=\"caption\">Recorded by `cargo xtask bench` (release build; Go's `testing.B`, \
         criterion's median). {machine}; {go_version}. Below 1, Rust took less time.</span>\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_outputs_parse_into_one_table() {
        let go = parse_go(
            "goos: linux\nBenchmarkSpawn-2   17601   58307 ns/op\nBenchmarkPingPong-2  1532  774693 ns/op\nPASS\n",
        );
        assert_eq!(go["Spawn"], 58307.0);
        let rust = parse_criterion(
            "test Spawn/tokio task ... bench:      58,766 ns/iter (+/- 157,181)\n\n\
             test PingPong/crossbeam bounded(0), threads ... bench:  33,522,664 ns/iter (+/- 10)\n",
        );
        assert_eq!(rust[&("Spawn".into(), "tokio task".into())], 58766.0);
        let table = results_table("machine: x", "go1.26", &go, &rust);
        // Every workload must have both halves: here four are missing.
        assert!(table.unwrap_err().to_string().contains("Buffered1Producer"));
    }

    #[test]
    fn memory_lines_make_the_memory_table() {
        let go = parse_memory("memory Spawn: 2796 bytes\nBenchmarkSpawn-2  1  3 ns/op\n");
        let rust = parse_memory(
            "memory Spawn/std::thread: 10293 bytes\nmemory Spawn/tokio task: 591 bytes\n",
        );
        let table = memory_table(&go, &rust).unwrap();
        assert!(table.contains("| goroutine: 2.7 KiB | std::thread: 10.1 KiB | 3.68 |"));
        assert!(table.contains("| goroutine: 2.7 KiB | tokio task: 591 B | 0.21 |"));
        let missing = memory_table(&BTreeMap::new(), &rust).unwrap_err();
        assert!(missing.to_string().contains("TestMain"));
    }
}
