//! The one inventory of the book's listings. Every tool that needs to know
//! which listings exist asks this crate: the listing harness, the
//! compile-fail check, the loom models' build script, the preprocessor that
//! shows listings on pages, and `cargo xtask` (check, bench, bless,
//! scaffold, the Go checks). So adding a listing never means editing a list.
//!
//! A listing is found by its file alone:
//!
//! | kind         | source                              | recorded beside it                            |
//! |--------------|-------------------------------------|-----------------------------------------------|
//! | Rust         | `examples/NAME.rs`                  | `NAME.stdout`, `.stderr`, `.bench.txt`, `.loom.txt` |
//! | compile-fail | `examples/compile-fail/NAME.rs`     | `NAME.stderr` (the compiler's error)          |
//! | Go           | `examples/go/NAME/main.go`          | `main.stdout`, `main.stderr`, `main.race.txt` |
//! | Go benchmarks | `examples/go/bench/*_test.go`      | (`cargo xtask bench` writes `benches/results.md`) |
//! | Rust benchmarks | `benches/NAME.rs`                | (the same)                                    |
//! | chat server, Rust | `examples/chat/src/bin/NAME/*.rs`, `src/*.rs` (`lib`) | `examples/chat/sessions/NAME.txt` (a step's session) |
//! | chat server, Go | `examples/go/chat/NAME/*.go`, `*.go` (`lib`)  | (the same sessions)                    |
//!
//! and says what it needs in comments at its top (the directives):
//!
//! ```text
//! // output: any-order        its lines compare as a multiset
//! // output: varies REGEX     every match is a wildcard, in both outputs
//! // exit: N                  it ends with exit status N (a panic in Rust's
//!                             main: 101; in Go's: 2), shown on its page
//! // at-exit: still-running   it shows threads, tasks or goroutines that
//!                             outlive main (otherwise that is an error)
//! // bench: ARGS              a benchmark: `cargo xtask bench` runs it in
//!                             release mode with ARGS and records NAME.bench.txt
//! // race: expected           (Go) its lesson is a data race: built with
//!                             -race it must report one, and the report is
//!                             recorded in main.race.txt
//! ```
//!
//! A Rust listing that calls `loom::model` has a loom model (`loom-models/`).
//! An unreadable or empty folder is an error, never an empty inventory.

use std::fmt;
use std::path::{Path, PathBuf};

use regex::Regex;

pub const EXAMPLES: &str = "examples";
pub const COMPILE_FAIL: &str = "examples/compile-fail";
pub const GO_MODULE: &str = "examples/go";
/// The Go half of the Go-vs-Rust benchmarks, a package of the module.
pub const GO_BENCH: &str = "examples/go/bench";
/// The Rust half: criterion benchmarks of the `listings` package.
pub const RUST_BENCH: &str = "benches";
/// The exercises: `examples/exercises/NAME/{starter,solution}.rs`, `hints.md`.
pub const EXERCISES: &str = "examples/exercises";
/// The quizzes: `src/quizzes/NAME.toml`, beside the prose they test (read
/// by the preprocessor).
pub const QUIZZES: &str = "src/quizzes";
/// The chat server the book builds, step by step: a Cargo package (its
/// library, then one binary per step and the load generator in `src/bin/`)
/// and its Go twin, a directory of the Go module (its package, then one
/// `main` package per step and the load generator).
pub const CHAT_RUST: &str = "examples/chat";
pub const CHAT_GO: &str = "examples/go/chat";
/// Each step's session, the transcript its page shows and `tests/chat.rs`
/// replays against both languages: `step-NN.txt`.
pub const CHAT_SESSIONS: &str = "examples/chat/sessions";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Rust,
    CompileFail,
    Go,
    /// `examples/go/bench`: Go's `testing.B` benchmarks, `go/bench`.
    GoBench,
    /// `benches/NAME.rs`: criterion benchmarks, `benches/NAME`.
    RustBench,
    /// A part of the chat server in Rust: `chat/lib`, `chat/step-NN`,
    /// `chat/load`, each a folder of files.
    ChatRust,
    /// The same in Go: `go/chat/lib`, `go/chat/step-NN`, `go/chat/load`.
    ChatGo,
}

impl Kind {
    /// How a listing of this kind is named where the kinds meet (the
    /// harness's trials, `{{#listing}}`): `go/NAME`, `compile-fail/NAME`.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Rust => "",
            Kind::CompileFail => "compile-fail/",
            Kind::Go | Kind::GoBench => "go/",
            Kind::RustBench => "benches/",
            Kind::ChatRust => "chat/",
            Kind::ChatGo => "go/chat/",
        }
    }

    /// A part of the chat server, which is no program that ends by itself.
    pub fn is_chat(self) -> bool {
        matches!(self, Kind::ChatRust | Kind::ChatGo)
    }
}

