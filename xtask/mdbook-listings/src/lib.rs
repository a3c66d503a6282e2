//! Expands the book's two listing directives into the markup a page shows.
//! A page says *what* it shows; this crate writes *how*, in one place:
//!
//! ```text
//! {{#listing NAME[:ANCHOR,...] [| note: TEXT] [| output: TEXT] [| stderr: TEXT] [| part]}}
//! {{#go-rust GO-NAME[:ANCHOR,...] RUST-NAME[:ANCHOR,...] [| note: …] [| output: …] [| stderr: …]
//!            [| go note: …] [| go output: …] [| part]}}
//! ```
//!
//! `NAME` names a listing of the inventory by its file, so that a search for
//! the file finds the page: `chNN-MM-slug.rs` (a Rust listing),
//! `compile-fail/chNN-MM-slug.rs`, or, for a Go listing, its folder,
//! `go/chNN-MM-slug` (in `{{#go-rust}}` the Go one needs no `go/`); or one of
//! the Go-vs-Rust benchmarks, `go/bench` and `benches/NAME.rs`. A listing expands to
//! one code block per anchor (the whole file without one), a caption naming
//! the file and the command that runs it (then `; ` and the `note`), and
//! what its run recorded: stdout (or, for a benchmark listing, its
//! release-mode `.bench.txt`), with the `output` note under it (what varies,
//! say), then stderr (under it the `stderr` note, or a caption saying it is
//! stderr), and a loom model's report. `part` shows only the code, of a
//! listing that the page shows whole elsewhere; in `{{#go-rust}}` it is the
//! Rust pane's (the Go pane always shows its listing whole). A note cannot
//! contain `|`, which separates them. `{{#go-rust}}` puts a
//! Go listing and a Rust one side by side, as the panes that
//! `theme/js/go-rust-tabs.js` turns into tabs; `go note` and `go output`
//! are the Go pane's notes.
//! `{{#exercise NAME}}` shows an exercise of `examples/exercises/NAME/`: its
//! starter (with the tests that define success), its hints and a solution,
//! each behind a reveal.
//!
//! The chat server's parts (`chat/step-03`, `go/chat/step-03`, `chat/lib`,
//! `chat/load`) are folders of files: a directive names the anchors to show,
//! each shown as its lines, under a caption naming its file; `| diff` shows
//! each as what changed since the previous step (see `chat.rs`).
//! `{{#chat-session step-03}}` shows a step's session, the transcript that
//! `tests/chat.rs` replays against both languages.
//!
//! `{{#quiz NAME}}` shows the questions of `src/quizzes/NAME.toml`;
//! `quiz.rs` checks each answer about a program against what the program
//! really printed, or whether it really compiles.
//!
//! `\{{#listing …}}` is shown as written.
//!
//! The code goes through mdBook's own `{{#rustdoc_include}}` and
//! `{{#include}}`, so anchors and the Run button behave as mdBook documents.

use std::fmt::Write as _;
use std::path::Path;

use inventory::{Anchor, Inventory, Kind, Listing};

/// The longest note a Go/Rust pane may carry.
pub const MAX_PANE_NOTE: usize = 250;

/// The tabs' markup, which `theme/js/go-rust-tabs.js` reads.
pub const GO_RUST: &str = r#"<div class="go-rust">"#;
pub const GO_PANE: &str = r#"<div class="pane" data-lang="go">"#;
pub const RUST_PANE: &str = r#"<div class="pane" data-lang="rust">"#;

/// A page after expansion, with what it showed and what was wrong.
#[derive(Debug, Default)]
pub struct Expanded {
    pub text: String,
    /// Every listing shown.
    pub shown: Vec<Shown>,
    pub problems: Vec<Problem>,
}

/// A listing a directive showed, at `line`: whole, or `part` of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub line: usize,
    pub id: String,
    pub part: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub what: String,
    pub fix: String,
}

/// One listing as a directive names it.
struct Spec<'a> {
    listing: &'a Listing,
    anchors: Vec<&'a Anchor>,
}

