//! The local runner: the part of the Rust playground's HTTP API that mdBook's
//! `book.js` uses (`POST /evaluate.json`, `POST /meta/crates`), answered on
//! the reader's machine. It compiles the code against the artifacts the
//! project's own build left in `target/debug`, so a run takes a second or two
//! and uses exactly the crate versions the tests use. Go listings have an
//! endpoint of their own, `POST /evaluate-go.json` (`theme/js/playground.js`
//! sends it the files a Go pane shows): the program is built with `go build`
//! in a copy of the book's module (`examples/go`, its `go.mod` and `go.sum`),
//! offline, and run under the same limits.
//!
//! It is a small attack surface on purpose: it listens on 127.0.0.1 only,
//! answers only pages of the book it serves (the `Origin` must be the book's,
//! and the `Host` must be the runner's own, against DNS rebinding), compiles
//! one program at a time with a short queue, and limits everything: request
//! body, compile time, and the program's time, output, memory and number of
//! processes and threads (`supervise::RUN_LIMITS`, which the listing harness
//! also runs every listing under). A program that passes a limit is killed
//! with every process it started that stayed in its process group, and the
//! reader is told which limit it was.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use cargo_metadata::{Message, TargetKind};
use serde::Deserialize;
use supervise::Stop;
use tiny_http::{Header, Method, Request, Response, Server};

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub body_bytes: usize,
    pub compile: Duration,
    /// What the compiled program may use.
    pub program: supervise::Limits,
    /// Requests that may wait while one compiles; more get a "busy" answer.
    pub queue: usize,
}

pub const LIMITS: Limits = Limits {
    body_bytes: 64 * 1024,
    compile: Duration::from_secs(60),
    program: supervise::RUN_LIMITS,
    queue: 2,
};

