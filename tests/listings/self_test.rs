//! The harness's checks of itself: each runs a small fixture program (a
//! shell script, or a tiny Rust program built here) through the same code
//! as the listings, and asserts the message a contributor would get.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use inventory::{Kind, Listing};
use libtest_mimic::{Failed, Trial};
use supervise::Limits;

use super::{Cpus, RUST, Run};

pub fn trials(preload: Option<PathBuf>) -> Vec<Trial> {
    vec![
        Trial::test(
            "self-test: a hanging listing is killed with its children, and named",
            hang_is_killed,
        ),
        Trial::test(
            "self-test: bless refuses output that changes between runs, and names the directive",
            bless_refuses_varying_output,
        ),
        Trial::test(
            "self-test: an exit status is refused until declared, then checked",
            exit_status_is_declared,
        ),
        Trial::test(
            "self-test: a thread left running at exit is reported unless declared",
            move || thread_left_running(preload.as_deref()),
        ),
    ]
}

fn listing(name: &str, source: PathBuf) -> Listing {
    Listing {
        kind: Kind::Rust,
        name: name.into(),
        source,
        stdout: None,
        stderr: None,
        bench_txt: None,
        loom_txt: None,
        race_txt: None,
        race_expected: false,
        output: Default::default(),
        bench: None,
        loom_model: false,
        anchors: Vec::new(),
    }
}

fn run(overwrite: bool, preload: Option<PathBuf>) -> Run {
    Run {
        overwrite,
        cpus: Cpus::Machine,
        preload,
        times: Arc::default(),
    }
}