/// Expands every directive of `text`, the page at `page` (relative to the
/// book's root, e.g. `src/ch03-channels/fundamentals.md`).
pub fn expand(text: &str, page: &Path, inventory: &Inventory) -> Expanded {
    let to_root = "../".repeat(page.components().count().saturating_sub(1));
    let mut out = Expanded::default();
    let mut rest = text;
    let mut line = 1;
    while let Some(start) = rest.find("{{#") {
        let (before, at) = rest.split_at(start);
        out.text.push_str(before);
        line += before.matches('\n').count();
        let Some(end) = at.find("}}") else {
            out.text.push_str(at);
            rest = "";
            break;
        };
        let directive = &at[..end + 2];
        rest = &at[end + 2..];
        if before.ends_with('\\') {
            out.text.push_str(directive); // escaped: mdBook drops the `\`
            continue;
        }
        let inner = directive[3..directive.len() - 2].trim();
        let (kind, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let mut writer = Writer {
            inventory,
            to_root: &to_root,
            text: String::new(),
            shown: Vec::new(),
            line,
        };
        let result = match kind {
            "listing" => writer.one(args),
            "go-rust" => writer.pair(args),
            "exercise" => writer.exercise(args),
            "quiz" => writer.quiz(args),
            "chat-session" => writer.session(args),
            _ => {
                out.text.push_str(directive); // mdBook's own ({{#include}}, …)
                continue;
            }
        };
        let alone = before.is_empty() || before.ends_with('\n');
        let alone = alone && (rest.is_empty() || rest.starts_with('\n'));
        match result {
            Ok(()) if alone => {
                out.text.push_str(writer.text.trim_end());
                out.shown.extend(writer.shown);
            }
            Ok(()) => {
                out.problems.push(Problem {
                    line,
                    what: format!("`{directive}` shares its line with other text"),
                    fix: "put the directive on a line of its own".into(),
                });
                out.text.push_str(directive);
            }
            Err(problem) => {
                out.problems.push(Problem { line, ..problem });
                out.text.push_str(directive);
            }
        }
    }
    out.text.push_str(rest);
    out
}

fn problem(what: String, fix: impl Into<String>) -> Problem {
    Problem {
        line: 0,
        what,
        fix: fix.into(),
    }
}

/// What a listing's caption and output add to the generated text.
#[derive(Clone, Copy, Default)]
struct Notes<'a> {
    caption: Option<&'a str>,
    output: Option<&'a str>,
    /// Says what the stderr shows, instead of the generic caption.
    stderr: Option<&'a str>,
    /// Only the code: the listing is shown whole elsewhere on the page.
    part: bool,
    /// A chat server step's code as what changed since the step before.
    diff: bool,
}

/// `SPECS [| KEY: TEXT]...` -> (specs, the Rust or only listing's notes,
/// the Go pane's notes).
fn split_notes(args: &str) -> Result<(&str, Notes<'_>, Notes<'_>), Problem> {
    let mut parts = args.split('|').map(str::trim);
    let specs = parts.next().unwrap_or_default();
    let (mut notes, mut go) = (Notes::default(), Notes::default());
    for part in parts {
        let (key, text) = part.split_once(':').unwrap_or((part, ""));
        let slot = match key.trim() {
            "part" if text.is_empty() => {
                notes.part = true;
                continue;
            }
            "diff" if text.is_empty() => {
                notes.diff = true;
                continue;
            }
            "note" => &mut notes.caption,
            "output" => &mut notes.output,
            "stderr" => &mut notes.stderr,
            "go note" => &mut go.caption,
            "go output" => &mut go.output,
            other => {
                return Err(problem(
                    format!("unknown note `{other}`"),
                    "write `| note: TEXT` (the caption's end), `| output: TEXT` (under the \
                     output), `| stderr: TEXT` (under what it wrote to stderr) or `| part` (only \
                     the code, of a listing shown whole elsewhere on the page); in {{#go-rust}} \
                     also `| go note: TEXT`, `| go output: TEXT`",
                ));
            }
        };
        *slot = Some(text.trim());
    }
    Ok((specs, notes, go))
}

