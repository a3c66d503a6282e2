//! Listings that must not compile, each checked against the compiler error
//! its page shows (`examples/compile-fail/NAME.stderr`).
//!
//! trybuild compiles them, in a child process that this harness starts and
//! supervises: trybuild, with `TRYBUILD=overwrite`, writes each error beside
//! a staged copy of the listing in `target/tmp/`, and never touches
//! `examples/`. This harness then compares each error with the recorded one,
//! both in their canonical form ([`canonical`]): what rustc prints the same
//! on every machine. The recorded files hold that form, so the page shows it.
//!
//! rustc prints excerpts of the standard library's source under a
//! `--> $RUST/...` location only when the `rust-src` component is installed;
//! the canonical form leaves them out. The errors are also tied to the rustc
//! that printed them, whose version is recorded in `rustc-version.txt`; on
//! another version a mismatch says so in one line.
//!
//! `LISTINGS=overwrite` (or `cargo xtask bless`) records the errors.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

use inventory::{Inventory, Kind};
use libtest_mimic::{Arguments, Failed, Trial};

const DIR: &str = inventory::COMPILE_FAIL;
const VERSION_FILE: &str = "examples/compile-fail/rustc-version.txt";
/// Set in the child process, which runs trybuild on the staged listings.
const CHILD: &str = "COMPILE_FAIL_TRYBUILD_GLOB";