/// How a program is turned into an executable: `rustc` with the project's
/// dependencies, or, in the runner's own tests, a stand-in.
pub trait Compiler: Send + Sync + 'static {
    /// With `tests`, the program is built as its test harness (`rustc
    /// --test`), as the playground does for `"tests": true`.
    fn command(&self, source: &Path, edition: &str, tests: bool, output: &Path) -> Command;

    /// The crates a program may use, as code names them.
    fn crates(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The Rust compiler of a runner, which may come after the runner starts:
/// `cargo xtask serve` serves the book first and hands the compiler over
/// once the listings' dependencies are built. Until then a Rust program
/// gets `STILL_BUILDING`, and the crate list is the one Cargo.toml names.
pub struct Rust {
    compiler: std::sync::OnceLock<Box<dyn Compiler>>,
    crates: Vec<String>,
}

/// What Run shows before the runner can compile Rust.
pub const STILL_BUILDING: &str = "The local runner is still building the listings' dependencies \
    (`cargo build --examples`, shown in the terminal that runs `cargo xtask serve`); \
    run this again in a minute. Go listings already run.";

impl Rust {
    pub fn ready(compiler: Box<dyn Compiler>) -> Arc<Rust> {
        let crates = compiler.crates();
        let rust = Rust {
            compiler: std::sync::OnceLock::new(),
            crates,
        };
        let _ = rust.compiler.set(compiler);
        Arc::new(rust)
    }

    /// A compiler still to come, for programs that may use `crates`.
    pub fn pending(crates: Vec<String>) -> Arc<Rust> {
        Arc::new(Rust {
            compiler: std::sync::OnceLock::new(),
            crates,
        })
    }

    /// Hands the compiler over; from now on Rust programs run.
    pub fn set(&self, compiler: Box<dyn Compiler>) {
        let _ = self.compiler.set(compiler);
    }
}

/// `rustc` with `--extern` for each dependency the project built.
pub struct Rustc {
    externs: Vec<(String, PathBuf)>,
    deps_dir: PathBuf,
}

impl Rustc {
    /// Builds the project's examples (a no-op when up to date) and notes where
    /// cargo put the rlibs of the crates the listings may use.
    pub fn from_project(root: &Path) -> Result<Rustc> {
        let output = Command::new("cargo")
            .args(["build", "--examples", "--message-format=json"])
            .current_dir(root)
            .stderr(Stdio::inherit())
            .output()
            .context("running cargo build --examples")?;
        if !output.status.success() {
            bail!("cargo build --examples failed");
        }
        // The listings package's dependencies, from Cargo.toml (crates.rs).
        let allowed = crate::crates::of_project(root)?;
        // A library target is named with `_`; a package may use `-` or `_`
        // (tokio-util, parking_lot): compare both spelt with `-`.
        let wanted: Vec<String> = allowed
            .iter()
            .map(|c| c.package.replace('_', "-"))
            .collect();
        let mut externs = Vec::new();
        let mut deps_dir = root.join("target/debug/deps");
        for message in Message::parse_stream(&output.stdout[..]) {
            let Message::CompilerArtifact(artifact) = message? else {
                continue;
            };
            let name = artifact.target.name.replace('_', "-");
            let is_lib = artifact.target.kind.contains(&TargetKind::Lib);
            let from_registry = artifact.package_id.repr.contains("registry");
            if !is_lib || !from_registry || !wanted.contains(&name) {
                continue;
            }
            for file in artifact.filenames {
                if file.extension() == Some("rlib") {
                    deps_dir = file.parent().unwrap().into();
                    externs.push((name.replace('-', "_"), file.into()));
                }
            }
        }
        if externs.len() < wanted.len() {
            bail!("found only {externs:?} among the build's artifacts");
        }
        Ok(Rustc { externs, deps_dir })
    }
}

impl Compiler for Rustc {
    fn crates(&self) -> Vec<String> {
        self.externs.iter().map(|(name, _)| name.clone()).collect()
    }

    fn command(&self, source: &Path, edition: &str, tests: bool, output: &Path) -> Command {
        let mut rustc = Command::new("rustc");
        rustc.arg(source);
        if tests {
            rustc.arg("--test");
        } else {
            rustc.args(["--crate-type", "bin"]);
        }
        rustc
            .args(["--crate-name", "playground", "--edition", edition])
            .arg("-L")
            .arg(format!("dependency={}", self.deps_dir.display()))
            .arg("-o")
            .arg(output);
        for (name, rlib) in &self.externs {
            rustc
                .arg("--extern")
                .arg(format!("{name}={}", rlib.display()));
        }
        rustc
    }
}

/// Where Go programs are built: the book's module, and the `go` to build with.
#[derive(Clone, Debug)]
pub struct GoModule {
    pub dir: PathBuf,
    pub go: PathBuf,
}

struct Shared {
    rust: Arc<Rust>,
    /// None where Go is not installed.
    go: Option<GoModule>,
    limits: Limits,
    /// The origins of the book this runner serves, e.g. `http://127.0.0.1:3000`.
    origins: Vec<String>,
    /// The `Host` values it answers to (its own address).
    hosts: Vec<String>,
    scratch: PathBuf,
    one_at_a_time: Mutex<u64>,
    /// Requests compiling, running or waiting for their turn.
    in_flight: AtomicUsize,
}

/// Starts the runner on 127.0.0.1:`port` for the book on 127.0.0.1:`book_port`.
/// Returns the port it listens on (`port` 0 picks a free one).
pub fn start(
    rust: Arc<Rust>,
    go: Option<GoModule>,
    limits: Limits,
    book_port: u16,
    port: u16,
    scratch: PathBuf,
) -> Result<u16> {
    let server = Server::http(("127.0.0.1", port)).map_err(|e| anyhow::anyhow!("runner: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .context("an IP address")?
        .port();
    std::fs::create_dir_all(&scratch)?;
    let shared = Arc::new(Shared {
        rust,
        go,
        limits,
        origins: vec![
            format!("http://127.0.0.1:{book_port}"),
            format!("http://localhost:{book_port}"),
        ],
        hosts: vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")],
        scratch,
        one_at_a_time: Mutex::new(0),
        in_flight: AtomicUsize::new(0),
    });
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let shared = Arc::clone(&shared);
            thread::spawn(move || handle(&shared, request));
        }
    });
    Ok(port)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
}

fn answer(request: Request, status: u16, origin: Option<&str>, body: serde_json::Value) {
    let mut response = Response::from_string(body.to_string())
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json"));
    if let Some(origin) = origin {
        response = response
            .with_header(header("Access-Control-Allow-Origin", origin))
            .with_header(header("Access-Control-Allow-Methods", "POST"))
            .with_header(header("Access-Control-Allow-Headers", "Content-Type"))
            .with_header(header("Vary", "Origin"));
    }
    let _ = request.respond(response);
}

fn refuse(request: Request, status: u16, why: &str) {
    answer(
        request,
        status,
        None,
        serde_json::json!({ "result": "", "error": why }),
    );
}

