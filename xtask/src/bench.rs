//! `cargo xtask bench`: runs the benchmark listings in release mode with their
//! full workload and records what they print, with the machine they ran on,
//! beside them (`examples/NAME.bench.txt`, shown on their pages).
//!
//! Speeds are never asserted by the tests; this command is how the book's
//! numbers are made, and how a reader reproduces them.

use anyhow::{Context, Result};
use xshell::{Shell, cmd};

/// The listings that take `--full` and measure speed.
const BENCHMARKS: &[&str] = &[
    "ch04-09-worker-pool-throughput",
    "ch05-03-contention-and-rwlock",
    "ch05-09-atomic-vs-mutex",
];

pub fn run(sh: &Shell) -> Result<()> {
    let machine = machine(sh)?;
    for name in BENCHMARKS {
        eprintln!("xtask bench: {name} (release build, full workload)");
        let output = cmd!(sh, "cargo run --quiet --release --example {name} -- --full")
            .read()
            .with_context(|| format!("running {name}"))?;
        let recorded = format!(
            "$ cargo xtask bench   # runs: cargo run --release --example {name} -- --full\n\
             {machine}\n{output}\n"
        );
        sh.write_file(format!("examples/{name}.bench.txt"), recorded)?;
    }
    eprintln!("xtask bench: recorded; review with `git diff examples/*.bench.txt`");
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
