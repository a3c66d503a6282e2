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
use std::time::Duration;

use inventory::{Inventory, Kind, Listing};
use libtest_mimic::{Arguments, Failed, Trial};

#[path = "listings/self_test.rs"]
mod self_test;
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
        preload: Some(exe_dir.parent().unwrap().join("libat_exit.so")),
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
    trials.extend(self_test::trials(run.preload.clone()));
    let conclusion = libtest_mimic::run(&args, trials);
    let mut times = run.times.lock().unwrap().clone();
    times.sort_by(|a, b| b.cmp(a));
    // A recording runs each listing several times: name each once, at its slowest.
    let mut seen = std::collections::HashSet::new();
    times.retain(|(_, name)| seen.insert(name.clone()));
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
    let overlay = at_exit_overlay(inventory, &exe_dir.parent().unwrap().join("go-at-exit"))?;
    let mut build = Command::new("go");
    build
        .args(["build", "-overlay"])
        .arg(&overlay)
        .arg("-o")
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

/// What a Go listing's `main` becomes in the build the harness runs: the
/// listing's own `main`, renamed, then a count of the goroutines still
/// running (given a moment to end), written to `LISTINGS_AT_EXIT`. Only
/// the harness's build has it (through `go build -overlay`; the files on
/// disk stay as the page shows them), and only for listings that end with
/// status 0: a panicking one never returns from main, and its trace must
/// show `main.main`. Its own names start with `zzListings`, so that they
/// cannot clash with a listing's.
const GO_AT_EXIT: &str = r#"package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"
)

func main() {
	listingMain()
	report := os.Getenv("LISTINGS_AT_EXIT")
	if report == "" || len(zzListingsGoroutinesLeft()) == 0 {
		return
	}
	// Without this wrapper the process would be gone: what its goroutines
	// print from now on must not reach the output the harness compares.
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		syscall.Dup3(int(null.Fd()), 1, 0)
		syscall.Dup3(int(null.Fd()), 2, 0)
	}
	// A listing that shows work outliving main is looked at once, at once.
	grace := 200 * time.Millisecond
	if os.Getenv("LISTINGS_AT_EXIT_DECLARED") != "" {
		grace = 0
	}
	for deadline := time.Now().Add(grace); len(zzListingsGoroutinesLeft()) > 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if left := zzListingsGoroutinesLeft(); len(left) > 0 {
		text := fmt.Sprintf("%d goroutine(s) still running at exit:\n\n%s\n", len(left), strings.Join(left, "\n\n"))
		os.WriteFile(report, []byte(text), 0o644)
	}
}

// zzListingsGoroutinesLeft returns the stacks of the goroutines still running, but
// this one (the first runtime.Stack reports), os/signal's own, which
// signal.Notify starts and which lives as long as the process, and the
// runtime's finalizer and cleanup goroutine, which runtime.Stack shows only
// while it runs one (closing a file the program dropped, say).
func zzListingsGoroutinesLeft() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for i, g := range strings.Split(strings.TrimSpace(string(buf)), "\n\n") {
		runtimes := strings.Contains(g, "os/signal.loop") ||
			strings.Contains(g, "runtime.runFinalizers") || strings.Contains(g, "runtime.runCleanups")
		if i > 0 && !runtimes {
			left = append(left, g)
		}
	}
	return left
}
"#;

/// Writes the overlay (`go build -overlay FILE`) that gives each Go listing
/// [`GO_AT_EXIT`], and returns its path.
fn at_exit_overlay(inventory: &Inventory, dir: &Path) -> Result<PathBuf, String> {
    let io = |e: std::io::Error| format!("{}: {e}", dir.display());
    fs::create_dir_all(dir).map_err(io)?;
    let wrapper = dir.join("zz_listings_at_exit.go");
    fs::write(&wrapper, GO_AT_EXIT).map_err(io)?;
    let mut replace = Vec::new();
    for listing in inventory.of(Kind::Go).filter(|l| l.output.exit == 0) {
        let source = inventory.root.join(&listing.source);
        let text = fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
        // The same lines, so that every position the runtime reports is the file's.
        let renamed = text.replacen("\nfunc main() {", "\nfunc listingMain() {", 1);
        if renamed == text {
            return Err(format!("{}: no `func main() {{` line", source.display()));
        }
        let copy = dir.join(format!("{}.go", listing.name));
        fs::write(&copy, renamed).map_err(io)?;
        let package = source.parent().unwrap();
        replace.push(format!(
            "{:?}: {:?}",
            source.display().to_string(),
            copy.display().to_string()
        ));
        let added = package.join("zz_listings_at_exit.go");
        replace.push(format!(
            "{:?}: {:?}",
            added.display().to_string(),
            wrapper.display().to_string()
        ));
    }
    let overlay = dir.join("overlay.json");
    let json = format!("{{\"Replace\": {{\n{}\n}}}}\n", replace.join(",\n"));
    fs::write(&overlay, json).map_err(io)?;
    Ok(overlay)
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
        Ok(built) if built.success() => {}
        Ok(_) => return Err("`cargo build --examples` failed".into()),
        Err(e) => return Err(format!("cannot run cargo: {e}")),
    }
    // The library each Rust listing runs with, to see what it leaves running.
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build
        .args(["build", "--quiet", "--package", "at-exit"])
        .current_dir(root);
    match supervise::run_inherited(build, &limits) {
        Ok(built) if built.success() => Ok(()),
        Ok(_) => Err("`cargo build --package at-exit` failed".into()),
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
    /// `libat_exit.so`, preloaded into Rust listings to see the threads
    /// still running at exit (Go listings are built with a check of their
    /// own; see `go_listings`).
    preload: Option<PathBuf>,
    /// How long each listing ran, for the summary of the slowest.
    times: Arc<Mutex<Vec<(Duration, String)>>>,
}

