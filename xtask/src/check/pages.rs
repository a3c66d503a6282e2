//! Rules for what a page (and README.md, CONTRIBUTING.md) holds: code blocks
//! that run, directives and includes that resolve, links that land on a
//! heading, diagrams that parse.

use std::fs;
use std::path::{Path, PathBuf};

use super::Problem;
use crate::model::{Book, Page};
use crate::{mermaid, normalize};

/// A ```rust block is an inline snippet that skeptic compiles and runs
/// (a directive in it would be compiled as code); listings are shown with
/// `{{#listing}}`, never included by hand.
pub fn code_blocks_run(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    let in_book = book.pages.iter().map(|p| (p, true));
    for (page, is_page) in in_book.chain(book.docs.iter().map(|p| (p, false))) {
        for block in &page.code {
            let tags: Vec<&str> = block
                .info
                .split(|c: char| !(c == '_' || c == '-' || c.is_alphanumeric()))
                .filter(|t| !t.is_empty())
                .collect();
            let rust = tags.contains(&"rust");
            // highlight.js colours ```rs as Rust, but skeptic tests only ```rust.
            if tags.contains(&"rs") && !rust {
                problems.push(Problem::new(
                    &page.path,
                    block.line,
                    "a ```rs block is highlighted as Rust but tested by nothing",
                    "write ```rust, which skeptic compiles and runs (or show a listing with \
                     {{#listing NAME.rs}})",
                ));
            }
            for (tag, fix) in [
                (
                    "ignore",
                    "every listing runs: make the snippet compile and run, or make it a listing",
                ),
                (
                    "no_run",
                    "skeptic would only compile it: make it run, or make it a listing",
                ),
                (
                    "compile_fail",
                    "skeptic cannot check it: put it in examples/compile-fail/ with its .stderr, \
                     where trybuild compares the real compiler error",
                ),
            ] {
                if rust && tags.contains(&tag) {
                    let what = format!("a ```rust block is tagged `{tag}`");
                    problems.push(Problem::new(&page.path, block.line, what, fix));
                }
            }
            if !block.body.contains("{{#") || block.body.contains("\\{{#") {
                continue;
            }
            if rust && !is_page {
                problems.push(Problem::new(
                    &page.path,
                    block.line,
                    "this file is not an mdBook page, so `{{#...}}` is not expanded here",
                    "write the code inline (skeptic runs it), or escape the directive as `\\{{#...}}`",
                ));
            } else if rust || (is_page && includes_a_listing(book, page, &block.body)) {
                problems.push(Problem::new(
                    &page.path,
                    block.line,
                    "a listing is included by hand",
                    "write `{{#listing NAME:ANCHOR}}` (or `{{#go-rust GO RUST}}`) on a line of its \
                     own: the preprocessor writes the code, caption and output",
                ));
            }
        }
    }
    problems
}

/// An inline snippet builds in the `snippets` package, which has no
/// dependencies, so that the listings' crates are never built twice: code
/// that needs tokio, crossbeam or rayon is a listing.
pub fn snippets_use_std_only(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in book.pages.iter().chain(&book.docs) {
        for block in &page.code {
            let rust = block.info.split(',').any(|t| t.trim() == "rust");
            if !rust || block.body.contains("{{#") {
                continue;
            }
            let used = book.crates.iter().find(|k| {
                let path = format!("{}::", k.lib);
                block
                    .body
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .any(|word| word.starts_with(&path))
            });
            if let Some(krate) = used {
                problems.push(Problem::new(
                    &page.path,
                    block.line,
                    format!("this snippet uses `{}`; snippets are std only", krate.lib),
                    "make it a listing (`cargo xtask new-listing`), which may use the book's crates",
                ));
            }
        }
    }
    problems
}

/// Whether `body` includes one of the inventory's files, which only the
/// preprocessor shows.
fn includes_a_listing(book: &Book, page: &Page, body: &str) -> bool {
    let listed: Vec<PathBuf> = book
        .inventory
        .listings
        .iter()
        .flat_map(|l| std::iter::once(l.source.clone()).chain(l.recorded().map(PathBuf::from)))
        .collect();
    body.split("{{#").skip(1).any(|directive| {
        let spec = directive.split_whitespace().nth(1).unwrap_or_default();
        let file = spec.split(':').next().unwrap_or_default();
        listed.contains(&normalize(&page.path.parent().unwrap().join(file)))
    })
}

