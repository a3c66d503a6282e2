//! Runs `browser-tests/` against the book as `cargo xtask serve` serves it:
//! the built book on one port, its local runner on the next, and chromedriver
//! driving Debian's Chromium. Without Chromium, the tests are skipped with a
//! notice, except in CI (`CI=true`), where that is a failure.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::{book, optional, tools};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Kills a child process when dropped, so that a failing test leaves nothing behind.
struct Background(Child);

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the browser tests; returns how many passed, or None when skipped.
pub fn run(sh: &Shell, count: impl FnOnce(Command) -> Result<usize>) -> Result<Option<usize>> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let probe = || Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    let needs = format!(
        "{CHROMIUM} or {CHROMEDRIVER} (apt-get update && apt-get install -y chromium chromium-driver)"
    );
    if !optional::tool(&FOUND, probe, "the browser tests", &needs)? {
        return Ok(None);
    }
    let book_port = free_port_pair()?;
    let mdbook = tools::ensure(sh, &tools::MDBOOK)?;
    let _book = Background(
        Command::new(&mdbook)
            .args([
                "serve",
                "--hostname",
                "127.0.0.1",
                "--port",
                &book_port.to_string(),
            ])
            .current_dir(sh.current_dir())
            .env("PATH", tools::path_with_tools(sh)?)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting mdbook serve")?,
    );
    // A plain mdBook page, which the tests weigh the book's pages against.
    let plain_port = free_port_pair()?;
    let _plain = Background(
        Command::new(&mdbook)
            .arg("serve")
            .arg(sh.current_dir().join("browser-tests/plain-book"))
            .arg("--dest-dir")
            .arg(sh.current_dir().join("target/plain-book"))
            .args(["--hostname", "127.0.0.1", "--port", &plain_port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting mdbook serve for the plain book")?,
    );
    book::start_runner(sh, book_port)?;
    let driver_port = free_port_pair()?;
    let _driver = Background(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting chromedriver")?,
    );
    wait_for_port(book_port)?;
    wait_for_port(driver_port)?;
    wait_for_port(plain_port)?;
    let mut tests = Command::new("cargo");
    tests
        .args([
            "test",
            "--package",
            "browser-tests",
            "--",
            "--test-threads=1",
            "--nocapture",
        ])
        .env("BOOK_URL", format!("http://127.0.0.1:{book_port}/"))
        .env("WEBDRIVER_URL", format!("http://127.0.0.1:{driver_port}"))
        .env("PLAIN_BOOK_URL", format!("http://127.0.0.1:{plain_port}/"));
    count(tests).map(Some)
}

/// A free port whose successor is free too (the runner's).
fn free_port_pair() -> Result<u16> {
    for _ in 0..50 {
        let port = TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return Ok(port);
        }
    }
    bail!("no two free ports in a row on 127.0.0.1")
}

fn wait_for_port(port: u16) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            bail!("nothing listens on 127.0.0.1:{port} after 60 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}
