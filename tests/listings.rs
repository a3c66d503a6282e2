//! Runs every listing in `examples/` and checks what it prints against the
//! output recorded beside it: `examples/NAME.stdout` (the file its page
//! includes) and, when the listing writes to stderr, `examples/NAME.stderr`.
//! The Go listings, `examples/go/NAME/main.go`, are checked the same way
//! against `main.stdout` and `main.stderr`, as the trials `go/NAME`.
//!
//! A listing says how its output may legitimately vary with comments at the
//! top of its file (outside every anchor, so the page does not show them):
//!
//! ```text
//! // output: any-order        the lines compare as a multiset
//! // output: varies REGEX     every match is a wildcard, in both outputs
//! ```
//!
//! `LISTINGS=overwrite` records the current output instead of comparing it.
//! `LISTINGS_CPUS=N` runs the listings as a machine with N CPUs would: with
//! N up to the CPUs this process may use, it keeps only N of them (and runs
//! one listing at a time per CPU); with more, it sets `TOKIO_WORKER_THREADS`,
//! `GOMAXPROCS` and `RAYON_NUM_THREADS` to N, the defaults such a machine
//! gives the three runtimes. `cargo xtask test` runs the checks on the
//! machine as it is, then with `LISTINGS_CPUS=1` and `LISTINGS_CPUS=16`.
//!
//! Every listing runs under `supervise`: a listing that runs for more than
//! 2 s fails, and one still running at 10 s is killed with every process it
//! started, and named. Rust listings also run under the local runner's
//! memory and task limits, so that the Run button can run every one of them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use inventory::{Inventory, Kind, Listing};
use libtest_mimic::{Arguments, Failed, Trial};
use supervise::{Limits, Stop};

/// A listing must end within this time; past `Limits::time` it is killed.
const BUDGET: Duration = Duration::from_secs(2);

/// The limits of a Rust listing: the local runner's, which the Run button
/// meets. Go listings are not run there, and need no memory or task limit.
const RUST: Limits = supervise::RUN_LIMITS;
const GO: Limits = Limits {
    memory_bytes: None,
    tasks: None,
    ..supervise::RUN_LIMITS
};

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let root = &root();
    let inventory = match Inventory::scan(root) {
        Ok(inventory) => inventory,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = build_examples(root) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let exe_dir = examples_dir();
    let go = match go_listings(&inventory, &exe_dir) {
        Ok(go) => go,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // After the builds, before any thread: every trial inherits it.
    let cpus = match Cpus::from_env() {
        Ok(cpus) => cpus,
        Err(e) => {
            eprintln!("error: LISTINGS_CPUS: {e}");
            return ExitCode::FAILURE;
        }
    };
    let run = Run {
        overwrite: std::env::var("LISTINGS").is_ok_and(|v| v == "overwrite"),
        cpus: cpus.clone(),
        times: Arc::default(),
    };
    let mut trials: Vec<Trial> = inventory
        .of(Kind::Rust)
        .cloned()
        .map(|listing| {
            let exe = exe_dir.join(format!("{}{}", listing.name, std::env::consts::EXE_SUFFIX));
            let run = run.clone();
            let root = root.to_path_buf();
            Trial::test(listing.id(), move || {
                run.check(&root, &listing, &exe, &RUST)
            })
        })
        .collect();
    trials.extend(go.trials(&run));
    trials.push(Trial::test(
        "self-test: a hanging listing is killed with its children, and named",
        hang_is_killed,
    ));
    let conclusion = libtest_mimic::run(&args, trials);
    let mut times = run.times.lock().unwrap().clone();
    times.sort_by(|a, b| b.cmp(a));
    let slowest: Vec<String> = times
        .iter()
        .take(3)
        .map(|(t, name)| format!("{name} {:.2} s", t.as_secs_f64()))
        .collect();
    if !slowest.is_empty() {
        eprintln!(
            "listings: the slowest {}: {} (the budget is {} s)",
            cpus.describe(),
            slowest.join(", "),
            BUDGET.as_secs()
        );
    }
    if conclusion.has_failed() {
        eprintln!(
            "rerun one listing with `{}cargo test --test listings -- NAME`; \
             record new output with `cargo xtask bless NAME`",
            cpus.rerun_prefix()
        );
    }
    conclusion.exit_code()
}

/// How many CPUs the listings see, from `LISTINGS_CPUS`.
#[derive(Clone, Debug)]
enum Cpus {
    /// As the machine is.
    Machine,
    /// Only these CPUs, out of the machine's.
    Kept(Vec<usize>),
    /// More CPUs than the machine has, as the runtimes' defaults.
    Simulated(usize),
}

impl Cpus {
    fn from_env() -> Result<Cpus, String> {
        let wanted = std::env::var("LISTINGS_CPUS").unwrap_or_default();
        if wanted.is_empty() {
            return Ok(Cpus::Machine);
        }
        let n: usize = wanted
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("`{wanted}` is not a number of CPUs"))?;
        let allowed = supervise::cpus::allowed().map_err(|e| e.to_string())?;
        let cpus = if n <= allowed.len() {
            Cpus::Kept(supervise::cpus::restrict_to(n).map_err(|e| e.to_string())?)
        } else {
            Cpus::Simulated(n)
        };
        eprintln!("listings: {}", cpus.describe());
        Ok(cpus)
    }

    fn describe(&self) -> String {
        match self {
            Cpus::Machine => "on this machine's CPUs".into(),
            Cpus::Kept(kept) => format!("on {} CPU(s) only ({kept:?})", kept.len()),
            Cpus::Simulated(n) => format!(
                "as on {n} CPUs: TOKIO_WORKER_THREADS, GOMAXPROCS and RAYON_NUM_THREADS = {n}"
            ),
        }
    }

    fn rerun_prefix(&self) -> String {
        match self {
            Cpus::Machine => String::new(),
            Cpus::Kept(kept) => format!("LISTINGS_CPUS={} ", kept.len()),
            Cpus::Simulated(n) => format!("LISTINGS_CPUS={n} "),
        }
    }

    fn apply(&self, command: &mut Command) {
        if let Cpus::Simulated(n) = self {
            for var in ["TOKIO_WORKER_THREADS", "GOMAXPROCS", "RAYON_NUM_THREADS"] {
                command.env(var, n.to_string());
            }
        }
    }
}