/// Every `{{#listing}}` and `{{#go-rust}}` names a listing and anchors that
/// exist (the preprocessor's own verdict, so check and build agree).
pub fn directives_resolve(book: &Book) -> Vec<Problem> {
    book.pages
        .iter()
        .flat_map(|page| {
            let problems = &page.expanded.problems;
            problems
                .iter()
                .map(|p| Problem::new(&page.path, p.line, p.what.clone(), p.fix.clone()))
        })
        .collect()
}

/// mdBook's own `{{#include FILE:ANCHOR}}` (of files that are no listing,
/// such as `benches/`) names a file and an anchor that exist: mdBook itself
/// would show an empty block.
pub fn includes_resolve(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in &book.pages {
        for (n, line) in page.text.lines().enumerate() {
            for kind in ["{{#include ", "{{#rustdoc_include "] {
                let Some(start) = line.find(kind) else {
                    continue;
                };
                if line[..start].ends_with('\\') {
                    continue;
                }
                let spec = line[start + kind.len()..]
                    .split("}}")
                    .next()
                    .unwrap_or_default();
                let (file, anchor) = spec.trim().split_once(':').unwrap_or((spec.trim(), ""));
                let target = book.root.join(page.path.parent().unwrap()).join(file);
                let Ok(source) = fs::read_to_string(&target) else {
                    problems.push(Problem::new(
                        &page.path,
                        n + 1,
                        format!("`{kind}{spec}}}}}` names `{file}`, which does not exist"),
                        "the path is relative to this page",
                    ));
                    continue;
                };
                let named =
                    anchor.is_empty() || anchor.chars().all(|c| c.is_ascii_digit() || c == ':');
                if !named && !source.contains(&format!("ANCHOR: {anchor}")) {
                    problems.push(Problem::new(
                        &page.path,
                        n + 1,
                        format!("`{file}` has no anchor `{anchor}` (mdBook would show an empty block)"),
                        format!("mark the lines with `// ANCHOR: {anchor}` and `// ANCHOR_END: {anchor}`"),
                    ));
                }
            }
        }
    }
    problems
}

/// A relative link lands on a page of the book and, with a `#fragment`, on
/// one of its headings' ids.
pub fn links_resolve(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in &book.pages {
        for link in &page.links {
            if let Some(what) = broken(book, &page.path, &link.dest) {
                problems.push(link_problem(&page.path, link.line, what));
            }
        }
    }
    problems
}

/// An exercise's hints are shown inside the page that shows the exercise, so
/// their links are relative to that page; a broken one is told at the line
/// of `hints.md`.
pub fn hint_links_resolve(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for exercise in &book.inventory.exercises {
        let id = exercise.id();
        let Some(page) = book
            .pages
            .iter()
            .find(|p| p.expanded.shown.iter().any(|s| s.id == id))
        else {
            continue; // shown nowhere: another rule says so
        };
        let Ok(text) = fs::read_to_string(book.root.join(&exercise.hints)) else {
            continue;
        };
        let hints = Page::parse(exercise.hints.clone(), text, &book.inventory);
        for link in &hints.links {
            if let Some(what) = broken(book, &page.path, &link.dest) {
                let what = format!(
                    "{what} (relative to {}, which shows it)",
                    page.path.display()
                );
                problems.push(link_problem(&exercise.hints, link.line, what));
            }
        }
    }
    problems
}

fn link_problem(file: &Path, line: usize, what: String) -> Problem {
    Problem::new(
        file,
        line,
        what,
        "link to an existing page; a heading's id is its text in lower case, \
         spaces as `-`, punctuation dropped",
    )
}