/// The listing a page names: `NAME.rs`, `compile-fail/NAME.rs`,
/// `benches/NAME.rs` (a file) or `go/NAME` (a folder).
pub(crate) fn lookup<'a>(
    inventory: &'a Inventory,
    reference: &str,
) -> Result<&'a Listing, Problem> {
    if let Some(listing) = inventory.by_reference(reference) {
        return Ok(listing);
    }
    let fix = match inventory.get(reference) {
        Some(listing) => format!("name it by its file: `{}`", listing.reference()),
        None => {
            let bare = reference.trim_start_matches("go/").trim_end_matches(".rs");
            let near: Vec<String> = inventory
                .listings
                .iter()
                .filter(|l| l.name.split('-').take(2).eq(bare.split('-').take(2)))
                .map(Listing::reference)
                .collect();
            if near.is_empty() {
                "name a listing of examples/: NAME.rs, compile-fail/NAME.rs or go/NAME".to_owned()
            } else {
                format!("listings of that item: {}", near.join(", "))
            }
        }
    };
    Err(problem(format!("no listing is named `{reference}`"), fix))
}

fn resolve<'a>(spec: &'a str, inventory: &'a Inventory, go: bool) -> Result<Spec<'a>, Problem> {
    let (id, anchors) = spec.split_once(':').unwrap_or((spec, ""));
    let id = if go && !id.starts_with("go/") && !id.starts_with("benches/") {
        format!("go/{id}")
    } else {
        id.to_owned()
    };
    let listing = lookup(inventory, &id)?;
    let mut found = Vec::new();
    for anchor in anchors.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        let Some(known) = listing.anchors.iter().find(|a| a.name == anchor) else {
            let names: Vec<&str> = listing.anchors.iter().map(|a| a.name.as_str()).collect();
            return Err(problem(
                format!("`{}` has no anchor `{anchor}`", listing.source.display()),
                format!(
                    "mark the lines with `// ANCHOR: {anchor}` and `// ANCHOR_END: {anchor}`, \
                     or use one of: {}",
                    names.join(", ")
                ),
            ));
        };
        found.push(known);
    }
    Ok(Spec {
        listing,
        anchors: found,
    })
}

/// Writes the expansion of one directive, at `line`, and what it shows.
struct Writer<'a> {
    inventory: &'a Inventory,
    to_root: &'a str,
    text: String,
    shown: Vec<Shown>,
    line: usize,
}

