//! The exercises (`examples/exercises/NAME/`), proven both ways on every
//! run: the starter compiles and its tests **fail** (a starter that passes
//! is no exercise), and the solution passes the very same tests. Both are
//! built as the playground and the local runner build them (`rustc --test`
//! against the book's crates, `runner::Rustc`) and run under the runner's
//! limits, so "Run tests" on the page behaves as here.
//!
//! `cargo xtask exercise NAME` copies a starter into a Cargo project the
//! reader owns and runs its tests there; it never overwrites their work.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use anyhow::{Context, Result, bail};
use inventory::{Exercise, Inventory};
use supervise::Stop;

use crate::crates;
use crate::runner::{Compiler, Rustc};

/// What the tests printed, in libtest's words.
const FAILED: &str = "test result: FAILED.";
const PASSED: &str = "test result: ok.";

/// Proves every exercise whose name contains `filter`; returns how many.
pub fn prove(root: &Path, filter: &str) -> Result<usize> {
    let inventory = Inventory::scan(root)?;
    let chosen: Vec<&Exercise> = inventory
        .exercises
        .iter()
        .filter(|e| e.name.contains(filter))
        .collect();
    if chosen.is_empty() {
        return Ok(0);
    }
    let rustc = Rustc::from_project(root)?;
    // Four at a time: most of a proof is waiting (for rustc, or for a
    // starter's test to give up on a hang after a second).
    let next = AtomicUsize::new(0);
    let mut outcomes: Vec<(usize, Result<()>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let n = next.fetch_add(1, Relaxed);
                        let Some(exercise) = chosen.get(n) else {
                            break done;
                        };
                        done.push((n, prove_one(root, &rustc, exercise)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    outcomes.sort_by_key(|(n, _)| *n);
    let mut failures = Vec::new();
    for (n, outcome) in outcomes {
        let name = &chosen[n].name;
        match outcome {
            Ok(()) => eprintln!("exercise {name}: the starter fails, the solution passes"),
            Err(e) => {
                eprintln!("exercise {name}: FAILED: {e:#}");
                failures.push(name.clone());
            }
        }
    }
    if !failures.is_empty() {
        bail!(
            "{} exercise(s) do not hold: {}",
            failures.len(),
            failures.join(", ")
        );
    }
    Ok(chosen.len())
}

fn prove_one(root: &Path, rustc: &Rustc, exercise: &Exercise) -> Result<()> {
    let (starter, solution) = (root.join(&exercise.starter), root.join(&exercise.solution));
    let (starter_tests, solution_tests) = (tests_of(&starter)?, tests_of(&solution)?);
    if starter_tests != solution_tests {
        bail!(
            "the tests (between `// ANCHOR: tests` and `// ANCHOR_END: tests`) differ \
             between starter.rs and solution.rs: one definition of success, copied to both"
        );
    }
    let dir = root.join("target/exercises").join(&exercise.name);
    let starter_run = run_tests(rustc, &starter, &dir.join("starter"))?;
    if !starter_run.contains(FAILED) {
        bail!(
            "the starter's tests pass, so there is nothing to do: make the starter \
             miss what the exercise asks for. They printed:\n{starter_run}"
        );
    }
    let solution_run = run_tests(rustc, &solution, &dir.join("solution"))?;
    if !solution_run.contains(PASSED) {
        bail!("the solution does not pass its tests. They printed:\n{solution_run}");
    }
    Ok(())
}

/// The text of the tests module, which the two files share.
fn tests_of(path: &Path) -> Result<String> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let start = text
        .find("// ANCHOR: tests")
        .with_context(|| format!("{}: no `// ANCHOR: tests` before the tests", path.display()))?;
    let end = text[start..]
        .find("// ANCHOR_END: tests")
        .with_context(|| format!("{}: no `// ANCHOR_END: tests`", path.display()))?;
    Ok(text[start..start + end].to_owned())
}

/// Builds `source` as its test harness into `exe` and runs it under the
/// runner's limits; returns what it printed. A test that hangs is a broken
/// exercise: its tests must detect a deadlock with a timeout.
fn run_tests(rustc: &Rustc, source: &Path, exe: &Path) -> Result<String> {
    fs::create_dir_all(exe.parent().unwrap())?;
    let limits = supervise::Limits {
        time: std::time::Duration::from_secs(120),
        memory_bytes: None,
        tasks: None,
        ..supervise::RUN_LIMITS
    };
    // Rebuilt only when the source or the compiler's command changed (the
    // command names each dependency's rlib, so a new Cargo.lock counts).
    let compile = rustc.command(source, "2024", true, exe);
    let key = format!("{compile:?}\n{}", fs::read_to_string(source)?);
    let stamp = exe.with_extension("built-from");
    if !exe.exists() || fs::read_to_string(&stamp).ok().as_deref() != Some(key.as_str()) {
        let built = supervise::run(compile, &limits)?;
        if !built.success() {
            let _ = fs::remove_file(&stamp);
            bail!("{} does not compile:\n{}", source.display(), built.stderr);
        }
        fs::write(&stamp, &key)?;
    }
    let run = supervise::run(Command::new(exe), &supervise::RUN_LIMITS)?;
    if let Some(stop) = run.stopped {
        let hung = if stop == Stop::Time {
            "; a test must detect a hang with a timeout, never hang"
        } else {
            ""
        };
        bail!("its tests {}{hung}", stop.describe(&supervise::RUN_LIMITS));
    }
    Ok(format!("{}{}", run.stdout, run.stderr))
}

/// `cargo xtask exercise NAME [--dir DIR]`: the starter as a Cargo project
/// in `DIR` (by default `~/go-concurrency-in-rust-exercises/NAME`), with the
/// book's crates at their tested versions, then its tests. A project that
/// is already there is the reader's work: it is tested, never overwritten.
pub fn start(root: &Path, name: &str, dir: Option<&Path>) -> Result<()> {
    let inventory = Inventory::scan(root)?;
    let exercise = inventory
        .exercises
        .iter()
        .find(|e| e.name == name)
        .with_context(|| {
            let names: Vec<&str> = inventory
                .exercises
                .iter()
                .map(|e| e.name.as_str())
                .collect();
            format!("no exercise `{name}`; there are: {}", names.join(", "))
        })?;
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => home()?.join("go-concurrency-in-rust-exercises").join(name),
    };
    if create_project(root, exercise, &dir)? {
        eprintln!(
            "xtask: your copy of {name} is {}; edit src/main.rs there",
            dir.display()
        );
    } else {
        eprintln!(
            "xtask: {} already holds your work on {name}; testing it",
            dir.display()
        );
    }
    let status = Command::new("cargo")
        .args(["test", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .status()?;
    if status.success() {
        eprintln!(
            "xtask: {name} solved; compare with {}",
            exercise.solution.display()
        );
    }
    Ok(())
}

/// Writes the project unless `dir` exists; returns whether it wrote it.
fn create_project(root: &Path, exercise: &Exercise, dir: &Path) -> Result<bool> {
    if dir.exists() {
        return Ok(false);
    }
    let mut manifest = format!(
        "[package]\nname = \"{}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # The versions `cargo xtask test` proves the exercise with.\n[dependencies]\n",
        exercise.name
    );
    for krate in crates::of_project(root)? {
        let features = krate
            .features
            .iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>();
        manifest += &format!(
            "{} = {{ version = \"={}\", features = [{}] }}\n",
            krate.package,
            krate.version,
            features.join(", ")
        );
    }
    // Its own workspace, wherever it is.
    manifest += "\n[workspace]\n";
    fs::create_dir_all(dir.join("src"))?;
    fs::write(dir.join("Cargo.toml"), manifest)?;
    fs::copy(root.join(&exercise.starter), dir.join("src/main.rs"))?;
    Ok(true)
}

fn home() -> Result<PathBuf> {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .context("HOME is not set: pass --dir DIR")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_work_is_never_overwritten() {
        let sh = xshell::Shell::new().unwrap();
        let dir = sh.create_temp_dir().unwrap();
        let work = dir.path().join("mine");
        fs::create_dir_all(work.join("src")).unwrap();
        fs::write(work.join("src/main.rs"), "my work").unwrap();
        let exercise = Exercise {
            name: "ch01-x".into(),
            starter: "missing.rs".into(),
            solution: "missing.rs".into(),
            hints: "missing.md".into(),
            practises: Vec::new(),
            level: "warm-up".into(),
        };
        assert!(!create_project(dir.path(), &exercise, &work).unwrap());
        assert_eq!(
            fs::read_to_string(work.join("src/main.rs")).unwrap(),
            "my work"
        );
    }
}