/// Why `dest`, linked from `from`, does not land, if it does not.
fn broken(book: &Book, from: &Path, dest: &str) -> Option<String> {
    if dest.contains("://") || dest.starts_with("mailto:") || dest.is_empty() {
        return None;
    }
    let (file, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let target: PathBuf = if file.is_empty() {
        from.to_path_buf()
    } else {
        normalize(&from.parent().unwrap().join(file))
    };
    if !book.root.join(&target).is_file() {
        return Some(format!("links to `{dest}`, but `{file}` does not exist"));
    }
    let linked = book.page(&target)?; // not a page: a listing, a licence
    if fragment.is_empty() || has_id(linked, fragment) {
        return None;
    }
    Some(format!(
        "links to `{dest}`, but no heading there has the id `{fragment}`"
    ))
}

fn has_id(page: &Page, id: &str) -> bool {
    page.headings.iter().any(|h| h.id == id)
}

/// Mermaid's own parser accepts every diagram (see [`mermaid::parse`]).
pub fn mermaid_parses_the_diagrams(book: &Book) -> Vec<Problem> {
    let blocks: Vec<(&Page, usize, &str)> = book
        .pages
        .iter()
        .flat_map(|page| {
            page.code
                .iter()
                .filter(|b| b.info.trim() == "mermaid")
                .map(move |b| (page, b.line, b.body.as_str()))
        })
        .collect();
    if blocks.is_empty() {
        return Vec::new();
    }
    let texts: Vec<&str> = blocks.iter().map(|(_, _, text)| *text).collect();
    let answers = match mermaid::parse(&book.root, &texts) {
        Ok(Some(answers)) => answers,
        Ok(None) => return Vec::new(),
        Err(e) => {
            let (page, line, _) = blocks[0];
            return vec![Problem::new(
                &page.path,
                line,
                format!("could not ask Mermaid whether the diagrams parse: {e:#}"),
                "rerun `cargo xtask check`; if it persists, check that `chromium --headless` runs",
            )];
        }
    };
    blocks
        .iter()
        .zip(answers)
        .filter_map(|((page, fence, _), error)| {
            let error = error?;
            let line = fence + mermaid::error_line(&error).unwrap_or(1);
            let shown: Vec<&str> = error.lines().take(4).collect();
            Some(Problem::new(
                &page.path,
                line,
                format!("Mermaid cannot parse this diagram:\n        {}", shown.join("\n        ")),
                "fix the diagram on this line (the message is Mermaid's own, from the version the book bundles)",
            ))
        })
        .collect()
}

pub fn diagrams_parse(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in &book.pages {
        for block in page.code.iter().filter(|b| b.info.trim() == "mermaid") {
            for (offset, what, fix) in mermaid::lint(&block.body) {
                let line = block.line + 1 + offset;
                problems.push(Problem::new(
                    &page.path,
                    line,
                    format!("Mermaid: {what}"),
                    fix,
                ));
            }
        }
    }
    problems
}

/// A cited Go source file (`src/runtime/proc.go`) exists in the Go tree of
/// the machine's Go 1.26, the release book.toml's `go-source` names, since the
/// preprocessor links it there; and a Go file cited by a bare name
/// (`proc.go`) that the tree has is written in full, so that it links too.
/// Without `go`, the Go steps of `cargo xtask test` say so (and fail in CI).
pub fn go_sources_exist(book: &Book) -> Vec<Problem> {
    let Some(goroot) = goroot() else {
        return Vec::new();
    };
    let src = goroot.join("src");
    let mut problems = Vec::new();
    for page in &book.pages {
        let line = |offset: usize| page.text[..offset].matches('\n').count() + 1;
        for (range, code) in mdbook_listings::sources::code_spans(&page.text) {
            if mdbook_listings::sources::is_go_source(&code) {
                if !goroot.join(&code).is_file() {
                    problems.push(Problem::new(
                        &page.path,
                        line(range.start),
                        format!("`{code}` is not a file of Go's tree ({})", goroot.display()),
                        "fix the path: the page links it to the Go release in book.toml",
                    ));
                }
                continue;
            }
            let bare =
                code.ends_with(".go") && !code.contains(' ') && !code.starts_with("examples/");
            let full = [Path::new(""), Path::new("runtime")]
                .iter()
                .map(|dir| dir.join(&code))
                .find(|relative| src.join(relative).is_file());
            if let (true, Some(full)) = (bare, full) {
                problems.push(Problem::new(
                    &page.path,
                    line(range.start),
                    format!("`{code}` names a file of Go's tree by a partial path"),
                    format!(
                        "write `src/{}`, which the page then links to",
                        full.display()
                    ),
                ));
            }
        }
    }
    problems
}

/// A cited file of a crate (`tokio/src/time/clock.rs`) exists in that crate
/// at the version Cargo.lock resolves, as cargo unpacked it, since the page
/// links it there; a path under `src/` that names no crate of the lock is
/// reported too (it would not link).
pub fn crate_sources_exist(book: &Book) -> Vec<Problem> {
    let lock = fs::read_to_string(book.root.join("Cargo.lock")).unwrap_or_default();
    let crates = mdbook_listings::sources::Releases::crates_of_lock(&lock);
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let registries: Vec<PathBuf> = home
        .and_then(|h| fs::read_dir(h.join("registry/src")).ok())
        .map(|dirs| dirs.flatten().map(|d| d.path()).collect())
        .unwrap_or_default();
    let mut problems = Vec::new();
    for page in &book.pages {
        let line = |offset: usize| page.text[..offset].matches('\n').count() + 1;
        for (range, code) in mdbook_listings::sources::code_spans(&page.text) {
            let Some((krate, path)) = code.split_once("/src/") else {
                continue;
            };
            let is_path = code.ends_with(".rs")
                && code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_./-".contains(c));
            if !is_path || krate.contains('/') || ["xtask", "examples", "benches"].contains(&krate)
            {
                continue;
            }
            let Some(version) = crates.get(krate) else {
                problems.push(Problem::new(
                    &page.path,
                    line(range.start),
                    format!("`{code}` names no crate Cargo.lock has at one version"),
                    "write the crate's name first, as `tokio/src/…`, so that it links",
                ));
                continue;
            };
            let unpacked: Vec<PathBuf> = registries
                .iter()
                .map(|r| r.join(format!("{krate}-{version}")))
                .filter(|d| d.is_dir())
                .collect();
            if !unpacked.is_empty() && !unpacked.iter().any(|d| d.join("src").join(path).is_file())
            {
                problems.push(Problem::new(
                    &page.path,
                    line(range.start),
                    format!("`{code}` is not a file of {krate} {version}"),
                    "fix the path: the page links it to that version on docs.rs",
                ));
            }
        }
    }
    problems
}

/// `go env GOROOT`, if `go` is installed.
fn goroot() -> Option<std::path::PathBuf> {
    let output = std::process::Command::new("go")
        .args(["env", "GOROOT"])
        .output()
        .ok()?;
    let root = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !root.trim().is_empty()).then(|| root.trim().into())
}