fn main() -> ExitCode {
    if let Ok(glob) = std::env::var(CHILD) {
        // Panics, so exits non-zero, if a listing compiled.
        trybuild::TestCases::new().compile_fail(glob);
        return ExitCode::SUCCESS;
    }
    let args = Arguments::from_args();
    let root = &root();
    match trials(root, &args) {
        Ok((trials, recording)) => {
            let conclusion = libtest_mimic::run(&args, trials);
            let _ = fs::remove_dir_all(staging());
            // The errors are recorded: so is the compiler that printed them.
            if let Some(version) = recording.filter(|_| !conclusion.has_failed())
                && let Err(e) = fs::write(root.join(VERSION_FILE), format!("{version}\n"))
            {
                eprintln!("error: {VERSION_FILE}: {e}");
                return ExitCode::FAILURE;
            }
            conclusion.exit_code()
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The trials, and, when recording, the version of the rustc they record.
fn trials(root: &Path, args: &Arguments) -> Result<(Vec<Trial>, Option<String>), String> {
    let mut names = listings(root)?;
    // Compile only what the filter selects: `cargo xtask test NAME` stays quick.
    if let Some(filter) = &args.filter {
        names.retain(|n| {
            if args.exact {
                n == filter
            } else {
                n.contains(filter)
            }
        });
    }
    let record = std::env::var("LISTINGS").is_ok_and(|v| v == "overwrite");
    let running = rustc_version()?;
    let recorded = fs::read_to_string(root.join(VERSION_FILE))
        .map(|v| v.trim().to_owned())
        .ok();
    if record && !names.is_empty() {
        let all = listings(root)?.len() == names.len();
        if !all && recorded.as_deref() != Some(&running) {
            return Err(format!(
                "the errors were recorded with {}; this is {running}. \
                 Record them all with one compiler: `cargo xtask bless` without a NAME",
                recorded.as_deref().unwrap_or("no known rustc")
            ));
        }
    }
    let compiled = if names.is_empty() {
        None
    } else {
        Some(compile(root, &names)?)
    };
    let recording = (record && compiled.is_some()).then(|| running.clone());
    let versions = Versions { running, recorded };
    let mut trials: Vec<Trial> = names
        .into_iter()
        .map(|name| {
            let (compiled, versions) = (compiled.clone(), versions.clone());
            let root = root.to_path_buf();
            Trial::test(name.clone(), move || {
                check(&root, &name, &compiled.unwrap(), &versions, record)
            })
        })
        .collect();
    trials.extend(self_tests());
    Ok((trials, recording))
}

/// The compile-fail listings, by name, from the book's one inventory
/// (which fails on a missing or empty folder).
fn listings(root: &Path) -> Result<Vec<String>, String> {
    let inventory = Inventory::scan(root).map_err(|e| e.to_string())?;
    Ok(inventory
        .of(Kind::CompileFail)
        .map(|l| l.name.clone())
        .collect())
}

/// What trybuild left: the staged directory, with `NAME.stderr` beside each
/// listing that failed to compile, and what trybuild printed.
#[derive(Clone)]
struct Compiled {
    staged: PathBuf,
    /// The staged directory as trybuild writes it: relative to the package
    /// (`$DIR`) when it is inside it, else absolute (`CARGO_TARGET_DIR`
    /// elsewhere).
    inside: Option<String>,
    absolute: String,
    report: String,
}

impl Compiled {
    /// The error as trybuild writes it for a listing in `examples/compile-fail`:
    /// its location lines (`-->`, `:::`) relative to the package, and its
    /// paths in the text (a closure's type, say) under `$DIR`.
    fn as_if_in_place(&self, text: &str) -> String {
        let (location, in_text) = (format!("{DIR}/"), format!("$DIR/{DIR}/"));
        let mut lines = String::new();
        for line in text.lines() {
            let trimmed = line.trim_start();
            let mut line = line.to_owned();
            if trimmed.starts_with("--> ") || trimmed.starts_with("::: ") {
                line = line.replace(&self.absolute, &location);
                if let Some(inside) = &self.inside {
                    line = line.replace(inside, &location);
                }
            } else {
                if let Some(inside) = &self.inside {
                    line = line.replace(&format!("$DIR/{inside}"), &in_text);
                }
                line = line.replace(&self.absolute, &in_text);
            }
            lines.push_str(&line);
            lines.push('\n');
        }
        lines
    }
}

fn compile(root: &Path, names: &[String]) -> Result<Compiled, String> {
    let staged = staging();
    let _ = fs::remove_dir_all(&staged);
    fs::create_dir_all(&staged).map_err(|e| format!("{}: {e}", staged.display()))?;
    for name in names {
        let from = root.join(DIR).join(format!("{name}.rs"));
        fs::copy(&from, staged.join(format!("{name}.rs")))
            .map_err(|e| format!("{}: {e}", from.display()))?;
    }
    let mut child = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
    child
        .env(CHILD, staged.join("*.rs"))
        .env("TRYBUILD", "overwrite")
        .env_remove("RUST_BACKTRACE");
    // trybuild first builds the listings' dependencies, once, in its own target dir.
    let limits = supervise::Limits {
        time: Duration::from_secs(1200),
        output_bytes: 4 << 20,
        memory_bytes: None,
        tasks: None,
    };
    let ran = supervise::run(child, &limits).map_err(|e| format!("cannot run trybuild: {e}"))?;
    if let Some(stop) = ran.stopped {
        return Err(format!("trybuild {}", stop.describe(&limits)));
    }
    Ok(Compiled {
        inside: staged
            .strip_prefix(root)
            .ok()
            .map(|p| format!("{}/", p.display())),
        absolute: format!("{}/", staged.display()),
        staged,
        report: ran.stdout + &ran.stderr,
    })
}

/// Where this run's copies of the listings are compiled.
fn staging() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("compile-fail")
        .join(std::process::id().to_string())
}

#[derive(Clone)]
struct Versions {
    running: String,
    recorded: Option<String>,
}

fn rustc_version() -> Result<String, String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let output = Command::new(&rustc)
        .arg("-V")
        .output()
        .map_err(|e| format!("cannot run `{rustc} -V`: {e}"))?;
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if !output.status.success() || !version.starts_with("rustc ") {
        return Err(format!("`{rustc} -V` said `{version}` ({})", output.status));
    }
    Ok(version)
}

fn check(
    root: &Path,
    name: &str,
    compiled: &Compiled,
    versions: &Versions,
    record: bool,
) -> Result<(), Failed> {
    let Ok(actual) = fs::read_to_string(compiled.staged.join(format!("{name}.stderr"))) else {
        return Err(format!(
            "{name} compiled, or trybuild could not build it; a compile-fail listing \
             must fail to compile. trybuild said:\n{}",
            compiled.report
        )
        .into());
    };
    let actual = canonical(&compiled.as_if_in_place(&actual));
    let path = root.join(DIR).join(format!("{name}.stderr"));
    if record {
        fs::write(&path, &actual)?;
        return Ok(());
    }
    let Ok(recorded) = fs::read_to_string(&path) else {
        return Err(format!(
            "{DIR}/{name}.stderr is missing: record the compiler's error with `cargo xtask bless {name}`"
        )
        .into());
    };
    compare(name, &recorded, &actual, versions).map_err(Failed::from)
}

/// Compares a recorded error with rustc's, both in their canonical form. On
/// another rustc than the one that recorded it, a difference is one line
/// that says what to do, not a diff.
fn compare(name: &str, recorded: &str, actual: &str, versions: &Versions) -> Result<(), String> {
    let (recorded, actual) = (canonical(recorded), canonical(actual));
    if recorded == actual {
        return Ok(());
    }
    match &versions.recorded {
        Some(was) if *was != versions.running => Err(format!(
            "{name}: rustc's error differs from the page's, which {was} recorded; this is {}. \
             Run the tests with that version (`cargo +{} xtask test`), or record this one's \
             errors with `cargo xtask bless` and review `git diff {DIR}`.",
            versions.running,
            was.split(' ').nth(1).unwrap_or(was),
        )),
        None => Err(format!(
            "{VERSION_FILE} is missing: record the errors, and the rustc that printed them, \
             with `cargo xtask bless`"
        )),
        Some(_) => {
            let diff = similar::TextDiff::from_lines(&recorded, &actual)
                .unified_diff()
                .header(&format!("{DIR}/{name}.stderr (recorded)"), "rustc now")
                .to_string();
            Err(format!(
                "{name}: the compiler says something else than its page shows:\n{diff}\n\
                 If the new error is right, record it with `cargo xtask bless {name}`."
            ))
        }
    }
}

/// rustc's error in the form every machine prints: trybuild's normalised
/// output (paths as `$DIR` and `$RUST`, no line numbers outside the listing)
/// without the lines of the standard library's source that rustc quotes
/// under a `$RUST/...` location only when `rust-src` is installed.
fn canonical(stderr: &str) -> String {
    let mut kept = String::new();
    let mut in_std_source = false;
    for line in stderr.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("--> $RUST/") || trimmed.starts_with("::: $RUST/") {
            in_std_source = true;
        } else if in_std_source && is_source_excerpt(trimmed) {
            continue;
        } else {
            in_std_source = false;
        }
        kept.push_str(line.trim_end());
        kept.push('\n');
    }
    kept
}