/// Recording runs a listing this many times, and refuses output that
/// changes between them. Some changes are rare (a small Go map's order
/// changes in about one run in four): a later comparison that fails gives
/// the same advice.
const RECORDING_RUNS: usize = 5;

/// What one run printed, once it ended as it should.
struct Ran {
    stdout: String,
    stderr: String,
    /// It ended with another exit status than it declares.
    exit_problem: Option<String>,
}

impl Run {
    fn check(
        &self,
        root: &Path,
        listing: &Listing,
        exe: &Path,
        limits: &Limits,
    ) -> Result<(), Failed> {
        let ran = self.run(root, listing, exe, limits)?;
        let stdout = root.join(listing.stdout_path());
        let stderr = root.join(listing.stderr_path());
        if self.overwrite {
            // Everything that keeps it from being recorded, in one message.
            let mut refusals: Vec<String> = ran.exit_problem.iter().cloned().collect();
            'runs: for _ in 1..RECORDING_RUNS {
                let again = self.run(root, listing, exe, limits)?;
                for (what, first, then) in [
                    ("stdout", &ran.stdout, &again.stdout),
                    ("stderr", &ran.stderr, &again.stderr),
                ] {
                    if let Some(varies) = inventory::advice::between(&listing.output, first, then) {
                        refusals.push(format!(
                            "{}: not recorded: two runs wrote different {what}:\n{}\n\
                             {}: {}",
                            listing.id(),
                            diff(first, then, "one run", "another run"),
                            top_of(&root.join(&listing.source)),
                            varies.advice()
                        ));
                        break 'runs;
                    }
                }
            }
            if !refusals.is_empty() {
                return Err(refusals.join("\n\nAnd: ").into());
            }
            // What still matches its recording under the listing's rule is
            // left as it is: a new time in a `varies` spot is no change.
            for (path, text) in [(&stdout, &ran.stdout), (&stderr, &ran.stderr)] {
                let old = fs::read_to_string(path).ok();
                let same = old.as_deref().is_some_and(|old| {
                    inventory::advice::between(&listing.output, old, text).is_none()
                });
                if text.is_empty() && path == &stderr {
                    let _ = fs::remove_file(path);
                } else if !same {
                    fs::write(path, text)?;
                }
            }
            return Ok(());
        }
        if let Some(problem) = ran.exit_problem {
            return Err(problem.into());
        }
        let recorded_stdout = read_recorded(listing, &stdout)?;
        let recorded_stderr = if stderr.exists() || !ran.stderr.is_empty() {
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
                    top_of(&root.join(&listing.source))
                )
                .into());
            }
        }
        let cpus = self.cpus_note();
        compare(root, listing, &stdout, &recorded_stdout, &ran.stdout, &cpus)?;
        if let Some(recorded) = recorded_stderr {
            compare(root, listing, &stderr, &recorded, &ran.stderr, &cpus)?;
        }
        Ok(())
    }

    fn cpus_note(&self) -> String {
        match self.cpus {
            Cpus::Machine => String::new(),
            _ => format!(" ({})", self.cpus.describe()),
        }
    }

    /// Runs the listing once and checks how it ended: in time, within its
    /// limits, with its declared exit status, with nothing left running.
    fn run(
        &self,
        root: &Path,
        listing: &Listing,
        exe: &Path,
        limits: &Limits,
    ) -> Result<Ran, Failed> {
        let name = &listing.id();
        let source = root.join(&listing.source);
        let mut command = Command::new(exe);
        // The recorded panic messages must not depend on the caller's shell.
        command.env_remove("RUST_BACKTRACE");
        self.cpus.apply(&mut command);
        let report = at_exit_report(name);
        let _ = fs::remove_file(&report);
        command.env("LISTINGS_AT_EXIT", &report);
        if listing.output.still_running {
            command.env("LISTINGS_AT_EXIT_DECLARED", "1");
        }
        if let (Some(preload), Kind::Rust) = (&self.preload, listing.kind) {
            command.env("LD_PRELOAD", preload);
            command.env(
                "LISTINGS_AT_EXIT_ALLOW",
                self.rayon_threads(&source).to_string(),
            );
        }
        let run = supervise::run(command, limits).map_err(|e| format!("{name}: {e}"))?;
        self.times.lock().unwrap().push((run.elapsed, name.clone()));
        let cpus = self.cpus_note();
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
        let declared = listing.output.exit;
        // Told after the other checks, so that a recording can add what else
        // it found (output that varies) to the same message.
        let exit_problem = match run.status.code() {
            Some(code) if code == declared => None,
            Some(code) if declared == 0 => Some(format!(
                "{name} exited with status {code}{cpus}. stderr:\n{}\n\
                 {}: if ending so is what it shows (a panic in main exits with 101 in Rust, \
                 2 in Go), declare it at the top of the listing: `// exit: {code}`; \
                 otherwise fix the listing",
                run.stderr,
                top_of(&source)
            )),
            code => {
                let code = code.map_or_else(|| format!("{}", run.status), |c| c.to_string());
                Some(format!(
                    "{name} exited with status {code}{cpus}, but declares `// exit: {declared}`. \
                     stderr:\n{}\n{}: fix the listing or its `// exit:` line",
                    run.stderr,
                    top_of(&source)
                ))
            }
        };
        let left = fs::read_to_string(&report).ok();
        let _ = fs::remove_file(&report);
        match (left, listing.output.still_running) {
            (Some(left), false) => {
                return Err(format!(
                    "{name} left work running when main returned{cpus}: {left}\n\
                     {}: end what the listing starts (join its threads, wait for its goroutines, \
                     cancel its tasks); if outliving main is what it shows, declare it at the top: \
                     `// at-exit: still-running`",
                    top_of(&source)
                )
                .into());
            }
            (None, true) if declared == 0 && self.sees_at_exit(listing) => {
                return Err(format!(
                    "{}: declares `// at-exit: still-running`, but nothing it started was \
                     running when main returned{cpus}: remove the line",
                    top_of(&source)
                )
                .into());
            }
            _ => {}
        }
        if run.elapsed > BUDGET {
            return Err(format!(
                "{name} took {:.1} s{cpus}; a listing must finish in under {} s in a debug build",
                run.elapsed.as_secs_f64(),
                BUDGET.as_secs()
            )
            .into());
        }
        Ok(Ran {
            stdout: run.stdout,
            stderr: run.stderr,
            exit_problem,
        })
    }

    /// Whether this run can see what a listing leaves running at exit.
    fn sees_at_exit(&self, listing: &Listing) -> bool {
        match listing.kind {
            Kind::Rust => self.preload.is_some(),
            _ => true,
        }
    }

    /// Threads rayon's global pool may keep after main returns: one per CPU
    /// the listing sees, if it uses rayon.
    fn rayon_threads(&self, source: &Path) -> usize {
        let uses_rayon = fs::read_to_string(source).is_ok_and(|s| s.contains("rayon"));
        if !uses_rayon {
            return 0;
        }
        match &self.cpus {
            Cpus::Simulated(n) => *n,
            Cpus::Kept(kept) => kept.len(),
            Cpus::Machine => supervise::cpus::allowed().map_or(1, |cpus| cpus.len()),
        }
    }
}

