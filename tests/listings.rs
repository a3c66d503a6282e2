//! Runs every listing in `examples/` and checks what it prints against the
//! output recorded beside it: `examples/NAME.stdout` (the file its page
//! includes) and, when the listing writes to stderr, `examples/NAME.stderr`.
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
//! A listing that runs for more than 2 s fails; one still running at 10 s is
//! killed, and the failure names it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};
use regex::Regex;
use wait_timeout::ChildExt;

/// How long a listing may run, and when a hanging one is killed.
#[derive(Clone, Copy)]
struct Limits {
    time: Duration,
    kill_after: Duration,
}

const LIMITS: Limits = Limits {
    time: Duration::from_secs(2),
    kill_after: Duration::from_secs(10),
};

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listings = match discover(&root.join("examples")) {
        Ok(listings) => listings,
        Err(e) => {
            eprintln!("error: cannot read the listings: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = build_examples(root) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let exe_dir = examples_dir();
    let overwrite = std::env::var("LISTINGS").is_ok_and(|v| v == "overwrite");
    let mut trials: Vec<Trial> = listings
        .into_iter()
        .map(|listing| {
            let exe = exe_dir.join(format!("{}{}", listing.name, std::env::consts::EXE_SUFFIX));
            Trial::test(listing.name.clone(), move || {
                check(&listing, &exe, overwrite, LIMITS)
            })
        })
        .collect();
    trials.extend(go_trials(root, &exe_dir, overwrite));
    trials.push(Trial::test(
        "self-test: a hanging listing is killed and named",
        hang_is_killed,
    ));
    let conclusion = libtest_mimic::run(&args, trials);
    if conclusion.has_failed() {
        eprintln!(
            "rerun one listing with `cargo xtask test NAME`; record new output with `cargo xtask bless NAME`"
        );
    }
    conclusion.exit_code()
}

/// The harness's own check of its kill switch, on a program that never ends
/// (with a 1 s limit, so that the suite stays fast).
fn hang_is_killed() -> Result<(), Failed> {
    let script = std::env::temp_dir().join(format!("listings-hang-{}.sh", std::process::id()));
    fs::write(&script, "#!/bin/sh\nexec sleep 30\n")?;
    fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))?;
    let listing = Listing {
        name: "fixture-hang".into(),
        source: script.with_extension("rs"),
        any_order: false,
        varies: Vec::new(),
    };
    let limits = Limits {
        time: Duration::from_millis(500),
        kill_after: Duration::from_secs(1),
    };
    let start = Instant::now();
    let outcome = check(&listing, &script, false, limits);
    let _ = fs::remove_file(&script);
    match outcome {
        Err(e)
            if e.message()
                .is_some_and(|m| m.starts_with("fixture-hang hung: killed after 1 s"))
                && start.elapsed() < Duration::from_secs(5) =>
        {
            Ok(())
        }
        other => Err(format!("expected the hang to be killed and named, got {other:?}").into()),
    }
}

struct Listing {
    name: String,
    source: PathBuf,
    any_order: bool,
    varies: Vec<Regex>,
}

fn discover(dir: &Path) -> Result<Vec<Listing>, String> {
    let mut listings = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        listings.push(listing(name, path)?);
    }
    listings.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(listings)
}

/// A listing and the `// output:` directives at the top of its source.
fn listing(name: String, path: PathBuf) -> Result<Listing, String> {
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut listing = Listing {
        name,
        source: path.clone(),
        any_order: false,
        varies: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let Some(directive) = line.trim().strip_prefix("// output:") else {
            continue;
        };
        let at = format!("{}:{}", path.display(), n + 1);
        match directive.trim().split_once(' ') {
            None if directive.trim() == "any-order" => listing.any_order = true,
            Some(("varies", re)) => listing
                .varies
                .push(Regex::new(re.trim()).map_err(|e| format!("{at}: {e}"))?),
            _ => {
                return Err(format!(
                    "{at}: unknown directive `{line}`; \
                     write `// output: any-order` or `// output: varies REGEX`"
                ));
            }
        }
    }
    Ok(listing)
}

