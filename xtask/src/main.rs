//! Project commands, run as `cargo xtask <command>` (see `cargo xtask --help`).
//!
//! Each module does one job; `main` only dispatches.

mod bench;
mod book;
mod browser;
mod check;
mod crates;
mod exercises;
mod golang;
mod js;
mod links;
mod mermaid;
mod model;
mod optional;
mod pdf;
mod runner;
mod scaffold;
mod snippets;
mod test;
mod tools;

use std::path::{Component, Path, PathBuf};

use anyhow::Result;

mod flags {
    use std::path::PathBuf;

    xflags::xflags! {
        /// Commands for the book "Go's Concurrency Roadmap, Mastered in Rust".
        cmd xtask {
            /// Build the book and serve it on 127.0.0.1, rebuilding on change.
            cmd serve {
                /// Port to listen on (default 3000).
                optional -p, --port port: u16
                /// Open the book in the default browser.
                optional --open
            }
            /// Run every test: formatting, lints, the book's static checks,
            /// every listing and its recorded output, compile-fail listings,
            /// inline snippets, loom models, the tools' own tests, and the built
            /// book's links. With NAME: only the listings whose name contains it.
            cmd test {
                optional name: String
            }
            /// The book's static checks only (fast: no build, no run).
            cmd check {}
            /// Only the browser tests: serve the book and its runner, and
            /// drive them with headless Chromium (`browser-tests/`).
            cmd browser {}
            /// Record the current output of the listings whose name contains
            /// FILTER (all if none), and the compile-fail listings' errors.
            cmd bless {
                optional filter: String
            }
            /// Build the book into book/ (installing the pinned tools if needed).
            cmd build {}
            /// Build the book and print it to book/go-concurrency-in-rust.pdf
            /// with headless Chromium (every chapter, both languages, every
            /// diagram), then check it with pdftotext.
            cmd pdf {}
            /// Run the benchmarks in release mode and record their results:
            /// the benchmark listings (examples/NAME.bench.txt) and the
            /// Go-vs-Rust appendix (benches/results.md; needs Go).
            cmd bench {
                /// Only the benchmarks whose name contains this
                /// (`go-vs-rust` for the appendix).
                optional only: String
            }
            /// Create examples/chNN-MM-SLUG.rs for roadmap item CHAPTER.ITEM
            /// (for example 3.7), show it at the end of that item's section,
            /// and record its output.
            cmd new-listing {
                required place: String
                required slug: String
                /// The page to show it on, when the roadmap has no such item.
                optional --page page: PathBuf
            }
            /// Start exercise NAME in your own editor: copy its starter into a
            /// Cargo project (never over your work) and run its tests there.
            cmd exercise {
                required name: String
                /// Where (default ~/go-concurrency-in-rust-exercises/NAME).
                optional --dir dir: PathBuf
            }
            /// Create the pages of chapter NUMBER (a section per roadmap item)
            /// and list them in SUMMARY.md.
            cmd new-chapter {
                required number: u32
                required title: String
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let flags = flags::Xtask::from_env_or_exit();
    let root = project_root()?;
    let sh = xshell::Shell::new()?;
    sh.change_dir(&root);
    match flags.subcommand {
        flags::XtaskCmd::Serve(cmd) => book::serve(&sh, cmd.port.unwrap_or(3000), cmd.open),
        flags::XtaskCmd::Test(cmd) => test::run(&sh, cmd.name.as_deref()),
        flags::XtaskCmd::Check(_) => check::run_and_report(&root),
        flags::XtaskCmd::Browser(_) => match test::in_browser(&sh)? {
            Some(passed) => {
                eprintln!("xtask browser: ok: {passed} browser tests");
                Ok(())
            }
            None => Ok(()),
        },
        flags::XtaskCmd::Bless(cmd) => test::bless(&sh, cmd.filter.as_deref()),
        flags::XtaskCmd::Build(_) => book::build(&sh).map(drop),
        flags::XtaskCmd::Pdf(_) => {
            if let Some(r) = pdf::check(&sh)? {
                eprintln!(
                    "xtask: wrote {}: {} pages, with all {} page titles and {} listing captions",
                    pdf::PDF,
                    r.pages,
                    r.titles,
                    r.captions
                );
            }
            Ok(())
        }
        flags::XtaskCmd::Bench(flags) => bench::run(&sh, flags.only.as_deref()),
        flags::XtaskCmd::NewListing(cmd) => {
            let book = model::Book::load(&root)?;
            let (name, page) =
                scaffold::new_listing(&book, &cmd.place, &cmd.slug, cmd.page.as_deref())?;
            test::bless(&sh, Some(&name))?;
            let go = format!("examples/go/{name}/main.go");
            let go = if root.join(&go).exists() {
                format!(", with its Go counterpart {go} beside it in Go/Rust tabs")
            } else {
                String::new()
            };
            eprintln!(
                "xtask: created examples/{name}.rs and showed it on {}{go} (output recorded).\n\
                 Write the program, then run `cargo xtask bless {name}` and `cargo xtask test {name}`.",
                page.strip_prefix(&root).unwrap_or(&page).display()
            );
            Ok(())
        }
        flags::XtaskCmd::Exercise(cmd) => exercises::start(&root, &cmd.name, cmd.dir.as_deref()),
        flags::XtaskCmd::NewChapter(cmd) => {
            let book = model::Book::load(&root)?;
            for page in scaffold::new_chapter(&book, cmd.number, &cmd.title)? {
                eprintln!(
                    "xtask: created {}",
                    page.strip_prefix(&root).unwrap_or(&page).display()
                );
            }
            eprintln!(
                "xtask: listed in src/SUMMARY.md; add listings with `cargo xtask new-listing {}.ITEM SLUG`",
                cmd.number
            );
            Ok(())
        }
    }
}

/// The repository this command runs in, found at run time, never compiled
/// in: a binary built in one checkout and run in a copy of it (a clone
/// copied with its `target/`, a moved checkout) must act on the copy.
/// `cargo xtask` sets `CARGO_MANIFEST_DIR` to this crate's directory in the
/// checkout it runs from; without it, the nearest directory above the
/// working one that holds a `book.toml`.
pub fn project_root() -> Result<PathBuf> {
    find_root(
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        &std::env::current_dir()?,
    )
}

fn find_root(manifest_dir: Option<PathBuf>, cwd: &Path) -> Result<PathBuf> {
    let is_root = |dir: &Path| dir.join("book.toml").is_file() && dir.join("xtask").is_dir();
    if let Some(dir) = manifest_dir.as_deref().and_then(Path::parent)
        && is_root(dir)
    {
        return Ok(dir.to_path_buf());
    }
    cwd.ancestors()
        .find(|dir| is_root(dir))
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "not inside the book's repository (no book.toml above {}): run `cargo xtask` from its checkout",
                cwd.display()
            )
        })
}

/// `a/b/../c` -> `a/c`, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
