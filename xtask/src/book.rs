//! Building and serving the book with the pinned mdBook.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Result, bail};
use xshell::Shell;

use crate::tools::{self, MDBOOK, MDBOOK_MERMAID};

/// Installs what is missing, then returns the `mdbook` to run.
fn prepare(sh: &Shell) -> Result<PathBuf> {
    let mdbook = tools::ensure(sh, &MDBOOK)?;
    let mermaid = tools::ensure(sh, &MDBOOK_MERMAID)?;
    tools::ensure_mermaid_assets(sh, &mermaid)?;
    Ok(mdbook)
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

pub fn serve(sh: &Shell, port: u16, open: bool) -> Result<()> {
    let mdbook = prepare(sh)?;
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
    eprintln!("xtask: serving the book at http://127.0.0.1:{port}/ (Ctrl-C stops)");
    let status = command.status()?;
    if !status.success() {
        bail!("mdbook serve exited with {status}");
    }
    Ok(())
}