/// Sources the prose quotes, as it names them, and where each is read: a
/// paragraph that quotes one (it has a quotation mark) links it there.
const QUOTED_SOURCES: &[(&str, &str)] = &[
    ("Go spec", "https://go.dev/ref/spec"),
    ("the spec", "https://go.dev/ref/spec"),
    ("the memory model", "https://go.dev/ref/mem"),
    ("Go memory model", "https://go.dev/ref/mem"),
    ("Go blog", "https://go.dev/blog/"),
    ("release notes", "https://go.dev/doc/go1."),
    ("Go by Example", "https://gobyexample.com/"),
];

pub fn quoted_sources_are_linked(book: &Book) -> Vec<Problem> {
    use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
    let mut problems = Vec::new();
    for page in &book.pages {
        let options = mdbook_markdown::MarkdownOptions::default();
        let (mut text, mut links, mut start) = (String::new(), Vec::new(), None);
        for (event, range) in
            mdbook_markdown::new_cmark_parser(&page.text, &options).into_offset_iter()
        {
            match event {
                Event::Start(Tag::Paragraph) => {
                    start = Some(range.start);
                    text.clear();
                    links.clear();
                }
                Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
                Event::Text(t) | Event::Code(t) if start.is_some() => text.push_str(&t),
                Event::End(TagEnd::Paragraph) => {
                    let Some(at) = start.take() else { continue };
                    if !text.contains(['"', '“']) {
                        continue;
                    }
                    let lower = text.to_lowercase();
                    for (name, url) in QUOTED_SOURCES {
                        let named = lower.contains(&name.to_lowercase());
                        if named && !links.iter().any(|l| l.starts_with(url)) {
                            let line = page.text[..at].lines().count() + 1;
                            problems.push(Problem::new(
                                &page.path,
                                line,
                                format!("this paragraph quotes {name} without a link to it"),
                                format!("link the source where it is named: [{name}]({url}…), pinned where the source has versions"),
                            ));
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    problems
}

/// Go/Rust panes are only what `{{#go-rust}}` writes: a pane written by hand
/// could hold prose that a reader on the other tab never sees.
pub fn panes_come_from_directives(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in &book.pages {
        for (n, line) in page.text.lines().enumerate() {
            if line.contains(mdbook_listings::GO_RUST) || line.contains("<div class=\"pane\"") {
                problems.push(Problem::new(
                    &page.path,
                    n + 1,
                    "Go/Rust panes written by hand",
                    "write {{#go-rust GO-NAME RUST-NAME}}, and put the prose around it, outside the panes",
                ));
            }
        }
    }
    problems
}