/// The harness's own check of its kill switch, on a program that never ends
/// and whose child ignores SIGTERM and keeps stdout open (with a 1 s limit,
/// so that the suite stays fast).
fn hang_is_killed() -> Result<(), Failed> {
    let script = std::env::temp_dir().join(format!("listings-hang-{}.sh", std::process::id()));
    let child_pid = script.with_extension("pid");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\n(trap '' TERM; exec sleep 30) &\necho $! > {}\nexec sleep 30\n",
            child_pid.display()
        ),
    )?;
    fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))?;
    let listing = Listing {
        kind: Kind::Rust,
        name: "fixture-hang".into(),
        source: script.with_extension("rs"),
        stdout: None,
        stderr: None,
        bench_txt: None,
        loom_txt: None,
        output: Default::default(),
        bench: None,
        loom_model: false,
        anchors: Vec::new(),
    };
    let limits = Limits {
        time: Duration::from_secs(1),
        ..RUST
    };
    let run = Run {
        overwrite: false,
        cpus: Cpus::Machine,
        times: Arc::default(),
    };
    let start = Instant::now();
    let outcome = run.check(Path::new("/"), &listing, &script, &limits);
    let _ = fs::remove_file(&script);
    let named = outcome
        .as_ref()
        .err()
        .and_then(|e| e.message())
        .unwrap_or_default();
    if !named.starts_with("fixture-hang hung: killed after 1 s") {
        return Err(format!("expected the hang to be killed and named, got {outcome:?}").into());
    }
    if start.elapsed() > Duration::from_secs(5) {
        return Err(format!("the kill took {:?}", start.elapsed()).into());
    }
    let pid = fs::read_to_string(&child_pid)?;
    let _ = fs::remove_file(&child_pid);
    std::thread::sleep(Duration::from_millis(50));
    // Gone, or a zombie that init has yet to reap.
    let state = fs::read_to_string(format!("/proc/{}/stat", pid.trim())).unwrap_or_default();
    if !state.is_empty() && !state.contains(") Z ") {
        return Err(format!("the listing's child {} outlived the kill", pid.trim()).into());
    }
    Ok(())
}

