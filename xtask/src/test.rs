//! `cargo xtask test`: every check the book promises, cheapest first, ending
//! with one line that counts what ran. `cargo xtask bless`: record outputs.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use inventory::{Inventory, Kind, Listing};
use xshell::{Shell, cmd};

use crate::{book, browser, check, exercises, golang, js, links, pdf, snippets};

/// Numbers the steps as they run, and on failure says how to rerun just
/// the step that failed.
struct Steps {
    done: usize,
    total: usize,
}

impl Steps {
    fn run<T>(&mut self, name: &str, rerun: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        self.done += 1;
        let (n, total) = (self.done, self.total);
        eprintln!("xtask test: [{n}/{total}] {name}");
        step().with_context(|| {
            format!("step {n}/{total} ({name}) failed; rerun just this step: {rerun}")
        })
    }
}

pub fn run(sh: &Shell, filter: Option<&str>) -> Result<()> {
    if let Some(name) = filter {
        return run_one(sh, name);
    }
    let start = Instant::now();
    let mut steps = Steps { done: 0, total: 17 };
    let inventory = Inventory::scan(&sh.current_dir())?;
    // Compile-fail listings and exercises are no Cargo targets, so cargo fmt
    // does not see them.
    let compile_fail: Vec<PathBuf> = inventory
        .of(Kind::CompileFail)
        .map(|l| l.source.clone())
        .collect();
    let exercise_files: Vec<PathBuf> = inventory
        .exercises
        .iter()
        .flat_map(|e| [e.starter.clone(), e.solution.clone()])
        .collect();

    // First: the static checks parse the diagrams with the Mermaid these install.
    steps.run(
        "the pinned tools: mdBook, mdbook-mermaid, the book's preprocessor",
        "cargo xtask build",
        || book::prepare(sh).map(drop),
    )?;
    steps.run(
        "formatting",
        "cargo fmt --all --check && gofmt -l examples/go && npx prettier --check theme/js theme/head.hbs browser-tests/js",
        || {
            cmd!(sh, "cargo fmt --all --check")
                .run()
                .context("run `cargo fmt --all` to fix")?;
            let files = compile_fail.iter().chain(&exercise_files);
            cmd!(sh, "rustfmt --check --edition 2024 {files...}").run()?;
            golang::format(sh)?;
            js::format(sh)
        },
    )?;
    steps.run(
        "lints",
        "cargo clippy --workspace --all-targets -- -D warnings && npx eslint theme/js theme/head.hbs browser-tests/js",
        || {
            cmd!(
                sh,
                "cargo clippy --quiet --workspace --all-targets -- -D warnings"
            )
            .run()?;
            js::lint(sh)
        },
    )?;
    steps.run("the book's static checks", "cargo xtask check", || {
        check::run_and_report(&sh.current_dir())
    })?;
    let listings = steps.run(
        "listings: run each, compare with its recorded output",
        "cargo test --test listings [-- NAME]",
        || count_tests(sh, &["--test", "listings"]),
    )?;
    let other_machines = steps.run(
        "listings again, as on a 1-CPU machine and on a 16-CPU one",
        "LISTINGS_CPUS=1 cargo test --test listings; LISTINGS_CPUS=16 cargo test --test listings",
        || {
            let mut passed = 0;
            for cpus in ["1", "16"] {
                let mut command = Command::new("cargo");
                command
                    .args(["test", "--test", "listings"])
                    .env("LISTINGS_CPUS", cpus);
                let what = format!("LISTINGS_CPUS={cpus} cargo test --test listings");
                passed += count(sh, command, &what, Need::AtLeastOne)?;
            }
            Ok(passed)
        },
    )?;
    let chat = steps.run(
        "the chat server: each step, Go and Rust, driven over TCP, on this machine's CPUs, then on one",
        "cargo test --test chat [-- step-NN]; CHAT_CPUS=1 cargo test --test chat",
        || {
            let mut passed = count_tests(sh, &["--test", "chat"])?;
            let mut command = Command::new("cargo");
            command
                .args(["test", "--test", "chat"])
                .env("CHAT_CPUS", "1");
            let what = "CHAT_CPUS=1 cargo test --test chat";
            passed += count(sh, command, what, Need::AtLeastOne)?;
            Ok(passed)
        },
    )?;
    let go_race = steps.run(
        "Go listings: go vet, and each run under the race detector",
        "(cd examples/go && go vet ./... && go test -race -parallel 6 -bench . -benchtime 1x ./...)",
        || golang::vet_and_race(sh),
    )?;
    let go_race = match go_race {
        Some(n) => format!("{n} Go listings checked under the race detector"),
        None => "Go checks SKIPPED (no go)".to_owned(),
    };
    let listing_tests = steps.run(
        "listings' own tests, and each Go-vs-Rust benchmark once",
        "cargo test --examples --benches",
        || count_tests(sh, &["--examples", "--benches"]),
    )?;
    let exercises = steps.run(
        "exercises: each starter fails its tests, each solution passes them",
        "cargo xtask test EXERCISE-NAME",
        || {
            let proven = exercises::prove(&sh.current_dir(), "")?;
            if proven == 0 {
                bail!("no exercise in examples/exercises: a check that finds nothing fails");
            }
            Ok(proven)
        },
    )?;
    steps.run(
        "compile-fail listings (trybuild)",
        "cargo test --test compile_fail",
        || count_tests(sh, &["--test", "compile_fail"]),
    )?;
    let snippets = steps.run(
        "inline snippets (skeptic)",
        "cargo test -p snippets --test skeptic",
        || {
            let book = crate::model::Book::load(&sh.current_dir())?;
            let passed = snippets::run(&sh.current_dir(), &book, None)?;
            if passed == 0 {
                bail!("skeptic ran no snippet: a check that finds nothing to check fails");
            }
            Ok(passed)
        },
    )?;
    let loom_models = steps.run(
        "loom models, under --cfg loom (target/loom)",
        "RUSTFLAGS=\"--cfg loom\" cargo test --release -p loom-models --target-dir target/loom",
        || loom(sh, false, &[]),
    )?;
    let tool_tests = steps.run(
        "the tools' own tests",
        "cargo test -p xtask -p supervise -p inventory -p mdbook-listings",
        || {
            let tools = ["xtask", "supervise", "inventory", "mdbook-listings"];
            let args: Vec<&str> = tools.iter().flat_map(|t| ["--package", t]).collect();
            count_tests(sh, &args)
        },
    )?;
    let report = steps.run(
        "build the book and check its links",
        "cargo xtask build",
        || {
            let built = book::build(sh)?;
            links::check(&built, &sh.current_dir().join("src"))
        },
    )?;
    let in_browser = steps.run(
        "the book in headless Chromium",
        "cargo xtask browser",
        || in_browser(sh),
    )?;
    let in_browser = match in_browser {
        Some(passed) => format!("{passed} browser tests"),
        None => "browser tests SKIPPED (no Chromium)".to_owned(),
    };
    let pdf = steps.run(
        "the book as a PDF, read back with pdftotext",
        "cargo xtask pdf",
        || pdf::check(sh),
    )?;
    let pdf = match pdf {
        Some(r) => format!(
            "a {}-page PDF with all {} page titles and {} listing captions",
            r.pages, r.titles, r.captions
        ),
        None => "the PDF SKIPPED (no Chromium or pdftotext)".to_owned(),
    };

    println!(
        "cargo xtask test: ok in {} s: {listings} listing checks (each listing run, its output compared), \
         {other_machines} more as on 1 and 16 CPUs, {chat} chat server tests (on this machine and on 1 CPU), \
         {go_race}, {listing_tests} listing tests, \
         {exercises} exercises proven, {} compile-fail listings, {loom_models} loom models, \
         {snippets} snippets, {tool_tests} tool tests, {} links in {} pages, {in_browser}, {pdf}",
        start.elapsed().as_secs(),
        compile_fail.len(),
        report.links,
        report.pages,
    );
    Ok(())
}

