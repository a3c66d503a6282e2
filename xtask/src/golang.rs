//! The Go listings' own checks, run in the Go module `examples/go`: `gofmt`,
//! `go vet`, and `go test -race` (whose `racecheck` package runs every listing
//! under the race detector, and which runs each benchmark of `bench/` once). Their outputs are compared by the listings
//! harness (`tests/listings.rs`), like the Rust listings'. Without `go`, these
//! steps are skipped with a notice, except in CI (`CI=true`), where that is a
//! failure.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

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
/// ran under the race detector, or `None` when Go is missing.
pub fn vet_and_race(sh: &Shell) -> Result<Option<usize>> {
    if !available()? {
        return Ok(None);
    }
    let _dir = sh.push_dir(MODULE);
    cmd!(sh, "go vet ./...")
        .run()
        .context("`go vet` found problems")?;
    // `-bench . -benchtime 1x`: each Go-vs-Rust benchmark runs once, as a test.
    // `-parallel 6`: most listings under -race wait on timers or children.
    cmd!(sh, "go test -race -parallel 6 -bench . -benchtime 1x ./...")
        .run()
        .context("`go test -race` failed")?;
    Ok(Some(listings(&sh.current_dir())?.len()))
}

/// The Go listings: the directories of the module that hold a `main.go`.
pub fn listings(module: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let entries = match std::fs::read_dir(module) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(names),
        Err(e) => return Err(e).context(module.display().to_string()),
    };
    for entry in entries {
        let entry = entry?;
        if entry.path().join("main.go").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}
