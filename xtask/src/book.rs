//! Building and serving the book with the pinned mdBook.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Result, bail};
use xshell::Shell;

use crate::runner::{self, GoModule, LIMITS, Rustc};
use crate::tools::{self, MDBOOK, MDBOOK_MERMAID};

/// Installs what is missing (once per run), then returns the `mdbook` to run.
pub fn prepare(sh: &Shell) -> Result<PathBuf> {
    static READY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    if let Some(mdbook) = READY.get() {
        return Ok(mdbook.clone());
    }
    let mdbook = tools::ensure(sh, &MDBOOK)?;
    let mermaid = tools::ensure(sh, &MDBOOK_MERMAID)?;
    tools::ensure_listings_preprocessor(sh)?;
    tools::ensure_mermaid_assets(sh, &mermaid)?;
    Ok(READY.get_or_init(|| mdbook).clone())
}

fn mdbook_command(sh: &Shell, mdbook: &PathBuf) -> Result<Command> {
    let mut command = Command::new(mdbook);
    command
        .current_dir(sh.current_dir())
        .env("PATH", tools::path_with_tools(sh)?);
    Ok(command)
}

/// Builds the book into `book/`. mdBook reports a missing `{{#include}}` file
/// or a bad `[output.html]` key as an `ERROR` line yet exits 0, so any such
/// line fails the build here.
pub fn build(sh: &Shell) -> Result<PathBuf> {
    let mdbook = prepare(sh)?;
    let output = mdbook_command(sh, &mdbook)?.arg("build").output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("ERROR")).collect();
    if !output.status.success() || !errors.is_empty() {
        eprint!("{stderr}");
        bail!("mdbook build failed ({} error lines)", errors.len());
    }
    Ok(sh.current_dir().join("book"))
}

/// Serves the book on 127.0.0.1:`port`, and the local runner that its Run
/// buttons use on the next port.
pub fn serve(sh: &Shell, port: u16, open: bool) -> Result<()> {
    let mdbook = prepare(sh)?;
    start_runner(sh, port)?;
    let mut command = mdbook_command(sh, &mdbook)?;
    command.args([
        "serve",
        "--hostname",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]);
    if open {
        command.arg("--open");
    }
    eprintln!(
        "xtask: serving the book at http://127.0.0.1:{port}/ and its runner at \
         http://127.0.0.1:{}/ (Ctrl-C stops)",
        port + 1
    );
    let status = command.status()?;
    if !status.success() {
        bail!("mdbook serve exited with {status}");
    }
    Ok(())
}

/// Starts the local runner for the book on `book_port`, on the port after it.
pub fn start_runner(sh: &Shell, book_port: u16) -> Result<u16> {
    eprintln!("xtask: building the listings' dependencies for the local runner");
    let root = sh.current_dir();
    let rustc = Rustc::from_project(&root)?;
    // Go listings run too where Go is installed; the runner says so where not.
    let has_go = Command::new("go").arg("version").output().is_ok();
    let go = has_go.then(|| GoModule {
        dir: root.join(inventory::GO_MODULE),
        go: PathBuf::from("go"),
    });
    runner::start(
        Box::new(rustc),
        go,
        LIMITS,
        book_port,
        book_port + 1,
        root.join("target/runner"),
    )
}
