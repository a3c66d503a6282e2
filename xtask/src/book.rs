//! Building and serving the book with the pinned mdBook.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Result, bail};
use xshell::Shell;

use crate::runner::{self, GoModule, LIMITS, Rust, Rustc};
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
/// buttons use on the next port. The book comes first: the runner listens
/// at once (Go listings run, and Rust ones say the runner is not ready)
/// while the listings' dependencies build in the background.
pub fn serve(sh: &Shell, port: u16, open: bool) -> Result<()> {
    let start = Instant::now();
    // mdBook and the book's preprocessor, first; mdbook-mermaid (optional in
    // book.toml) can come after the first page, since only the diagrams wait
    // for it.
    let mdbook = tools::ensure(sh, &MDBOOK)?;
    tools::ensure_listings_preprocessor(sh)?;
    let mermaid = tools::installed(sh, &MDBOOK_MERMAID);
    if let Some(mermaid) = &mermaid {
        tools::ensure_mermaid_assets(sh, mermaid)?;
    }
    let root = sh.current_dir();
    let crates = crate::crates::of_project(&root)?
        .iter()
        .map(|c| c.package.replace('-', "_"))
        .collect();
    let rust = Rust::pending(crates);
    start_runner_with(&root, std::sync::Arc::clone(&rust), port)?;
    let waiting = mermaid.is_none();
    std::thread::spawn(move || {
        // The long builds wait for the first page, so as not to slow it.
        let up = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err()
            && up.elapsed() < std::time::Duration::from_secs(600)
        {
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        if waiting {
            match install_mermaid(&root) {
                Ok(()) => eprintln!("xtask: the diagrams are drawn now: reload the page"),
                Err(e) => eprintln!("xtask: the diagrams cannot be drawn: {e:#}"),
            }
        }
        let building = Instant::now();
        eprintln!(
            "xtask: building the listings' dependencies for the Run buttons, in the background \
             (until it is done, Rust listings say so when run)"
        );
        match Rustc::from_project(&root) {
            Ok(rustc) => {
                rust.set(Box::new(rustc));
                eprintln!(
                    "xtask: the local runner is ready: every Run button works ({} s)",
                    building.elapsed().as_secs()
                );
            }
            Err(e) => eprintln!("xtask: the local runner cannot run Rust listings: {e:#}"),
        }
    });
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
        "xtask: serving the book at http://127.0.0.1:{port}/ ({} s after starting) and its runner at \
         http://127.0.0.1:{}/ (Ctrl-C stops){}",
        start.elapsed().as_secs(),
        port + 1,
        if waiting {
            "; mdbook-mermaid installs next, and until then a diagram shows as its source"
        } else {
            ""
        }
    );
    let status = command.status()?;
    if !status.success() {
        bail!("mdbook serve exited with {status}");
    }
    Ok(())
}

/// Installs mdbook-mermaid and writes Mermaid's script into `src/`, then
/// makes a running `mdbook serve` rebuild, so that the next load of a page
/// has its diagrams.
fn install_mermaid(root: &Path) -> Result<()> {
    let sh = Shell::new()?;
    sh.change_dir(root);
    let mermaid = tools::ensure(&sh, &MDBOOK_MERMAID)?;
    tools::ensure_mermaid_assets(&sh, &mermaid)?;
    // mdbook serve does not watch git-ignored files, such as that script:
    // a new modification time of SUMMARY.md, which it watches, rebuilds.
    std::fs::OpenOptions::new()
        .append(true)
        .open(root.join("src/SUMMARY.md"))?
        .set_modified(std::time::SystemTime::now())?;
    Ok(())
}

/// Starts the local runner for the book on `book_port`, on the port after
/// it, once the listings' dependencies are built (the browser tests run
/// every Run button at once).
pub fn start_runner(sh: &Shell, book_port: u16) -> Result<u16> {
    eprintln!("xtask: building the listings' dependencies for the local runner");
    let root = sh.current_dir();
    let rustc = Rustc::from_project(&root)?;
    start_runner_with(&root, Rust::ready(Box::new(rustc)), book_port)
}

fn start_runner_with(root: &Path, rust: std::sync::Arc<Rust>, book_port: u16) -> Result<u16> {
    // Go listings run too where Go is installed; the runner says so where not.
    let has_go = Command::new("go").arg("version").output().is_ok();
    let go = has_go.then(|| GoModule {
        dir: root.join(inventory::GO_MODULE),
        go: PathBuf::from("go"),
    });
    runner::start(
        rust,
        go,
        LIMITS,
        book_port,
        book_port + 1,
        root.join("target/runner"),
    )
}