/// A fixture book: `ROOT/examples/NAME.rs`, here an executable script.
struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(what: &str) -> Fixture {
        let root = std::env::temp_dir().join(format!("listings-{what}-{}", std::process::id()));
        fs::create_dir_all(root.join("examples")).unwrap();
        Fixture { root }
    }

    fn script(&self, name: &str, body: &str) -> (Listing, PathBuf) {
        let exe = self.root.join(format!("examples/{name}.rs"));
        fs::write(&exe, format!("#!/bin/sh\n{body}\n")).unwrap();
        fs::set_permissions(&exe, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        (listing(name, format!("examples/{name}.rs").into()), exe)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn message(outcome: Result<(), Failed>) -> String {
    outcome
        .err()
        .and_then(|e| e.message().map(str::to_owned))
        .unwrap_or_default()
}

#[track_caller]
fn expect(told: &str, parts: &[&str]) -> Result<(), Failed> {
    for part in parts {
        if !told.contains(part) {
            return Err(format!("expected `{part}` in the message, got:\n{told}").into());
        }
    }
    Ok(())
}

fn bless_refuses_varying_output() -> Result<(), Failed> {
    let fixture = Fixture::new("varies");
    let (timed, exe) = fixture.script("ch01-01-timed", "echo start; echo \"took $(date +%N)ns\"");
    let told = message(run(true, None).check(&fixture.root, &timed, &exe, &RUST));
    expect(
        &told,
        &[
            "not recorded: two runs wrote different stdout",
            r"// output: varies took \d+(ns|µs|us|ms|s)",
        ],
    )?;
    if fixture.root.join("examples/ch01-01-timed.stdout").exists() {
        return Err("varying output was recorded".into());
    }
    // Declared as the advice says, it records and then compares.
    let mut timed = timed;
    timed
        .output
        .varies
        .push(regex::Regex::new(r"took \d+(ns|µs|us|ms|s)").unwrap());
    run(true, None).check(&fixture.root, &timed, &exe, &RUST)?;
    run(false, None).check(&fixture.root, &timed, &exe, &RUST)?;
    let (shuffled, exe) = fixture.script(
        "ch01-02-order",
        "if [ $(( $(od -An -N1 -tu1 /dev/urandom) % 2 )) = 0 ]; then echo a; echo b; else echo b; echo a; fi",
    );
    // The order changes in about half the runs: record until it does.
    for _ in 0..20 {
        let told = message(run(true, None).check(&fixture.root, &shuffled, &exe, &RUST));
        if !told.is_empty() {
            return expect(&told, &["// output: any-order"]);
        }
    }
    Err("twenty recordings never saw the order change".into())
}

fn exit_status_is_declared() -> Result<(), Failed> {
    let fixture = Fixture::new("exit");
    let (panics, exe) = fixture.script(
        "ch01-01-panics",
        "echo before; echo 'panicked' >&2; exit 101",
    );
    let told = message(run(true, None).check(&fixture.root, &panics, &exe, &RUST));
    expect(
        &told,
        &[
            "exited with status 101",
            "declare it at the top of the listing: `// exit: 101`",
        ],
    )?;
    let mut declared = panics;
    declared.output.exit = 101;
    run(true, None).check(&fixture.root, &declared, &exe, &RUST)?;
    run(false, None).check(&fixture.root, &declared, &exe, &RUST)?;
    declared.output.exit = 2;
    let told = message(run(false, None).check(&fixture.root, &declared, &exe, &RUST));
    expect(
        &told,
        &["exited with status 101, but declares `// exit: 2`"],
    )?;
    // A real panic also prints its thread's id: one message tells both.
    let (with_id, exe) = fixture.script(
        "ch01-02-panics-with-id",
        "echo \"thread 'main' ($$) panicked at examples/x.rs:4:5:\" >&2; exit 101",
    );
    let told = message(run(true, None).check(&fixture.root, &with_id, &exe, &RUST));
    expect(
        &told,
        &["`// exit: 101`", "And: ", r"// output: varies \(\d+\)"],
    )
}

/// Builds a tiny Rust program that leaves a thread sleeping as main returns.
fn thread_left_running(preload: Option<&Path>) -> Result<(), Failed> {
    let Some(preload) = preload.filter(|p| p.exists()) else {
        return Err("libat_exit.so was not built (`cargo build -p at-exit`)".into());
    };
    let fixture = Fixture::new("at-exit");
    let source = fixture.root.join("examples/ch01-01-left-running.rs");
    fs::write(
        &source,
        "fn main() {\n    std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_secs(5)));\n    println!(\"main returns\");\n}\n",
    )?;
    let exe = fixture.root.join("left-running");
    let built = std::process::Command::new("rustc")
        .args(["--edition", "2024", "-o"])
        .arg(&exe)
        .arg(&source)
        .status()?;
    if !built.success() {
        return Err("rustc could not build the fixture".into());
    }
    fs::write(
        fixture.root.join("examples/ch01-01-left-running.stdout"),
        "main returns\n",
    )?;
    let mut left = listing(
        "ch01-01-left-running",
        "examples/ch01-01-left-running.rs".into(),
    );
    let run = run(false, Some(preload.to_path_buf()));
    let start = Instant::now();
    let told = message(run.check(&fixture.root, &left, &exe, &RUST));
    expect(
        &told,
        &[
            "left work running when main returned",
            "1 thread(s) still running",
            "`// at-exit: still-running`",
        ],
    )?;
    // The muted grace period: never the thread's 5 s.
    if start.elapsed() > Duration::from_secs(2) {
        return Err(format!("the check took {:?}", start.elapsed()).into());
    }
    left.output.still_running = true;
    run.check(&fixture.root, &left, &exe, &RUST)
}

/// The harness's own check of its kill switch, on a program that never ends
/// and whose child ignores SIGTERM and keeps stdout open (with a 1 s limit,
/// so that the suite stays fast).
pub fn hang_is_killed() -> Result<(), Failed> {
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
    let listing = listing("fixture-hang", script.with_extension("rs"));
    let limits = Limits {
        time: Duration::from_secs(1),
        ..RUST
    };
    let run = run(false, None);
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