/// Where a directive goes: the first line of the listing's file.
fn top_of(source: &Path) -> String {
    format!("{}:1", source.display())
}

/// Where a run of listing `name` reports what it left running.
fn at_exit_report(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "listings-at-exit-{}-{}",
        std::process::id(),
        name.replace('/', "-")
    ))
}

fn diff(first: &str, then: &str, first_name: &str, then_name: &str) -> String {
    similar::TextDiff::from_lines(first, then)
        .unified_diff()
        .header(first_name, then_name)
        .to_string()
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
    root: &Path,
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
    let diff = diff(&want, &got, &format!("{shown} (recorded)"), "actual run");
    // Values or order alone changed: the likelier cause is a listing whose
    // output varies from run to run, which bless (which runs it several
    // times) may not have seen.
    let varies = inventory::advice::between(&listing.output, expected, actual)
        .map(|varies| varies.advice())
        .unwrap_or_default();
    Err(format!(
        "{} printed something else than its page shows{}{cpus}:\n{diff}\n\
         If the program changed and this is its new output, record it with \
         `cargo xtask bless {}`. If it printed the recorded output before, its output \
         varies; {}: {varies}",
        listing.id(),
        if listing.output.any_order {
            " (lines sorted: its order may vary)"
        } else {
            ""
        },
        listing.id(),
        top_of(&root.join(&listing.source)),
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

/// The checkout this harness runs in, read at run time, so that a copy of
/// the checkout (with its `target/`) checks and records only itself.
fn root() -> PathBuf {
    inventory::harness_root()
}