/// One listing, with every path relative to the book's root.
#[derive(Clone, Debug)]
pub struct Listing {
    pub kind: Kind,
    /// `chNN-MM-slug`, without the kind's prefix.
    pub name: String,
    pub source: PathBuf,
    pub stdout: Option<PathBuf>,
    pub stderr: Option<PathBuf>,
    /// Release-mode results, recorded by `cargo xtask bench`.
    pub bench_txt: Option<PathBuf>,
    /// The loom model's report, recorded by its test.
    pub loom_txt: Option<PathBuf>,
    /// The race detector's report on a Go listing that declares
    /// `// race: expected`, recorded by `examples/go/racecheck`.
    pub race_txt: Option<PathBuf>,
    /// `// race: expected`: built with `-race`, it must report a data race.
    pub race_expected: bool,
    pub output: OutputRule,
    /// `// bench: ARGS`: the arguments of its release-mode run.
    pub bench: Option<Vec<String>>,
    /// It calls `loom::model`.
    pub loom_model: bool,
    /// Its `ANCHOR:` names, in the order they open. A Go listing's package
    /// may have more files than `main.go`; their anchors are its too.
    pub anchors: Vec<Anchor>,
}

/// A named part of a listing (`// ANCHOR: name` … `// ANCHOR_END: name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub name: String,
    /// The file it is in, relative to the book's root.
    pub file: PathBuf,
}

/// How a run's output compares with the recorded one, and how it ends.
#[derive(Clone, Debug, Default)]
pub struct OutputRule {
    pub any_order: bool,
    pub varies: Vec<Regex>,
    /// `// exit: N`: the exit status it must end with (0 without it).
    pub exit: i32,
    /// `// at-exit: still-running`: it shows work outliving `main`.
    pub still_running: bool,
}

impl Listing {
    /// The name as the harness and the pages use it: `go/NAME` for Go.
    pub fn id(&self) -> String {
        format!("{}{}", self.kind.prefix(), self.name)
    }

    /// How a page names it: by its file for the kinds that are one file
    /// (`NAME.rs`, `compile-fail/NAME.rs`, `benches/NAME.rs`), so that a
    /// search for the file finds the page; by its folder for Go (`go/NAME`).
    pub fn reference(&self) -> String {
        match self.kind {
            Kind::Go | Kind::GoBench | Kind::ChatRust | Kind::ChatGo => self.id(),
            _ => format!("{}.rs", self.id()),
        }
    }

    /// The command a reader types to run it, from the book's root.
    pub fn run_command(&self) -> String {
        match self.kind {
            Kind::Rust => format!("cargo run --example {}", self.name),
            Kind::CompileFail => "cargo test --test compile_fail".to_owned(),
            Kind::Go => format!("go run -C {GO_MODULE} ./{}", self.name),
            Kind::GoBench => format!("go test -C {GO_MODULE} -run '^$' -bench . ./{}", self.name),
            Kind::RustBench => format!("cargo bench --bench {}", self.name),
            Kind::ChatRust if self.name == "lib" => "cargo test -p chat --lib".to_owned(),
            Kind::ChatRust => format!("cargo run -p chat --bin {}", self.name),
            Kind::ChatGo if self.name == "lib" => format!("go test -C {GO_MODULE} ./chat"),
            Kind::ChatGo => format!("go run -C {GO_MODULE} ./chat/{}", self.name),
        }
    }

    /// The recorded outputs that exist, in the order a page shows them.
    pub fn recorded(&self) -> impl Iterator<Item = &Path> {
        [
            &self.stdout,
            &self.stderr,
            &self.bench_txt,
            &self.loom_txt,
            &self.race_txt,
        ]
        .into_iter()
        .flatten()
        .map(PathBuf::as_path)
    }

    /// Where recording writes its stdout, whether or not it exists yet.
    pub fn stdout_path(&self) -> PathBuf {
        self.output_path("stdout")
    }

    pub fn stderr_path(&self) -> PathBuf {
        self.output_path("stderr")
    }

    fn output_path(&self, ext: &str) -> PathBuf {
        match self.kind {
            Kind::Go | Kind::GoBench => self.source.with_file_name(format!("main.{ext}")),
            _ => self.source.with_extension(ext),
        }
    }
}

/// The checkout a test harness runs in, found at run time, never compiled
/// in: `CARGO_MANIFEST_DIR`, which `cargo test` sets, or else the nearest
/// directory above the harness's own binary (`target/debug/deps/…`) that
/// holds `book.toml`, for a harness run by hand.
pub fn harness_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        return PathBuf::from(dir);
    }
    let exe = std::env::current_exe().expect("a harness knows its own path");
    exe.ancestors()
        .find(|dir| dir.join("book.toml").is_file())
        .map(Path::to_path_buf)
        .expect("run from a checkout of the book: no book.toml above the harness")
}