fn handle(shared: &Shared, mut request: Request) {
    let get = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    // Another site's page, or a DNS name rebound to 127.0.0.1, may reach this
    // port: answer only the book's pages, addressed to this runner by name.
    if !get("Host").is_some_and(|host| shared.hosts.contains(&host)) {
        return refuse(
            request,
            421,
            "wrong Host: this runner answers only 127.0.0.1 and localhost",
        );
    }
    let Some(origin) = get("Origin").filter(|o| shared.origins.contains(o)) else {
        return refuse(
            request,
            403,
            "wrong Origin: this runner serves only the local book",
        );
    };
    match (request.method(), request.url()) {
        (Method::Options, _) => answer(request, 204, Some(&origin), serde_json::json!({})),
        (Method::Post, "/meta/crates") => {
            let crates: Vec<_> = (shared.rust.crates.iter())
                .map(|id| serde_json::json!({ "id": id, "name": id }))
                .collect();
            answer(
                request,
                200,
                Some(&origin),
                serde_json::json!({ "crates": crates }),
            )
        }
        (Method::Post, "/evaluate.json") => {
            let limit = shared.limits.body_bytes;
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(limit as u64 + 1)
                .read_to_end(&mut body);
            if read.is_err() || body.len() > limit {
                return answer(
                    request,
                    413,
                    Some(&origin),
                    serde_json::json!({
                        "result": format!("The local runner accepts programs of up to {} KiB.", limit / 1024),
                        "error": "request too large",
                    }),
                );
            }
            let asked: Evaluate = serde_json::from_slice(&body).unwrap_or_default();
            let editions = ["2015", "2018", "2021", "2024"];
            let edition = (asked.edition.as_deref())
                .filter(|e| editions.contains(e))
                .unwrap_or("2024");
            let (status, result) = match shared.rust.compiler.get() {
                None => (503, STILL_BUILDING.to_owned()),
                Some(compiler) => evaluate(shared, |dir| {
                    compile_and_run(shared, &**compiler, &asked.code, edition, asked.tests, dir)
                }),
            };
            answer(
                request,
                status,
                Some(&origin),
                serde_json::json!({ "result": result, "error": null }),
            )
        }
        (Method::Post, "/evaluate-go.json") => {
            let limit = shared.limits.body_bytes;
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(limit as u64 + 1)
                .read_to_end(&mut body);
            let (status, result) = if read.is_err() || body.len() > limit {
                (
                    413,
                    format!(
                        "The local runner accepts programs of up to {} KiB.",
                        limit / 1024
                    ),
                )
            } else {
                match (&shared.go, serde_json::from_slice::<EvaluateGo>(&body)) {
                    (None, _) => (
                        503,
                        "Go is not installed here, so the local runner cannot run Go \
                         listings: install Go 1.26 and restart `cargo xtask serve`."
                            .to_owned(),
                    ),
                    (_, Err(e)) => (
                        400,
                        format!("The local runner could not read the request: {e}"),
                    ),
                    (Some(module), Ok(asked)) => match asked.check(module) {
                        Err(why) => (400, why),
                        Ok(()) => {
                            evaluate(shared, |dir| build_and_run_go(shared, module, &asked, dir))
                        }
                    },
                }
            };
            answer(
                request,
                status,
                Some(&origin),
                serde_json::json!({ "result": result, "error": null }),
            )
        }
        _ => refuse(request, 404, "not found"),
    }
}

/// What `theme/js/playground.js` posts to `/evaluate-go.json`: the listing,
/// a folder of `examples/go`, and the files its pane shows, by name. The
/// listing's other files come from the book.
#[derive(Deserialize)]
struct EvaluateGo {
    listing: String,
    files: std::collections::BTreeMap<String, String>,
}

impl EvaluateGo {
    /// Only a listing of the book, and only plain Go file names in it.
    fn check(&self, module: &GoModule) -> std::result::Result<(), String> {
        let plain = |name: &str, extra: &str| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(c))
        };
        if !plain(&self.listing, "-") || !module.dir.join(&self.listing).is_dir() {
            return Err(format!("No Go listing is called {:?}.", self.listing));
        }
        for name in self.files.keys() {
            let stem = name.strip_suffix(".go").unwrap_or_default();
            if !plain(stem, "_") || stem.ends_with("_test") {
                return Err(format!("{name:?} is not a Go file the runner builds."));
            }
        }
        Ok(())
    }
}

