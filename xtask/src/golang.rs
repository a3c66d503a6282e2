//! The Go listings' own checks, run in the Go module `examples/go`: `gofmt`,
//! `go vet`, and `go test -race` (whose `racecheck` package runs every listing
//! under the race detector, and which runs each benchmark of `bench/` once).
//! Their outputs are compared by the listings harness (`tests/listings.rs`),
//! like the Rust listings'. Without `go`, these
//! steps are skipped with a notice, except in CI (`CI=true`), where that is a
//! failure.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use inventory::{Inventory, Kind};

use crate::optional;
use xshell::{Shell, cmd};

pub const MODULE: &str = inventory::GO_MODULE;

/// Whether `go` can run; in CI its absence is an error. Asked once per run,
/// so the notice is printed once.
pub fn available() -> Result<bool> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let probe = || Command::new("go").arg("version").output().is_ok();
    optional::tool(&FOUND, probe, "the Go listings' checks", "`go` (Go 1.26)")
}

/// `gofmt -l` lists the files it would change; any is a failure.
pub fn format(sh: &Shell) -> Result<()> {
    if !available()? {
        return Ok(());
    }
    let unformatted = cmd!(sh, "gofmt -l {MODULE}").read()?;
    if !unformatted.trim().is_empty() {
        bail!("not gofmt-formatted (run `gofmt -w {MODULE}`):\n{unformatted}");
    }
    Ok(())
}

/// `go vet` and `go test -race` over the module; returns how many listings
/// ran under the race detector, or `None` when Go is missing. Each runs
/// under `supervise`, so a hang is killed with every process it started.
///
/// `racecheck` finds the listings with a glob, as a plain `go test` must;
/// its subtests are compared with the book's inventory, so a listing it
/// missed, or one it ran that the book does not know, fails the step.
pub fn vet_and_race(sh: &Shell) -> Result<Option<usize>> {
    if !available()? {
        return Ok(None);
    }
    let inventory = Inventory::scan(&sh.current_dir())?;
    let module = sh.current_dir().join(MODULE);
    go(&module, &["vet", "./..."], Duration::from_secs(300)).context("`go vet` found problems")?;
    // `-bench . -benchtime 1x`: each Go-vs-Rust benchmark runs once, as a test.
    // `-parallel 6`: most listings under -race wait on timers or children.
    // `-v`: the subtests' names, to compare with the inventory.
    let race = [
        "test",
        "-race",
        "-v",
        "-parallel",
        "6",
        "-bench",
        ".",
        "-benchtime",
        "1x",
        "./...",
    ];
    let output = go(&module, &race, Duration::from_secs(1200)).context("`go test -race` failed")?;
    let ran = race_checked(&output);
    let known: BTreeSet<&str> = inventory.of(Kind::Go).map(|l| l.name.as_str()).collect();
    if ran != known {
        bail!(
            "racecheck ran {} listings, the inventory has {}: only run {:?}, never run {:?}",
            ran.len(),
            known.len(),
            ran.difference(&known).collect::<Vec<_>>(),
            known.difference(&ran).collect::<Vec<_>>()
        );
    }
    Ok(Some(ran.len()))
}

/// One listing under the race detector (`cargo xtask test NAME`): false
/// when Go is missing. With `bless`, a listing that declares
/// `// race: expected` records the detector's report (`main.race.txt`).
pub fn race_one(sh: &Shell, name: &str, bless: bool) -> Result<bool> {
    if !available()? {
        return Ok(false);
    }
    let module = sh.current_dir().join(MODULE);
    let pattern = format!("^TestListingsHaveNoDataRace$/^{name}$");
    let args = ["test", "-race", "-count=1", "-run", &pattern, "./racecheck"];
    let mut env = vec![("RACECHECK_ONLY", name)];
    if bless {
        env.push(("RACECHECK_BLESS", "1"));
    }
    go_with(&module, &args, &env, Duration::from_secs(300))
        .with_context(|| format!("go/{name} failed under the race detector"))?;
    Ok(true)
}

/// A Go listing's own tests (`_test.go` files beside its `main.go`), under
/// the race detector (`cargo xtask test NAME`): how many passed; 0 when it
/// has none, or when Go is missing.
pub fn test_one(sh: &Shell, name: &str) -> Result<usize> {
    let module = sh.current_dir().join(MODULE);
    let has_tests = std::fs::read_dir(module.join(name))?
        .flatten()
        .any(|f| f.file_name().to_string_lossy().ends_with("_test.go"));
    if !has_tests || !available()? {
        return Ok(0);
    }
    let package = format!("./{name}");
    let args = ["test", "-race", "-count=1", "-v", &package];
    let output = go(&module, &args, Duration::from_secs(300))
        .with_context(|| format!("go/{name}'s tests failed"))?;
    Ok(output
        .lines()
        .filter(|l| l.trim_start().starts_with("--- PASS"))
        .count())
}

/// The listings `go test -v` reports as passed under the race detector.
fn race_checked(output: &str) -> BTreeSet<&str> {
    output
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("--- PASS: TestListingsHaveNoDataRace/")
        })
        .filter_map(|rest| rest.split_whitespace().next())
        .collect()
}

/// Runs `go ARGS` in the module, killed at `time`, and returns its output,
/// which it also prints.
fn go(module: &Path, args: &[&str], time: Duration) -> Result<String> {
    go_with(module, args, &[], time)
}

fn go_with(module: &Path, args: &[&str], env: &[(&str, &str)], time: Duration) -> Result<String> {
    eprintln!("$ go {}", args.join(" "));
    let mut command = Command::new("go");
    command.args(args).current_dir(module);
    command.envs(env.iter().copied());
    let limits = supervise::Limits {
        time,
        output_bytes: 16 << 20,
        memory_bytes: None,
        tasks: None,
    };
    let outcome = supervise::run(command, &limits)?;
    // Only what matters: the per-test lines of a passing run are noise.
    let failed = outcome.stopped.is_some() || !outcome.status.success();
    for line in outcome.stdout.lines() {
        if failed || !(line.starts_with("=== ") || line.trim_start().starts_with("--- PASS")) {
            println!("{line}");
        }
    }
    eprint!("{}", outcome.stderr);
    if let Some(stop) = outcome.stopped {
        bail!(
            "`go {}` {}, and was killed",
            args.join(" "),
            stop.describe(&limits)
        );
    }
    if !outcome.status.success() {
        bail!("`go {}` exited with {}", args.join(" "), outcome.status);
    }
    Ok(outcome.stdout)
}

#[cfg(test)]
mod tests {
    #[test]
    fn race_checked_reads_the_passed_subtests() {
        let output = "=== RUN   TestListingsHaveNoDataRace\n\
            --- PASS: TestListingsHaveNoDataRace (3.01s)\n    \
            --- PASS: TestListingsHaveNoDataRace/ch01-01-goroutine-cost (0.52s)\n    \
            --- FAIL: TestListingsHaveNoDataRace/ch01-02-go-statement (0.10s)\n";
        let ran: Vec<&str> = super::race_checked(output).into_iter().collect();
        assert_eq!(ran, ["ch01-01-goroutine-cost"]);
    }
}