impl Writer<'_> {
    fn show(&mut self, spec: &Spec, notes: Notes) -> Result<(), Problem> {
        if spec.listing.kind.is_chat() {
            chat::write(&mut self.text, spec, notes, self.to_root, self.inventory)?;
        } else if notes.diff {
            return Err(problem(
                format!("`| diff` of `{}`", spec.listing.id()),
                "`| diff` shows what changed since the previous step of the chat server; \
                 show other listings as they are",
            ));
        } else {
            write_listing(&mut self.text, spec, notes, self.to_root, self.inventory);
        }
        self.shown.push(Shown {
            line: self.line,
            id: spec.listing.id(),
            part: notes.part,
        });
        Ok(())
    }

    /// A step's session: the transcript `tests/chat.rs` replays.
    fn session(&mut self, args: &str) -> Result<(), Problem> {
        let name = args.trim();
        let path = chat::session(self.inventory, name)?;
        self.shown.push(Shown {
            line: self.line,
            id: format!("session/{name}"),
            part: false,
        });
        writeln!(
            self.text,
            "```text\n{{{{#include {}{}}}}}\n```\n\n\
             <span class=\"caption\">`{}`, a session: `>` is what a client sends, `<` what it \
             reads; `cargo test --test chat -- {name}/session` replays it against the Go \
             server and the Rust one, which must answer it line for line</span>",
            self.to_root,
            path.display(),
            path.display(),
        )
        .unwrap();
        Ok(())
    }

    fn one(&mut self, args: &str) -> Result<(), Problem> {
        let (spec, notes, go) = split_notes(args)?;
        if go.caption.is_some() || go.output.is_some() {
            return Err(problem(
                "`go note` and `go output` belong to {{#go-rust}}".into(),
                "write `| note:` and `| output:` for a listing on its own",
            ));
        }
        if spec.split_whitespace().count() != 1 {
            return Err(problem(
                format!("`{{{{#listing {args}}}}}` names more than one listing"),
                "one listing per {{#listing}}; a Go and a Rust one side by side are {{#go-rust GO RUST}}",
            ));
        }
        let spec = resolve(spec, self.inventory, false)?;
        self.show(&spec, notes)
    }

    /// An exercise: its starter, editable and with its tests, which
    /// `theme/js/exercises.js` gives a "Run tests" button; the hints and a
    /// solution, each behind a reveal.
    fn exercise(&mut self, args: &str) -> Result<(), Problem> {
        let name = args.trim();
        let exercise = self
            .inventory
            .exercises
            .iter()
            .find(|e| e.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self
                    .inventory
                    .exercises
                    .iter()
                    .map(|e| e.name.as_str())
                    .collect();
                problem(
                    format!("no exercise is named `{name}`"),
                    format!("name a folder of examples/exercises/: {}", names.join(", ")),
                )
            })?;
        self.shown.push(Shown {
            line: self.line,
            id: exercise.id(),
            part: false,
        });
        let root = self.to_root;
        let (starter, solution) = (exercise.starter.display(), exercise.solution.display());
        writeln!(
            self.text,
            "<div class=\"exercise\" data-exercise=\"{name}\">\n\n\
             ```rust,editable\n{{{{#include {root}{starter}}}}}\n```\n\n\
             <span class=\"caption\">Exercise `{name}` ({level}) · `{starter}` · \
             its tests fail until you solve it: run them here, or in your editor with \
             `cargo xtask exercise {name}`</span>\n\n\
             <details>\n<summary>Hints</summary>\n\n{{{{#include {root}{hints}}}}}\n\n</details>\n\n\
             <details class=\"solution\">\n<summary>A solution</summary>\n\n\
             ```rust\n{{{{#include {root}{solution}}}}}\n```\n\n\
             <span class=\"caption\">`{solution}`, which `cargo xtask test` proves passes the same tests</span>\n\n\
             </details>\n\n</div>",
            level = exercise.level,
            hints = exercise.hints.display(),
        )
        .unwrap();
        Ok(())
    }

    /// A quiz of `src/quizzes/` (see `quiz.rs`).
    fn quiz(&mut self, args: &str) -> Result<(), Problem> {
        let shown = quiz::write(
            args.trim(),
            self.inventory,
            self.to_root,
            self.line,
            &mut self.text,
        )?;
        self.shown.extend(shown);
        Ok(())
    }

    fn pair(&mut self, args: &str) -> Result<(), Problem> {
        let (specs, notes, go_notes) = split_notes(args)?;
        // What a pane says, a reader on the other tab never sees: a note is a
        // caption, and teaching belongs in the prose around the pair.
        let long = [notes, go_notes]
            .into_iter()
            .flat_map(|n| [n.caption, n.output, n.stderr])
            .flatten()
            .find(|note| note.chars().count() > MAX_PANE_NOTE);
        if let Some(note) = long {
            return Err(problem(
                format!(
                    "a note of {} characters inside a Go/Rust pane, where the other tab's reader \
                     never sees it",
                    note.chars().count()
                ),
                format!(
                    "keep a pane's notes under {MAX_PANE_NOTE} characters (what varies, how it \
                     runs), and say the rest in the prose around the pair"
                ),
            ));
        }
        let specs: Vec<&str> = specs.split_whitespace().collect();
        let [go, rust] = specs[..] else {
            return Err(problem(
                format!("`{{{{#go-rust {args}}}}}` needs a Go listing and a Rust one"),
                "write {{#go-rust GO-NAME[:ANCHOR] RUST-NAME[:ANCHOR]}}",
            ));
        };
        let go = resolve(go, self.inventory, true)?;
        let rust = resolve(rust, self.inventory, false)?;
        if !matches!(go.listing.kind, Kind::Go | Kind::GoBench | Kind::ChatGo) {
            return Err(problem(
                format!("`{}` is no Go listing, in the Go pane", go.listing.id()),
                "the Go listing comes first, then the Rust one",
            ));
        }
        if matches!(rust.listing.kind, Kind::Go | Kind::GoBench | Kind::ChatGo) {
            return Err(problem(
                format!("`{}` is a Go listing, in the Rust pane", rust.listing.id()),
                "the Go listing comes first, then the Rust one",
            ));
        }
        if go.listing.kind.is_chat() != rust.listing.kind.is_chat()
            || (go.listing.kind.is_chat() && go.listing.name != rust.listing.name)
        {
            return Err(problem(
                format!("`{}` beside `{}`", go.listing.id(), rust.listing.id()),
                "a part of the chat server sits beside its twin: {{#go-rust chat/step-03:ANCHOR chat/step-03:ANCHOR}}",
            ));
        }
        // A chat step's parts are each shown in part, both panes alike.
        let go_part = go.listing.kind.is_chat() && notes.part;
        writeln!(self.text, "{GO_RUST}\n{GO_PANE}\n").unwrap();
        self.show(
            &go,
            Notes {
                part: go_part,
                diff: notes.diff,
                ..go_notes
            },
        )?;
        writeln!(self.text, "</div>\n{RUST_PANE}\n").unwrap();
        self.show(&rust, notes)?;
        writeln!(self.text, "</div>\n</div>").unwrap();
        Ok(())
    }
}