/// The Go listings: `examples/go/NAME/main.go`, each a `main` package of the
/// module in `examples/go`, built with `go build` and checked like the Rust
/// ones. Without `go`, they are skipped with a notice, except in CI, where
/// that is a failure; a missing module, or one without listings, is an error.
struct GoListings {
    listings: Vec<Listing>,
    root: PathBuf,
    bin: PathBuf,
    /// Why every Go trial fails, if it must (no `go` in CI, a failed build).
    broken: Option<&'static str>,
    skipped: bool,
}

fn go_listings(inventory: &Inventory, exe_dir: &Path) -> Result<GoListings, String> {
    let module = inventory.root.join(inventory::GO_MODULE);
    let bin = exe_dir.parent().unwrap().join("go-listings");
    // With several packages, `go build -o` needs an existing directory.
    fs::create_dir_all(&bin).map_err(|e| format!("{}: {e}", bin.display()))?;
    let mut build = Command::new("go");
    build
        .args(["build", "-o"])
        .arg(format!("{}/", bin.display()))
        .arg("./...")
        .current_dir(&module);
    let limits = Limits {
        time: Duration::from_secs(600),
        ..GO
    };
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let (broken, skipped) = match supervise::run_inherited(build, &limits) {
        Err(_) if in_ci => (Some("`go` is not installed; CI needs Go 1.26"), false),
        Err(_) => {
            eprintln!("SKIPPED the Go listings: `go` is not installed (Go 1.26 runs them)");
            (None, true)
        }
        Ok(built) if !built.success() => (Some("`go build ./...` in examples/go failed"), false),
        Ok(_) => (None, false),
    };
    Ok(GoListings {
        listings: inventory.of(Kind::Go).cloned().collect(),
        root: inventory.root.clone(),
        bin,
        broken,
        skipped,
    })
}

impl GoListings {
    fn trials(self, run: &Run) -> Vec<Trial> {
        self.listings
            .into_iter()
            .map(|listing| {
                let exe = self.bin.join(&listing.name);
                let (broken, run, root) = (self.broken, run.clone(), self.root.clone());
                Trial::test(listing.id(), move || {
                    if let Some(why) = broken {
                        return Err(why.into());
                    }
                    run.check(&root, &listing, &exe, &GO)
                })
                .with_ignored_flag(self.skipped)
            })
            .collect()
    }
}

/// `cargo test` builds examples only as test harnesses, so the programs
/// themselves are built here (a no-op when they are up to date).
fn build_examples(root: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .args(["build", "--quiet", "--examples"])
        .current_dir(root);
    let limits = Limits {
        time: Duration::from_secs(1800),
        ..GO
    };
    match supervise::run_inherited(build, &limits) {
        Ok(built) if built.success() => Ok(()),
        Ok(_) => Err("`cargo build --examples` failed".into()),
        Err(e) => Err(format!("cannot run cargo: {e}")),
    }
}

/// This harness runs from `target/<profile>/deps/`; examples sit in
/// `target/<profile>/examples/`.
fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the harness knows its own path");
    exe.parent()
        .and_then(Path::parent)
        .unwrap()
        .join("examples")
}

/// How the listings are run: recording or comparing, and on how many CPUs.
#[derive(Clone)]
struct Run {
    overwrite: bool,
    cpus: Cpus,
    /// How long each listing ran, for the summary of the slowest.
    times: Arc<Mutex<Vec<(Duration, String)>>>,
}

