//! The Go listings' own checks, run in the Go module `examples/go`: `gofmt`,
//! `go vet`, and `go test -race` (whose `racecheck` package runs every listing
//! under the race detector, and which runs each benchmark of `bench/` once).
//! Their outputs are compared by the listings harness (`tests/listings.rs`),
//! like the Rust listings'. Without `go`, these
//! steps are skipped with a notice, except in CI (`CI=true`), where that is a
//! failure.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

pub const MODULE: &str = "examples/go";

/// Whether `go` can run; in CI its absence is an error. Asked once per run,
/// so the notice is printed once.
pub fn available() -> Result<bool> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let found = *FOUND.get_or_init(|| {
        let found = Command::new("go").arg("version").output().is_ok();
        if !found && !in_ci {
            eprintln!("SKIPPED the Go listings' checks: `go` is not installed (Go 1.26 runs them)");
        }
        found
    });
    if !found && in_ci {
        bail!("`go` is missing; CI needs Go 1.26 to check the Go listings");
    }
    Ok(found)
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
pub fn vet_and_race(sh: &Shell) -> Result<Option<usize>> {
    if !available()? {
        return Ok(None);
    }
    let module = sh.current_dir().join(MODULE);
    go(&module, &["vet", "./..."], Duration::from_secs(300)).context("`go vet` found problems")?;
    // `-bench . -benchtime 1x`: each Go-vs-Rust benchmark runs once, as a test.
    // `-parallel 6`: most listings under -race wait on timers or children.
    let race = [
        "test",
        "-race",
        "-parallel",
        "6",
        "-bench",
        ".",
        "-benchtime",
        "1x",
        "./...",
    ];
    go(&module, &race, Duration::from_secs(1200)).context("`go test -race` failed")?;
    let found = listings(&module)?;
    if found.is_empty() {
        bail!("no Go listing (NAME/main.go) in {MODULE}");
    }
    Ok(Some(found.len()))
}

/// Runs `go ARGS` in the module, its output streaming, killed at `time`.
fn go(module: &Path, args: &[&str], time: Duration) -> Result<()> {
    eprintln!("$ go {}", args.join(" "));
    let mut command = Command::new("go");
    command.args(args).current_dir(module);
    let limits = supervise::Limits {
        time,
        output_bytes: 0,
        memory_bytes: None,
        tasks: None,
    };
    let outcome = supervise::run_inherited(command, &limits)?;
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
    Ok(())
}

/// The Go listings: the directories of the module that hold a `main.go`.
/// A missing or unreadable module is an error.
pub fn listings(module: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let entries = std::fs::read_dir(module)
        .with_context(|| format!("cannot read the Go module {}", module.display()))?;
    for entry in entries {
        let entry = entry?;
        if entry.path().join("main.go").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}