/// The browser tests against the served book (`cargo xtask browser`):
/// how many passed, or `None` when Chromium is missing.
pub fn in_browser(sh: &Shell) -> Result<Option<usize>> {
    browser::run(sh, |command| {
        count(
            sh,
            command,
            "cargo test --package browser-tests",
            Need::AtLeastOne,
        )
    })
}

/// `cargo xtask test NAME`: the static checks, then only what concerns the
/// listings whose name contains NAME: their runs, their own tests, and the
/// compile-fail check if one of them is a compile-fail listing.
fn run_one(sh: &Shell, name: &str) -> Result<()> {
    let mut steps = Steps { done: 0, total: 8 };
    steps.run("the book's static checks", "cargo xtask check", || {
        check::run_and_report(&sh.current_dir())
    })?;
    let book = crate::model::Book::load(&sh.current_dir())?;
    let inventory = &book.inventory;
    let named = |kind| -> Vec<String> {
        inventory
            .matching(name)
            .filter(|l| l.kind == kind)
            .map(|l| l.name.clone())
            .collect()
    };
    let (examples, compile_fail) = (named(Kind::Rust), named(Kind::CompileFail));
    let exercises = inventory
        .exercises
        .iter()
        .filter(|e| e.name.contains(name))
        .count();
    if inventory.matching(name).next().is_none() && exercises == 0 {
        bail!(
            "no listing's or exercise's name contains `{name}` (in examples/, \
             examples/compile-fail/, examples/go/ or examples/exercises/)"
        );
    }
    // A compile-fail listing has no run, and without `go` a Go one is skipped.
    let need = if examples.is_empty() {
        Need::AnyNumber
    } else {
        Need::AtLeastOne
    };
    let runs = steps.run(
        "run and compare",
        &format!("cargo test --test listings -- {name}"),
        || {
            let mut command = Command::new("cargo");
            command.args(["test", "--test", "listings", "--", name]);
            count(
                sh,
                command,
                &format!("cargo test --test listings -- {name}"),
                need,
            )
        },
    )?;
    // A part of the chat server: the chat tests whose name contains it.
    let chat: Vec<String> = inventory
        .matching(name)
        .filter(|l| l.kind.is_chat())
        .map(|l| l.name.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let chat_tests = steps.run(
        "the chat server's tests",
        &format!("cargo test --test chat -- {}", chat.join(" ")),
        || {
            let mut passed = 0;
            for part in &chat {
                let mut command = Command::new("cargo");
                command.args(["test", "--test", "chat", "--", part]);
                let what = format!("cargo test --test chat -- {part}");
                passed += count(sh, command, &what, Need::AnyNumber)?;
            }
            Ok(passed)
        },
    )?;
    let go = named(Kind::Go);
    let raced = steps.run(
        "Go listings under the race detector",
        &go.iter()
            .map(|n| {
                format!(
                    "(cd examples/go && RACECHECK_ONLY={n} go test -race -run '/^{n}$' ./racecheck)"
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        || {
            let mut raced = 0;
            for name in &go {
                raced += usize::from(golang::race_one(sh, name, false)?);
            }
            Ok(raced)
        },
    )?;
    // The pages that show these listings: their inline snippets run too.
    let ids: Vec<String> = inventory.matching(name).map(|l| l.id()).collect();
    let pages: Vec<PathBuf> = book
        .pages
        .iter()
        .filter(|p| p.expanded.shown.iter().any(|s| ids.contains(&s.id)))
        .map(|p| p.path.clone())
        .collect();
    let prefixes: Vec<String> = pages.iter().map(|p| snippets::test_prefix(p)).collect();
    let snippets = steps.run(
        "the inline snippets of the pages that show them",
        &format!(
            "cargo test -p snippets --test skeptic -- {}",
            prefixes.join(" ")
        ),
        || snippets::run(&sh.current_dir(), &book, Some(&pages)),
    )?;
    let mut own = 0;
    steps.run(
        "their own tests",
        &format!("cargo test --example {name}; (cd examples/go && go test -race ./{name})"),
        || {
            for example in &examples {
                let mut command = Command::new("cargo");
                command.args(["test", "--example", example]);
                let what = format!("cargo test --example {example}");
                own += count(sh, command, &what, Need::AnyNumber)?;
            }
            for name in &go {
                own += golang::test_one(sh, name)?;
            }
            Ok(())
        },
    )?;
    steps.run(
        "compile-fail check",
        &format!("cargo test --test compile_fail -- {name}"),
        || {
            if compile_fail.is_empty() {
                Ok(0)
            } else {
                count_tests(sh, &["--test", "compile_fail", "--", name])
            }
        },
    )?;
    let proven = steps.run(
        "exercises: the starter fails, the solution passes",
        &format!("cargo xtask test {name}"),
        || exercises::prove(&sh.current_dir(), name),
    )?;
    println!(
        "cargo xtask test {name}: ok: {runs} runs compared, {chat_tests} chat server tests, {raced} Go listings checked under the race detector, \
         {snippets} snippets of {} page(s), {own} tests, {} compile-fail listings, \
         {proven} exercises proven",
        pages.len(),
        compile_fail.len()
    );
    Ok(())
}

/// Whether a command that ran no test failed: a step that finds nothing to
/// check must not pass.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    AtLeastOne,
    AnyNumber,
}

/// Runs `cargo test ARGS`, showing its output, and returns how many tests
/// passed, at least one.
fn count_tests(sh: &Shell, args: &[&str]) -> Result<usize> {
    let mut command = Command::new("cargo");
    command.arg("test").args(args);
    count(
        sh,
        command,
        &format!("cargo test {}", args.join(" ")),
        Need::AtLeastOne,
    )
}

/// Runs a libtest command, echoing its output, and adds up its passed tests.
fn count(sh: &Shell, mut command: Command, what: &str, need: Need) -> Result<usize> {
    let mut child = command
        .current_dir(sh.current_dir())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut passed = 0;
    // Colours (CLICOLOR_FORCE, a terminal) must not hide the count.
    let colour = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line?;
        println!("{line}");
        let plain = colour.replace_all(&line, "");
        if let Some(rest) = plain.strip_prefix("test result: ok. ") {
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
    if passed == 0 && need == Need::AtLeastOne {
        bail!("`{what}` ran no test: a check that finds nothing to check fails");
    }
    Ok(passed)
}

/// Runs the listings' loom models. `--cfg loom` changes every crate's build,
/// so they build in a target directory of their own, from a crate that
/// depends on loom alone.
fn loom(sh: &Shell, record: bool, only: &[String]) -> Result<usize> {
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
    if !only.is_empty() {
        command.arg("--").args(only);
    }
    if record {
        command.env("LISTINGS", "overwrite");
    }
    count(
        sh,
        command,
        "cargo test --package loom-models (--cfg loom)",
        Need::AtLeastOne,
    )
}

/// `cargo xtask bless [NAME]`: records the output of the listings whose name
/// contains NAME (all without it), and only their compiler errors and loom
/// reports.
pub fn bless(sh: &Shell, filter: Option<&str>) -> Result<()> {
    let name = filter.unwrap_or_default();
    let inventory = Inventory::scan(&sh.current_dir())?;
    let chosen: Vec<&Listing> = inventory.matching(name).collect();
    if chosen.is_empty() {
        bail!("no listing's name contains `{name}`");
    }
    let benchmarks = [Kind::GoBench, Kind::RustBench];
    if chosen.iter().all(|l| benchmarks.contains(&l.kind)) {
        bail!(
            "`{name}` names only the Go-vs-Rust benchmarks, which record nothing here: \
             `cargo xtask bench go-vs-rust` runs them"
        );
    }
    if chosen.iter().all(|l| l.kind.is_chat()) {
        bail!(
            "`{name}` names only parts of the chat server, which record nothing: a step's \
             session (examples/chat/sessions/) is written by hand, and `cargo test --test chat` \
             replays it against both languages"
        );
    }
    let any = |kind| chosen.iter().any(|l| l.kind == kind);
    if any(Kind::Rust) || any(Kind::Go) {
        cmd!(sh, "cargo test --test listings -- {name}")
            .env("LISTINGS", "overwrite")
            .run()?;
    }
    if any(Kind::CompileFail) {
        // The compile-fail harness names its trials without the prefix.
        let name = name.strip_prefix("compile-fail/").unwrap_or(name);
        cmd!(sh, "cargo test --test compile_fail -- {name}")
            .env("LISTINGS", "overwrite")
            .run()?;
    }
    // The race detector's report on a listing whose lesson is a race.
    for listing in chosen.iter().filter(|l| l.race_expected) {
        if !golang::race_one(sh, &listing.name, true)? {
            bail!("recording go/{}'s race report needs Go 1.26", listing.name);
        }
    }
    // A model's tests are in the module named after its listing.
    let models: Vec<String> = chosen
        .iter()
        .filter(|l| l.loom_model)
        .map(|l| l.name.replace('-', "_"))
        .collect();
    if !models.is_empty() {
        loom(sh, true, &models)?;
    }
    eprintln!("xtask bless: recorded; review the change with `git diff examples/`");
    Ok(())
}