/// Something the inventory could not read or understand, at `path:line`.
#[derive(Debug)]
pub struct Error {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for Error {}

fn error(path: &Path, line: usize, message: impl Into<String>) -> Error {
    Error {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// An exercise: a starter whose tests fail, and a solution that passes the
/// same tests (the code between `// ANCHOR: tests` and `// ANCHOR_END: tests`
/// is the same in both files). Its starter says what it practises:
/// `// practises: 1.11 1.14` (roadmap items) and `// level: warm-up`
/// (`warm-up`, `medium` or `hard`).
#[derive(Clone, Debug)]
pub struct Exercise {
    /// `chNN-slug`; its id on pages is `exercise/chNN-slug`.
    pub name: String,
    pub starter: PathBuf,
    pub solution: PathBuf,
    pub hints: PathBuf,
    /// Roadmap items, (chapter, item).
    pub practises: Vec<(u32, u32)>,
    pub level: String,
}

impl Exercise {
    pub fn id(&self) -> String {
        format!("exercise/{}", self.name)
    }

    /// The chapter its name starts with (`ch03-…` -> 3).
    pub fn chapter(&self) -> Option<u32> {
        self.name.get(2..4)?.parse().ok()
    }
}

/// Every listing of the book, sorted by kind, then name.
#[derive(Clone, Debug)]
pub struct Inventory {
    pub root: PathBuf,
    pub listings: Vec<Listing>,
    /// The exercises, by name.
    pub exercises: Vec<Exercise>,
    /// The quiz files, `src/quizzes/NAME.toml`, by name.
    pub quizzes: Vec<PathBuf>,
    /// Recorded outputs whose listing is gone (renamed or deleted).
    pub strays: Vec<PathBuf>,
    /// The chat server's sessions, `examples/chat/sessions/NAME.txt`.
    pub sessions: Vec<PathBuf>,
}

/// A step of the chat server: `chat/step-NN` and `go/chat/step-NN`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub number: u32,
    /// `step-NN`, the binary's name in both languages.
    pub name: String,
    /// Its session, if it has one.
    pub session: Option<PathBuf>,
}

impl Inventory {
    /// Reads the listings of the book rooted at `root`.
    pub fn scan(root: &Path) -> Result<Inventory, Error> {
        let mut inventory = Inventory {
            root: root.to_path_buf(),
            listings: Vec::new(),
            exercises: Vec::new(),
            quizzes: Vec::new(),
            strays: Vec::new(),
            sessions: Vec::new(),
        };
        inventory.scan_rust(EXAMPLES, Kind::Rust)?;
        inventory.scan_rust(COMPILE_FAIL, Kind::CompileFail)?;
        inventory.scan_go()?;
        inventory.scan_benchmarks()?;
        inventory.scan_exercises()?;
        inventory.scan_quizzes()?;
        inventory.scan_chat()?;
        let required = [
            (Kind::Rust, EXAMPLES),
            (Kind::CompileFail, COMPILE_FAIL),
            (Kind::Go, GO_MODULE),
        ];
        for (kind, dir) in required {
            if !inventory.listings.iter().any(|l| l.kind == kind) {
                return Err(error(
                    &root.join(dir),
                    0,
                    "holds no listing: an empty inventory would check nothing",
                ));
            }
        }
        inventory
            .listings
            .sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
        inventory.strays.sort();
        Ok(inventory)
    }

    /// The folders and files whose change can change the inventory, for a
    /// build script's `rerun-if-changed`.
    pub fn watched(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = [EXAMPLES, COMPILE_FAIL, GO_MODULE]
            .iter()
            .map(|d| self.root.join(d))
            .collect();
        paths.extend(self.listings.iter().map(|l| self.root.join(&l.source)));
        paths
    }

    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Listing> {
        self.listings.iter().filter(move |l| l.kind == kind)
    }

    /// The chat server's steps, in order: every `step-NN` of its Rust
    /// package or its Go directory (a check makes sure both have each).
    pub fn chat_steps(&self) -> Vec<Step> {
        let mut steps: Vec<Step> = self
            .listings
            .iter()
            .filter(|l| l.kind.is_chat())
            .filter_map(|l| {
                let number = l.name.strip_prefix("step-")?.parse().ok()?;
                Some((number, l.name.clone()))
            })
            .map(|(number, name): (u32, String)| Step {
                session: self
                    .sessions
                    .iter()
                    .find(|s| s.file_stem().is_some_and(|f| f == name.as_str()))
                    .cloned(),
                number,
                name,
            })
            .collect();
        steps.sort_by_key(|s| s.number);
        steps.dedup();
        steps
    }

    /// The listing named `id` (`NAME`, `compile-fail/NAME` or `go/NAME`).
    pub fn get(&self, id: &str) -> Option<&Listing> {
        self.listings.iter().find(|l| l.id() == id)
    }

    /// The listing a page names `reference` (see [`Listing::reference`]).
    pub fn by_reference(&self, reference: &str) -> Option<&Listing> {
        self.listings.iter().find(|l| l.reference() == reference)
    }

    /// The listings whose id contains `filter`, as `cargo test` filters.
    pub fn matching<'a>(&'a self, filter: &'a str) -> impl Iterator<Item = &'a Listing> {
        self.listings
            .iter()
            .filter(move |l| l.id().contains(filter))
    }

    /// An absolute path of one of a listing's files.
    pub fn path(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }
}

pub mod advice;
mod scan;

#[cfg(test)]
mod tests;
