//! `cargo xtask test`: every check the book promises, cheapest first, ending
//! with one line that counts what ran. `cargo xtask bless`: record outputs.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

use crate::{book, check, links};

pub fn run(sh: &Shell) -> Result<()> {
    let start = Instant::now();
    let total = 10;
    let mut n = 0;
    let mut step = |name: &str| {
        n += 1;
        eprintln!("xtask test: [{n}/{total}] {name}");
    };

    step("formatting (cargo fmt --check)");
    cmd!(sh, "cargo fmt --all --check")
        .run()
        .context("run `cargo fmt --all` to fix")?;
    // Compile-fail listings are no Cargo target, so cargo fmt does not see them.
    let compile_fail = rust_files(sh, "examples/compile-fail")?;
    let files = &compile_fail;
    cmd!(sh, "rustfmt --check --edition 2024 {files...}").run()?;
    step("lints (cargo clippy -D warnings)");
    cmd!(
        sh,
        "cargo clippy --quiet --workspace --all-targets -- -D warnings"
    )
    .run()?;
    step("the book's static checks");
    check::run_and_report(&sh.current_dir())?;
    step("listings: run each, compare with its recorded output");
    let listings = count_tests(sh, &["--test", "listings"])?;
    step("listings' own tests");
    let listing_tests = count_tests(sh, &["--examples"])?;
    step("compile-fail listings (trybuild)");
    count_tests(sh, &["--test", "compile_fail"])?;
    let compile_fail = compile_fail.len();
    step("inline snippets (skeptic)");
    let snippets = count_tests(sh, &["--test", "skeptic"])?;
    step("loom models, under --cfg loom (target/loom)");
    let loom_models = loom(sh, false)?;
    step("the tools' own tests");
    let tool_tests = count_tests(sh, &["--package", "xtask"])?;
    step("build the book and check its links");
    let built = book::build(sh)?;
    let report = links::check(&built, &sh.current_dir().join("src"))?;

    println!(
        "cargo xtask test: ok in {} s: {listings} listings run and their output checked, \
         {listing_tests} listing tests, {compile_fail} compile-fail listings, {loom_models} loom models, {snippets} snippets, \
         {tool_tests} tool tests, {} links in {} pages",
        start.elapsed().as_secs(),
        report.links,
        report.pages,
    );
    Ok(())
}

fn rust_files(sh: &Shell, dir: &str) -> Result<Vec<std::path::PathBuf>> {
    let mut files = sh.read_dir(dir)?;
    files.retain(|p| p.extension().is_some_and(|e| e == "rs"));
    Ok(files)
}

/// Runs `cargo test ARGS`, showing its output, and returns how many tests passed.
fn count_tests(sh: &Shell, args: &[&str]) -> Result<usize> {
    let mut command = Command::new("cargo");
    command.arg("test").args(args);
    count(sh, command, &format!("cargo test {}", args.join(" ")))
}

/// Runs a libtest command, echoing its output, and adds up its passed tests.
fn count(sh: &Shell, mut command: Command, what: &str) -> Result<usize> {
    let mut child = command
        .current_dir(sh.current_dir())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut passed = 0;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line?;
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ok. ") {
            passed += rest
                .split(' ')
                .next()
                .unwrap_or("0")
                .parse::<usize>()
                .unwrap_or(0);
        }
    }
    if !child.wait()?.success() {
        bail!("`{what}` failed");
    }
    Ok(passed)
}

/// Runs the listings' loom models. `--cfg loom` changes every crate's build,
/// so they build in a target directory of their own, from a crate that
/// depends on loom alone.
fn loom(sh: &Shell, record: bool) -> Result<usize> {
    let mut command = Command::new("cargo");
    command
        .args([
            "test",
            "--release",
            "--package",
            "loom-models",
            "--target-dir",
            "target/loom",
        ])
        .env("RUSTFLAGS", "--cfg loom");
    if record {
        command.env("LISTINGS", "overwrite");
    }
    count(sh, command, "cargo test --package loom-models (--cfg loom)")
}

pub fn bless(sh: &Shell, filter: Option<&str>) -> Result<()> {
    let filter = filter.unwrap_or_default();
    cmd!(sh, "cargo test --test listings -- {filter}")
        .env("LISTINGS", "overwrite")
        .run()?;
    cmd!(sh, "cargo test --test compile_fail")
        .env("TRYBUILD", "overwrite")
        .run()?;
    loom(sh, true)?;
    eprintln!("xtask bless: recorded; review the change with `git diff examples/`");
    Ok(())
}