/// ` | code`, `123 | code`, a bare `|`, or the `...` that elides lines.
fn is_source_excerpt(trimmed: &str) -> bool {
    let after_number = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    after_number.trim_start().starts_with('|') || trimmed == "..."
}

/// The normaliser's own tests, on a real error as rustc 1.95.0 printed it
/// with `rust-src` installed and without (`tests/fixtures/`).
fn self_tests() -> Vec<Trial> {
    const WITH: &str = include_str!("fixtures/rc-sent-to-a-thread.with-rust-src.stderr");
    const WITHOUT: &str = include_str!("fixtures/rc-sent-to-a-thread.without-rust-src.stderr");
    let same = Versions {
        running: "rustc 1.95.0 (59807616e 2026-04-14)".into(),
        recorded: Some("rustc 1.95.0 (59807616e 2026-04-14)".into()),
    };
    let newer = Versions {
        running: "rustc 1.96.0 (0123456789 2026-05-28)".into(),
        ..same.clone()
    };
    let outcome = |recorded: &str, actual: &str, versions: &Versions| {
        compare("ch02-02-rc-sent-to-a-thread", recorded, actual, versions)
    };
    let (v1, v2) = (same.clone(), same.clone());
    vec![
        Trial::test(
            "self-test: an error compares equal with and without rust-src",
            move || {
                if WITH == WITHOUT || !WITH.contains("pub fn spawn") {
                    return Err("the fixtures should be the two forms of one error".into());
                }
                outcome(WITH, WITHOUT, &v1)?;
                outcome(WITHOUT, WITH, &v1)?;
                Ok(())
            },
        ),
        Trial::test("self-test: a different error still fails", move || {
            let changed = [
                WITHOUT.replace("Rc<Vec<i32>>", "Cell<i32>"),
                WITH.replace("clone.len()", "clone.len() + 1"),
                WITH.replace("thread/functions.rs", "thread/mod.rs"),
            ];
            for actual in &changed {
                let Err(e) = outcome(WITH, actual, &v2) else {
                    return Err(format!("compares equal, but differs:\n{actual}").into());
                };
                if !e.contains("the compiler says something else") {
                    return Err(format!("not a diff: {e}").into());
                }
            }
            Ok(())
        }),
        Trial::test(
            "self-test: on another rustc a difference is one line naming both versions",
            move || {
                let actual = WITHOUT.replace("Rc<Vec<i32>>", "Cell<i32>");
                let e = outcome(WITH, &actual, &newer).unwrap_err();
                let says = [
                    "rustc 1.95.0 (59807616e",
                    "rustc 1.96.0",
                    "cargo +1.95.0",
                    "bless",
                ];
                if e.lines().count() == 1 && says.iter().all(|s| e.contains(s)) {
                    Ok(())
                } else {
                    Err(format!("not one clear line: {e}").into())
                }
            },
        ),
    ]
}

/// The checkout this harness runs in: `cargo test` sets `CARGO_MANIFEST_DIR`
/// when it runs it. Read at run time, never compiled in, so that a copy of
/// the checkout (with its `target/`) checks and records only itself.
fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .expect("run by `cargo test`, which sets CARGO_MANIFEST_DIR")
}