/// The Go listings: `examples/go/NAME/main.go`, each a `main` package of the
/// module in `examples/go`, built with `go build` and checked like the Rust
/// ones (their output is `examples/go/NAME/main.stdout`). Without `go`, they
/// are skipped with a notice, except in CI, where that is a failure.
fn go_trials(root: &Path, exe_dir: &Path, overwrite: bool) -> Vec<Trial> {
    let module = root.join("examples/go");
    let Ok(entries) = fs::read_dir(&module) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().join("main.go").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let bin = exe_dir.parent().unwrap().join("go-listings");
    // With several packages, `go build -o` needs an existing directory.
    let _ = fs::create_dir_all(&bin);
    let built = Command::new("go")
        .args(["build", "-o"])
        .arg(format!("{}/", bin.display()))
        .arg("./...")
        .current_dir(&module)
        .status();
    let missing = match built {
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            Some("`go` is not installed; CI needs Go 1.26")
        }
        Err(_) => {
            eprintln!("SKIPPED the Go listings: `go` is not installed (Go 1.26 runs them)");
            None
        }
        Ok(status) if !status.success() => Some("`go build ./...` in examples/go failed"),
        Ok(_) => None,
    };
    let have_go = built.is_ok();
    names
        .into_iter()
        .map(|name| {
            let trial_name = format!("go/{name}");
            let source = module.join(&name).join("main.go");
            let exe = bin.join(&name);
            let ignored = !have_go && missing.is_none();
            let trial = Trial::test(trial_name.clone(), move || {
                if let Some(why) = missing {
                    return Err(why.into());
                }
                check(&listing(trial_name, source)?, &exe, overwrite, LIMITS)
            });
            trial.with_ignored_flag(ignored)
        })
        .collect()
}

/// `cargo test` builds examples only as test harnesses, so the programs
/// themselves are built here (a no-op when they are up to date).
fn build_examples(root: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "--examples"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("`cargo build --examples` failed".into())
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

fn check(listing: &Listing, exe: &Path, overwrite: bool, limits: Limits) -> Result<(), Failed> {
    let run = run(exe, limits.kill_after).map_err(|e| format!("{}: {e}", listing.name))?;
    if run.killed {
        return Err(format!(
            "{} hung: killed after {} s. A listing must end by itself; \
             prove a hang with a timeout inside the listing instead.",
            listing.name,
            limits.kill_after.as_secs()
        )
        .into());
    }
    if !run.success {
        return Err(format!(
            "{} failed ({}). stderr:\n{}",
            listing.name, run.status, run.stderr
        )
        .into());
    }
    if run.elapsed > limits.time {
        return Err(format!(
            "{} took {:.1} s; a listing must finish in under {} s in a debug build",
            listing.name,
            run.elapsed.as_secs_f64(),
            limits.time.as_secs()
        )
        .into());
    }
    let stdout = listing.source.with_extension("stdout");
    let stderr = listing.source.with_extension("stderr");
    if overwrite {
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
    for re in &listing.varies {
        let recorded = [Some(&recorded_stdout), recorded_stderr.as_ref()];
        if !recorded.into_iter().flatten().any(|text| re.is_match(text)) {
            return Err(format!(
                "{}: `// output: varies {re}` matches nothing it printed; \
                 remove it or fix the pattern",
                listing.source.display()
            )
            .into());
        }
    }
    compare(listing, &stdout, &recorded_stdout, &run.stdout)?;
    if let Some(recorded) = recorded_stderr {
        compare(listing, &stderr, &recorded, &run.stderr)?;
    }
    Ok(())
}

fn read_recorded(listing: &Listing, path: &Path) -> Result<String, Failed> {
    fs::read_to_string(path).map_err(|_| {
        format!(
            "{} is missing: record it with `cargo xtask bless {}`",
            path.display(),
            listing.name
        )
        .into()
    })
}

struct Run {
    killed: bool,
    success: bool,
    status: String,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn run(exe: &Path, kill_after: Duration) -> std::io::Result<Run> {
    let start = Instant::now();
    let mut child = Command::new(exe)
        // The recorded panic messages must not depend on the caller's shell.
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let (status, killed) = match child.wait_timeout(kill_after)? {
        Some(status) => (status, false),
        None => {
            child.kill()?;
            (child.wait()?, true)
        }
    };
    let elapsed = start.elapsed();
    Ok(Run {
        killed,
        success: status.success(),
        status: status.to_string(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        elapsed,
    })
}

/// Reads a pipe on its own thread so a chatty listing cannot fill it and stall.
fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn compare(listing: &Listing, recorded: &Path, expected: &str, actual: &str) -> Result<(), Failed> {
    let shown = recorded.display();
    let mut want = normalize(listing, expected);
    let mut got = normalize(listing, actual);
    if listing.any_order {
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
        "{} printed something else than its page shows{}:\n{diff}\n\
         If the new output is right, record it with `cargo xtask bless {}`.",
        listing.name,
        if listing.any_order {
            " (lines sorted: its order may vary)"
        } else {
            ""
        },
        listing.name
    )
    .into())
}

fn normalize(listing: &Listing, text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            listing.varies.iter().fold(line.to_owned(), |line, re| {
                re.replace_all(&line, "[..]").into_owned()
            }) + "\n"
        })
        .collect()
}