impl Run {
    fn check(
        &self,
        root: &Path,
        listing: &Listing,
        exe: &Path,
        limits: &Limits,
    ) -> Result<(), Failed> {
        let name = &listing.id();
        let mut command = Command::new(exe);
        // The recorded panic messages must not depend on the caller's shell.
        command.env_remove("RUST_BACKTRACE");
        self.cpus.apply(&mut command);
        let run = supervise::run(command, limits).map_err(|e| format!("{name}: {e}"))?;
        self.times.lock().unwrap().push((run.elapsed, name.clone()));
        let cpus = match self.cpus {
            Cpus::Machine => String::new(),
            _ => format!(" ({})", self.cpus.describe()),
        };
        match run.stopped {
            Some(Stop::Time) => {
                return Err(format!(
                    "{name} hung: killed after {} s{cpus}, with every process it started. \
                     A listing must end by itself; prove a hang with a timeout inside the listing instead.",
                    limits.time.as_secs()
                )
                .into());
            }
            Some(stop) => {
                let why = if limits.memory_bytes.is_some() {
                    "the Run button's runner stops a program there (supervise::RUN_LIMITS)"
                } else {
                    "a listing's output must fit its page"
                };
                return Err(format!(
                    "{name} {}{cpus}, and was stopped: {why}",
                    stop.describe(limits)
                )
                .into());
            }
            None => {}
        }
        if run.output_held_open {
            return Err(format!(
                "{name} left a process outside its process group that holds its output open"
            )
            .into());
        }
        if !run.status.success() {
            return Err(format!(
                "{name} failed ({}){cpus}. stderr:\n{}",
                run.status, run.stderr
            )
            .into());
        }
        if run.elapsed > BUDGET {
            return Err(format!(
                "{name} took {:.1} s{cpus}; a listing must finish in under {} s in a debug build",
                run.elapsed.as_secs_f64(),
                BUDGET.as_secs()
            )
            .into());
        }
        let stdout = root.join(listing.stdout_path());
        let stderr = root.join(listing.stderr_path());
        if self.overwrite {
            fs::write(&stdout, &run.stdout)?;
            if run.stderr.is_empty() {
                let _ = fs::remove_file(&stderr);
            } else {
                fs::write(&stderr, &run.stderr)?;
            }
            return Ok(());
        }
        let recorded_stdout = read_recorded(listing, &stdout)?;
        let recorded_stderr = if stderr.exists() || !run.stderr.is_empty() {
            Some(read_recorded(listing, &stderr)?)
        } else {
            None
        };
        for re in &listing.output.varies {
            let recorded = [Some(&recorded_stdout), recorded_stderr.as_ref()];
            if !recorded.into_iter().flatten().any(|text| re.is_match(text)) {
                return Err(format!(
                    "{}: `// output: varies {re}` matches nothing it printed; \
                     remove it or fix the pattern",
                    root.join(&listing.source).display()
                )
                .into());
            }
        }
        compare(listing, &stdout, &recorded_stdout, &run.stdout, &cpus)?;
        if let Some(recorded) = recorded_stderr {
            compare(listing, &stderr, &recorded, &run.stderr, &cpus)?;
        }
        Ok(())
    }
}

fn read_recorded(listing: &Listing, path: &Path) -> Result<String, Failed> {
    fs::read_to_string(path).map_err(|_| {
        format!(
            "{} is missing: record it with `cargo xtask bless {}`",
            path.display(),
            listing.id()
        )
        .into()
    })
}

fn compare(
    listing: &Listing,
    recorded: &Path,
    expected: &str,
    actual: &str,
    cpus: &str,
) -> Result<(), Failed> {
    let shown = recorded.display();
    let mut want = normalize(listing, expected);
    let mut got = normalize(listing, actual);
    if listing.output.any_order {
        want.sort();
        got.sort();
    }
    if want == got {
        return Ok(());
    }
    let (want, got) = (want.concat(), got.concat());
    let diff = similar::TextDiff::from_lines(&want, &got)
        .unified_diff()
        .header(&format!("{shown} (recorded)"), "actual run")
        .to_string();
    Err(format!(
        "{} printed something else than its page shows{}{cpus}:\n{diff}\n\
         If the new output is right, record it with `cargo xtask bless {}`. \
         If it depends on the machine (its CPUs, a time, an id), set what the lesson \
         needs in the listing, or mark that part `// output: varies REGEX`.",
        listing.id(),
        if listing.output.any_order {
            " (lines sorted: its order may vary)"
        } else {
            ""
        },
        listing.id()
    )
    .into())
}

fn normalize(listing: &Listing, text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            listing
                .output
                .varies
                .iter()
                .fold(line.to_owned(), |line, re| {
                    re.replace_all(&line, "[..]").into_owned()
                })
                + "\n"
        })
        .collect()
}

/// The checkout this harness runs in: `cargo test` sets `CARGO_MANIFEST_DIR`
/// when it runs it. Read at run time, never compiled in, so that a copy of
/// the checkout (with its `target/`) checks and records only itself.
fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .expect("run by `cargo test`, which sets CARGO_MANIFEST_DIR")
}