/// Builds the listing in a copy of the module inside `dir`, with the posted
/// files over the book's, and runs it.
fn build_and_run_go(
    shared: &Shared,
    module: &GoModule,
    asked: &EvaluateGo,
    dir: &Path,
) -> Result<String> {
    let package = dir.join(&asked.listing);
    std::fs::create_dir_all(&package)?;
    for file in ["go.mod", "go.sum"] {
        std::fs::copy(module.dir.join(file), dir.join(file))?;
    }
    for entry in std::fs::read_dir(module.dir.join(&asked.listing))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".go") && !name.ends_with("_test.go") {
            std::fs::copy(&path, package.join(&*name))?;
        }
    }
    for (name, code) in &asked.files {
        std::fs::write(package.join(name), code)?;
    }
    let program = dir.join("program");
    let mut build = Command::new(&module.go);
    build
        .arg("build")
        .arg("-o")
        .arg(&program)
        .arg(format!("./{}", asked.listing))
        .current_dir(dir)
        // Offline, with the toolchain that is here: the module cache has what
        // go.sum names once the book's Go listings have been built.
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=readonly");
    build_then_run(shared, build, "go build", &program)
}

/// What book.js posts to `/evaluate.json`, and `theme/js/exercises.js`
/// with `"tests": true` (both also send the channel and the mode, which the
/// runner does not need).
#[derive(Default, Deserialize)]
struct Evaluate {
    code: String,
    edition: Option<String>,
    #[serde(default)]
    tests: bool,
}

/// Compiles and runs a program with `build_and_run` in a scratch directory
/// of its own, one program at a time. Returns the HTTP status and what to
/// show under the listing.
fn evaluate(shared: &Shared, build_and_run: impl FnOnce(&Path) -> Result<String>) -> (u16, String) {
    if shared.in_flight.fetch_add(1, SeqCst) > shared.limits.queue {
        shared.in_flight.fetch_sub(1, SeqCst);
        return (
            503,
            "The local runner is busy with other programs; try again in a moment.".into(),
        );
    }
    let outcome = {
        let mut turn = shared
            .one_at_a_time
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *turn += 1;
        let dir = shared
            .scratch
            .join(format!("run-{}-{}", std::process::id(), *turn));
        let outcome = build_and_run(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        outcome
    };
    shared.in_flight.fetch_sub(1, SeqCst);
    match outcome {
        Ok(result) => (200, result),
        Err(e) => (500, format!("The local runner failed: {e:#}")),
    }
}

fn compile_and_run(
    shared: &Shared,
    compiler_of: &dyn Compiler,
    code: &str,
    edition: &str,
    tests: bool,
    dir: &Path,
) -> Result<String> {
    std::fs::create_dir_all(dir)?;
    let (source, program) = (dir.join("main.rs"), dir.join("main"));
    std::fs::write(&source, code)?;
    let build = compiler_of.command(&source, edition, tests, &program);
    build_then_run(shared, build, "the compiler", &program)
}

/// Runs `build` (a compiler: trusted, so only its time and output are
/// bounded), then, if it succeeded, `program` under the program limits.
/// Returns what to show under the listing.
fn build_then_run(shared: &Shared, build: Command, who: &str, program: &Path) -> Result<String> {
    let limits = &shared.limits;
    let compiler = supervise::Limits {
        time: limits.compile,
        memory_bytes: None,
        tasks: None,
        ..limits.program
    };
    let compile = supervise::run(build, &compiler).with_context(|| format!("starting {who}"))?;
    if compile.stopped == Some(Stop::Time) {
        return Ok(format!(
            "Compiling {}, and was stopped.",
            Stop::Time.describe(&compiler).replacen("ran", "took", 1)
        ));
    }
    if !compile.success() {
        return Ok(shown(&compile, &compiler, who));
    }
    let run =
        supervise::run(Command::new(program), &limits.program).context("starting the program")?;
    Ok(shown(&run, &limits.program, "the program"))
}

/// What the page shows under the listing: stdout, then stderr, cut to the
/// output limit, then why `who` was stopped, if it was.
fn shown(outcome: &supervise::Outcome, limits: &supervise::Limits, who: &str) -> String {
    let mut output = format!("{}{}", outcome.stdout, outcome.stderr);
    if output.len() > limits.output_bytes {
        let mut end = limits.output_bytes;
        while !output.is_char_boundary(end) {
            end -= 1;
        }
        output.truncate(end);
    }
    if let Some(stop) = outcome.stopped {
        if !output.is_empty() && !output.ends_with('\n') {
            output.push('\n');
        }
        output += &format!("[stopped: {who} {}]", stop.describe(limits));
    }
    if outcome.output_held_open {
        output += "\n[a process the program started left its process group and may still run]";
    }
    output
}

#[cfg(test)]
mod tests;