/// The code, the caption, and the recorded outputs of one listing.
/// The prefix that hides a line of a Go block (book.toml's
/// `[output.html.code.hidelines]`): the eye button shows it.
pub const GO_HIDDEN: &str = "~~";

/// A Go file as one block: the lines of the `shown` anchors as they are, the
/// others hidden, and the `ANCHOR` comments left out, as `{{#include}}` does.
/// None if the file cannot be read (a test's made-up inventory), or if it
/// could end the fence.
fn go_block(path: &std::path::Path, shown: &[&str]) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    if text.contains("```") {
        return None;
    }
    let mut open: Vec<&str> = Vec::new();
    let mut block = String::from("```go\n");
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix("// ANCHOR:") {
            open.push(name.trim());
            continue;
        }
        if let Some(name) = trimmed.strip_prefix("// ANCHOR_END:") {
            open.retain(|n| *n != name.trim());
            continue;
        }
        if !open.iter().any(|n| shown.contains(n)) {
            block.push_str(GO_HIDDEN);
        }
        block.push_str(line);
        block.push('\n');
    }
    block.push_str("```\n");
    Some(block)
}

fn write_listing(
    out: &mut String,
    spec: &Spec,
    notes: Notes,
    to_root: &str,
    inventory: &Inventory,
) {
    let listing = spec.listing;
    let source = listing.source.display().to_string();
    let (fence, include) = match listing.kind {
        Kind::Go | Kind::GoBench => ("go", "include"),
        // A benchmark needs criterion, which neither the playground nor the runner has.
        Kind::RustBench => ("rust,noplayground", "rustdoc_include"),
        _ => ("rust", "rustdoc_include"),
    };
    let parts: Vec<String> = if spec.anchors.is_empty() {
        vec![source.clone()]
    } else {
        let part = |a: &&Anchor| format!("{}:{}", a.file.display(), a.name);
        spec.anchors.iter().map(part).collect()
    };
    // A Go pane shows its anchors with the rest of each file hidden, as
    // mdBook does for Rust: one block per file that has a shown anchor.
    let mut go_files: Vec<&std::path::Path> = Vec::new();
    for anchor in &spec.anchors {
        if !go_files.contains(&anchor.file.as_path()) {
            go_files.push(&anchor.file);
        }
    }
    let names: Vec<&str> = spec.anchors.iter().map(|a| a.name.as_str()).collect();
    let go_blocks: Option<Vec<String>> = (listing.kind == Kind::Go && !spec.anchors.is_empty())
        .then(|| {
            go_files
                .iter()
                .map(|file| go_block(&inventory.path(file), &names))
                .collect()
        })
        .flatten();
    // A Go program's blocks, named by file, for the Run button that
    // `theme/js/playground.js` gives it where the local runner serves.
    let go_program = listing.kind == Kind::Go;
    if go_program {
        let files: Vec<String> = if go_files.is_empty() {
            vec![listing.source.clone()]
        } else {
            go_files.iter().map(|f| f.to_path_buf()).collect()
        }
        .iter()
        .filter_map(|f| Some(f.file_name()?.to_string_lossy().into_owned()))
        .collect();
        writeln!(
            out,
            "<div class=\"go-program\" data-listing=\"{}\" data-files=\"{}\">\n",
            listing.name,
            files.join(" ")
        )
        .unwrap();
    }
    match go_blocks {
        Some(blocks) => blocks.iter().for_each(|b| writeln!(out, "{b}").unwrap()),
        None => {
            for part in parts {
                writeln!(out, "```{fence}\n{{{{#{include} {to_root}{part}}}}}\n```\n").unwrap();
            }
        }
    }
    if go_program {
        writeln!(out, "</div>\n").unwrap();
    }
    if notes.part {
        return;
    }
    let command = listing.run_command();
    let mut caption = match (listing.kind, &listing.bench_txt) {
        (Kind::CompileFail, _) => {
            format!("`{source}`, checked against the compiler by `{command}`")
        }
        (Kind::Rust, Some(_)) => format!(
            "`{source}` · numbers from `cargo xtask bench {}`, in release mode on the machine named \
             (the tests run it quickly in debug mode: `{command}`)",
            listing.name
        ),
        // No Go runner online: the command is how to run it (served by
        // `cargo xtask serve`, the pane has a Run button too).
        (Kind::Go, _) => format!("`{source}` · run it locally with `{command}`"),
        _ => format!("`{source}` · `{command}`"),
    };
    if let Some(note) = notes.caption {
        write!(caption, "; {note}").unwrap();
    }
    writeln!(out, "<span class=\"caption\">{caption}</span>\n").unwrap();
    let stdout = match &listing.bench_txt {
        Some(bench) => Some(bench),
        None => listing.stdout.as_ref(),
    };
    let outputs = [
        (stdout, notes.output),
        (
            listing.stderr.as_ref(),
            (listing.kind != Kind::CompileFail)
                .then(|| notes.stderr.unwrap_or("what it wrote to stderr")),
        ),
        (
            listing.loom_txt.as_ref(),
            Some("what its loom model reported (`cargo xtask test` runs it under `--cfg loom`)"),
        ),
        (
            listing.race_txt.as_ref(),
            Some(
                "built with `-race`, it wrote this report on stderr and exited with status 66 \
                 (`cargo xtask test` runs it so; the addresses and goroutine numbers vary)",
            ),
        ),
    ];
    for (file, label) in outputs {
        let Some(file) = file else { continue };
        writeln!(
            out,
            "```text\n{{{{#include {to_root}{}}}}}\n```\n",
            file.display()
        )
        .unwrap();
        if let Some(label) = label {
            writeln!(out, "<span class=\"caption\">{label}</span>\n").unwrap();
        }
    }
    let status = listing.output.exit;
    if status != 0 {
        let why = match (listing.kind, status) {
            (Kind::Rust, 101) => " (a panic in `main`)",
            (Kind::Go, 2) => " (a panic, or a fatal error of the runtime)",
            _ => "",
        };
        writeln!(
            out,
            "<span class=\"caption exit-status\">then it exited with status {status}{why}</span>\n"
        )
        .unwrap();
    }
}

/// What a page with an exercise or a quiz needs and no other page does: the
/// script and style sheet of each, which `page_assets` carries inline there
/// (book.toml loads the book's other scripts on every page). The scripts run
/// once the page is parsed, after mdBook's own.
const PAGE_ASSETS: &[(&str, &str, &str)] = &[
    (
        "<div class=\"exercise\"",
        include_str!("../../../theme/js/exercises.js"),
        include_str!("../../../theme/css/exercises.css"),
    ),
    (
        "<div class=\"quiz\"",
        include_str!("../../../theme/js/quiz.js"),
        include_str!("../../../theme/css/quiz.css"),
    ),
];

/// The inline script and style that an expanded page's exercises and quizzes
/// need, to append to it (empty for a page without).
pub fn page_assets(expanded: &str) -> String {
    let mut out = String::new();
    for (marker, script, style) in PAGE_ASSETS {
        if expanded.contains(marker) {
            write!(
                out,
                "\n\n<style>\n{style}</style>\n\n<script>\ndocument.addEventListener('DOMContentLoaded', () => {{\n{script}}});\n</script>\n"
            )
            .unwrap();
        }
    }
    out
}

mod chat;
pub mod diagrams;
mod quiz;
pub mod sources;
#[cfg(test)]
mod tests;
