//! The book's static checks: no build, no run, a second or so.
//!
//! Every problem names the file and line, says what is wrong and how to fix it.
//! The rules keep the book's promise that every listing shown is a tested
//! program: a ```rust block is either an include of an existing listing and
//! anchor, or an inline snippet that skeptic compiles and runs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::{Result, bail};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::{golang, md_links, mermaid, normalize};

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub what: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}\n    fix: {}",
            self.file.display(),
            self.line,
            self.what,
            self.fix
        )
    }
}

pub fn run_and_report(root: &Path) -> Result<()> {
    let problems = run(root)?;
    for problem in &problems {
        eprintln!("{problem}");
    }
    if !problems.is_empty() {
        bail!(
            "the book's static checks found {} problem(s)",
            problems.len()
        );
    }
    eprintln!("xtask check: ok");
    Ok(())
}

/// Runs every static check on the book rooted at `root`.
pub fn run(root: &Path) -> Result<Vec<Problem>> {
    let mut cx = Checker {
        root: root.to_path_buf(),
        problems: Vec::new(),
        included: Vec::new(),
    };
    let pages = markdown_files(&root.join("src"))?;
    let summary = cx.check_summary(&pages)?;
    for page in &pages {
        cx.check_page(page)?;
    }
    for extra in ["README.md", "CONTRIBUTING.md"] {
        let path = root.join(extra);
        if path.exists() {
            cx.check_code_blocks(&path, &fs::read_to_string(&path)?, false);
        }
    }
    cx.check_listings_are_shown()?;
    cx.check_go_listings_are_shown()?;
    cx.check_roadmap(&summary)?;
    cx.check_playground_crates()?;
    cx.problems.sort();
    Ok(cx.problems)
}

struct Checker {
    root: PathBuf,
    problems: Vec<Problem>,
    /// Every `{{#include}}`-like directive found: (page, line, target file).
    included: Vec<(PathBuf, usize, PathBuf)>,
}

/// What SUMMARY.md says about the chapters: number -> written (not a draft).
struct Summary {
    chapters: BTreeMap<u32, bool>,
}

impl Checker {
    fn problem(
        &mut self,
        file: &Path,
        line: usize,
        what: impl Into<String>,
        fix: impl Into<String>,
    ) {
        let file = file.strip_prefix(&self.root).unwrap_or(file).to_path_buf();
        self.problems.push(Problem {
            file,
            line,
            what: what.into(),
            fix: fix.into(),
        });
    }

    fn check_summary(&mut self, pages: &[PathBuf]) -> Result<Summary> {
        let path = self.root.join("src/SUMMARY.md");
        let text = fs::read_to_string(&path)?;
        let lines = LineIndex::new(&text);
        let mut listed = BTreeSet::new();
        let mut chapters = BTreeMap::new();
        let mut depth = 0;
        let mut title: Option<(String, String, usize)> = None;
        for (event, range) in Parser::new(&text).into_offset_iter() {
            match event {
                Event::Start(Tag::List(_)) => depth += 1,
                Event::End(TagEnd::List(_)) => depth -= 1,
                Event::Start(Tag::Link { dest_url, .. }) => {
                    title = Some((dest_url.to_string(), String::new(), lines.line(range.start)));
                }
                Event::Text(t) => {
                    if let Some((_, words, _)) = title.as_mut() {
                        words.push_str(&t);
                    }
                }
                Event::End(TagEnd::Link) => {
                    let (dest, words, line) = title.take().unwrap();
                    if depth == 1 {
                        let number = words.split(|c: char| !c.is_ascii_digit()).next();
                        if let Some(n) = number.and_then(|n| n.parse().ok()) {
                            chapters.insert(n, !dest.is_empty());
                        }
                    }
                    if dest.is_empty() {
                        continue; // a draft chapter: listed, not yet written
                    }
                    let target = path.parent().unwrap().join(&dest);
                    if target.is_file() {
                        listed.insert(normalize(&target));
                    } else {
                        self.problem(
                            &path,
                            line,
                            format!("`{dest}` does not exist"),
                            "create the page, or make the entry a draft chapter: `- [Title]()`",
                        );
                    }
                }
                _ => {}
            }
        }
        for page in pages {
            if !page.ends_with("SUMMARY.md") && !listed.contains(&normalize(page)) {
                self.problem(
                    page,
                    1,
                    "this page is not in SUMMARY.md, so the book never shows it",
                    "add it to src/SUMMARY.md, or delete it",
                );
            }
        }
        Ok(Summary { chapters })
    }

    fn check_page(&mut self, page: &Path) -> Result<()> {
        let text = fs::read_to_string(page)?;
        self.check_code_blocks(page, &text, true);
        let lines = LineIndex::new(&text);
        for broken in md_links::check(page, &text, |offset| lines.line(offset)) {
            self.problem(
                page,
                broken.line,
                broken.what,
                "link to an existing page; a heading's id is its text in lower case, \
                 spaces as `-`, punctuation dropped",
            );
        }
        self.check_mermaid(page, &text);
        self.check_go_rust_blocks(page, &text);
        for found in DIRECTIVE.captures_iter(&text) {
            let whole = found.get(0).unwrap();
            if text[..whole.start()].ends_with('\\') {
                continue; // `\{{#include}}` is shown, not expanded
            }
            let line = lines.line(whole.start());
            let (kind, args) = (&found[1], found[2].trim());
            if !matches!(kind, "include" | "rustdoc_include" | "playground") {
                continue;
            }
            let spec = args.split_whitespace().next().unwrap_or_default();
            let (file, selector) = spec.split_once(':').unwrap_or((spec, ""));
            let target = page.parent().unwrap().join(file);
            if !target.is_file() {
                self.problem(
                    page,
                    line,
                    format!("`{{{{#{kind} {args}}}}}` names `{file}`, which does not exist"),
                    "the path is relative to this page; \
                     from src/chNN-*/ a listing is ../../examples/NAME.rs",
                );
                continue;
            }
            self.included
                .push((page.to_path_buf(), line, normalize(&target)));
            let is_anchor =
                !selector.is_empty() && !selector.chars().all(|c| c.is_ascii_digit() || c == ':');
            if is_anchor {
                let source = fs::read_to_string(&target)?;
                let has = |marker: &str| {
                    Regex::new(&format!(r"{marker}:\s*{}\b", regex::escape(selector)))
                        .unwrap()
                        .is_match(&source)
                };
                if !has("ANCHOR") || !has("ANCHOR_END") {
                    self.problem(
                        page,
                        line,
                        format!("`{file}` has no anchor `{selector}` (mdBook would show an empty block)"),
                        format!(
                            "mark the lines in {file} with `// ANCHOR: {selector}` and `// ANCHOR_END: {selector}`"
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    /// A `go-rust` block is a Go pane, then a Rust pane: the tabs script and
    /// the roadmap check rely on that shape.
    fn check_go_rust_blocks(&mut self, page: &Path, text: &str) {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (n, line) in lines.iter().enumerate() {
            if *line != GO_RUST {
                continue;
            }
            let rest = &lines[n + 1..];
            let end = rest
                .iter()
                .position(|l| *l == GO_RUST || l.starts_with("## "))
                .unwrap_or(rest.len());
            if rest.first() != Some(&GO_PANE) || !rest[..end].contains(&RUST_PANE) {
                self.problem(
                    page,
                    n + 1,
                    "a go-rust block must hold a Go pane, then a Rust pane",
                    format!(
                        "write `{GO_RUST}` then `{GO_PANE}` on the next line, and open the \
                         Rust pane with `{RUST_PANE}` (blank line after each)"
                    ),
                );
            }
        }
    }

    fn check_mermaid(&mut self, page: &Path, text: &str) {
        let lines = LineIndex::new(text);
        let mut block: Option<(usize, String)> = None;
        for (event, range) in Parser::new(text).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                    if info.trim() == "mermaid" =>
                {
                    // The block's first content line is the line after the fence.
                    block = Some((lines.line(range.start) + 1, String::new()));
                }
                Event::Text(t) => {
                    if let Some((_, body)) = block.as_mut() {
                        body.push_str(&t);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((first_line, body)) = block.take() {
                        for (offset, what, fix) in mermaid::lint(&body) {
                            self.problem(
                                page,
                                first_line + offset,
                                format!("Mermaid: {what}"),
                                fix,
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// `in_book`: the file is an mdBook page, where a ```rust block may also be
    /// an include of a listing.
    fn check_code_blocks(&mut self, file: &Path, text: &str, in_book: bool) {
        let lines = LineIndex::new(text);
        let mut block: Option<(Vec<String>, String, usize)> = None;
        let options = Options::empty();
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                    let tags = info
                        .split(|c: char| !(c == '_' || c == '-' || c.is_alphanumeric()))
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned)
                        .collect::<Vec<_>>();
                    if tags.iter().any(|t| t == "rust") {
                        block = Some((tags, String::new(), lines.line(range.start)));
                    }
                }
                Event::Text(t) => {
                    if let Some((_, body, _)) = block.as_mut() {
                        body.push_str(&t);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((tags, body, line)) = block.take() {
                        self.check_rust_block(file, line, &tags, &body, in_book);
                    }
                }
                _ => {}
            }
        }
    }

    fn check_rust_block(
        &mut self,
        file: &Path,
        line: usize,
        tags: &[String],
        body: &str,
        in_book: bool,
    ) {
        for (tag, fix) in [
            (
                "ignore",
                "every listing runs: move the program to examples/ and include it \
                 with {{#rustdoc_include}}, or make the snippet compile and run",
            ),
            (
                "no_run",
                "skeptic would only compile it: make it run, or move it to examples/",
            ),
            (
                "compile_fail",
                "skeptic cannot check it: put it in examples/compile-fail/ with its \
                 .stderr, where trybuild compares the real compiler error",
            ),
        ] {
            if tags.iter().any(|t| t == tag) {
                self.problem(
                    file,
                    line,
                    format!("a ```rust block is tagged `{tag}`"),
                    fix,
                );
            }
        }
        if !body.contains("{{#") {
            return; // an inline snippet: build.rs hands it to skeptic
        }
        let code: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
        let lone = code.len() == 1 && DIRECTIVE.is_match(code[0]);
        if !in_book {
            self.problem(
                file,
                line,
                "this file is not an mdBook page, so `{{#...}}` is not expanded here",
                "write the code inline (skeptic runs it), or escape the directive as `\\{{#...}}`",
            );
        } else if !lone {
            self.problem(
                file,
                line,
                "a ```rust block mixes an include with other lines",
                "put the include alone in its block; code around it belongs in the listing",
            );
        } else if !code[0].contains("{{#rustdoc_include") {
            self.problem(
                file,
                line,
                "a listing in a ```rust block is pulled in with `{{#include}}`",
                "use `{{#rustdoc_include FILE:ANCHOR}}`: the page then shows the anchor \
                 and the Run button sends the whole tested program",
            );
        }
    }

    /// Every listing is shown on a page, with its recorded output beside it
    /// and the command that runs it.
    fn check_listings_are_shown(&mut self) -> Result<()> {
        let examples = self.root.join("examples");
        let pages_of = self.pages_of();
        for (dir, outputs, compile_fail) in [
            (examples.clone(), &["stdout", "stderr"][..], false),
            (examples.join("compile-fail"), &["stderr"][..], true),
        ] {
            // Without the folder there is nothing to show here; the
            // compile-fail harness fails on a missing or empty one.
            if compile_fail && !dir.exists() {
                continue;
            }
            for entry in sorted_entries(&dir)? {
                let ext = entry
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or_default();
                let name = entry.file_stem().unwrap().to_string_lossy().into_owned();
                if outputs.contains(&ext) && !entry.with_extension("rs").exists() {
                    self.problem(
                        &entry,
                        1,
                        format!("stale recorded output: there is no listing `{name}.rs` any more"),
                        "delete it (was the listing renamed? record the new name with `cargo xtask bless`)",
                    );
                }
                if ext != "rs" {
                    continue;
                }
                let Some(pages) = pages_of.get(&normalize(&entry)).cloned() else {
                    self.problem(
                        &entry,
                        1,
                        "this listing is shown on no page",
                        format!(
                            "include it where it is explained: \
                             {{{{#rustdoc_include ../../examples/{}{name}.rs:ANCHOR}}}}",
                            if compile_fail { "compile-fail/" } else { "" }
                        ),
                    );
                    continue;
                };
                let page = &pages[0];
                for ext in outputs {
                    let output = entry.with_extension(ext);
                    let required = *ext == "stdout" || compile_fail;
                    if !output.exists() {
                        if required {
                            self.problem(
                                &entry,
                                1,
                                format!("`{name}.{ext}` is missing"),
                                if compile_fail {
                                    "record the compiler's error with `cargo xtask bless`"
                                        .to_owned()
                                } else {
                                    format!("record what it prints with `cargo xtask bless {name}`")
                                },
                            );
                        }
                        continue;
                    }
                    let shown_on_page = |file: &Path| {
                        pages_of
                            .get(&normalize(file))
                            .is_some_and(|p| p.contains(page))
                    };
                    // A benchmark's page shows its release-mode results
                    // (`cargo xtask bench`) instead of its quick debug run.
                    let bench = entry.with_extension("bench.txt");
                    let shown = shown_on_page(&output)
                        || (*ext == "stdout" && bench.exists() && shown_on_page(&bench));
                    if !shown {
                        self.problem(
                            page,
                            1,
                            format!("shows {name}.rs but not what it prints, `{name}.{ext}`"),
                            format!("add a ```text block with {{{{#include ../../examples/{}{name}.{ext}}}}}",
                                if compile_fail { "compile-fail/" } else { "" }),
                        );
                    }
                }
                let run = format!("cargo run --example {name}");
                if !compile_fail && !fs::read_to_string(page)?.contains(&run) {
                    self.problem(
                        page,
                        1,
                        format!("shows {name}.rs but not the command that runs it"),
                        format!("name the file and the command in its caption: `{run}`"),
                    );
                }
            }
        }
        Ok(())
    }

    /// The pages that include each file.
    fn pages_of(&self) -> BTreeMap<PathBuf, Vec<PathBuf>> {
        let mut pages_of: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
        for (page, _, target) in &self.included {
            pages_of
                .entry(target.clone())
                .or_default()
                .push(page.clone());
        }
        pages_of
    }

    /// Every Go listing (`examples/go/NAME/main.go`) is shown on a page with
    /// its recorded output and its caption, which names the file and the
    /// command that runs it.
    fn check_go_listings_are_shown(&mut self) -> Result<()> {
        let module = self.root.join(golang::MODULE);
        let pages_of = self.pages_of();
        for dir in sorted_entries(&module)? {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let main = dir.join("main.go");
            if !main.is_file() {
                if dir.join("main.stdout").exists() {
                    self.problem(
                        &dir.join("main.stdout"),
                        1,
                        format!("stale recorded output: there is no `examples/go/{name}/main.go`"),
                        "delete it (was the listing renamed? record the new name with `cargo xtask bless`)",
                    );
                }
                continue;
            }
            let Some(pages) = pages_of.get(&normalize(&main)).cloned() else {
                self.problem(
                    &main,
                    1,
                    "this Go listing is shown on no page",
                    format!(
                        "show it beside its Rust counterpart, in the section's go-rust block: \
                         {{{{#include ../../examples/go/{name}/main.go:ANCHOR}}}}"
                    ),
                );
                continue;
            };
            let page = &pages[0];
            for (output, required) in [("main.stdout", true), ("main.stderr", false)] {
                let file = dir.join(output);
                if !file.exists() {
                    if required {
                        self.problem(
                            &main,
                            1,
                            format!("`examples/go/{name}/{output}` is missing"),
                            format!("record what it prints with `cargo xtask bless {name}`"),
                        );
                    }
                    continue;
                }
                let shown = pages_of
                    .get(&normalize(&file))
                    .is_some_and(|p| p.contains(page));
                if !shown {
                    self.problem(
                        page,
                        1,
                        format!("shows examples/go/{name} but not what it prints, `{output}`"),
                        format!(
                            "add a ```text block with {{{{#include ../../examples/go/{name}/{output}}}}}"
                        ),
                    );
                }
            }
            let caption = format!(
                "<span class=\"caption\">`examples/go/{name}/main.go` · `go run -C examples/go ./{name}`</span>"
            );
            if !fs::read_to_string(page)?.contains(&caption) {
                self.problem(
                    page,
                    1,
                    format!("shows examples/go/{name} without its caption"),
                    format!("put this caption under the listing: {caption}"),
                );
            }
        }
        Ok(())
    }

    /// Every dependency a listing may use is known to be on the Rust
    /// playground or not, so the page can show or hide its Run button.
    fn check_playground_crates(&mut self) -> Result<()> {
        let data = self.root.join("src/playground-crates.json");
        let Ok(text) = fs::read_to_string(&data) else {
            self.problem(
                &data,
                1,
                "the playground's crate list is missing; online, no Run button would know \
                 whether the playground can run its listing",
                "restore src/playground-crates.json from git",
            );
            return Ok(());
        };
        let manifest = fs::read_to_string(self.root.join("Cargo.toml"))?;
        let dependencies = manifest
            .split("\n[dependencies]\n")
            .nth(1)
            .map(|rest| rest.split("\n[").next().unwrap_or_default())
            .unwrap_or_default();
        for line in dependencies.lines() {
            let Some((name, _)) = line.split_once('=') else {
                continue;
            };
            let crate_name = name.trim().replace('-', "_");
            if !text.contains(&format!("\"{crate_name}\"")) {
                self.problem(
                    &data,
                    1,
                    format!("the dependency `{crate_name}` is in neither `has` nor `lacks`"),
                    "look it up in the playground's crate list and record it, with the date",
                );
            }
        }
        Ok(())
    }

    /// Every roadmap item of a written chapter links to its section, whose
    /// heading is the item's own words; a section with a Rust listing shows
    /// the Go listing it starts from.
    fn check_roadmap(&mut self, summary: &Summary) -> Result<()> {
        let path = self.root.join("src/roadmap.md");
        let Ok(text) = fs::read_to_string(&path) else {
            self.problem(
                &path,
                1,
                "the roadmap page is missing",
                "restore src/roadmap.md",
            );
            return Ok(());
        };
        let mut chapter = None;
        for (n, raw) in text.lines().enumerate() {
            let line = n + 1;
            if let Some(heading) = raw.strip_prefix("## ") {
                chapter = heading
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|d| d.parse::<u32>().ok());
                continue;
            }
            let Some(item) = raw.strip_prefix("- ") else {
                continue;
            };
            let written = chapter
                .and_then(|c| summary.chapters.get(&c).copied())
                .unwrap_or(false);
            let Some(link) = ROADMAP_LINK.captures(item) else {
                if written {
                    self.problem(
                        &path,
                        line,
                        format!("`{item}` belongs to a written chapter but links nowhere"),
                        "link it to its section: `- [item words](chNN-*/page.md#heading-id)`",
                    );
                }
                continue;
            };
            let (words, dest) = (&link[1], &link[2]);
            let file = dest.split('#').next().unwrap();
            let target = path.parent().unwrap().join(file);
            let Ok(page) = fs::read_to_string(&target) else {
                self.problem(
                    &path,
                    line,
                    format!("`{dest}`: no such page"),
                    "link to an existing page",
                );
                continue;
            };
            let Some(start) = page
                .lines()
                .position(|l| l.strip_prefix("## ") == Some(words))
            else {
                self.problem(
                    &target,
                    1,
                    format!(
                        "has no `## {words}` section for its roadmap item (src/roadmap.md:{line})"
                    ),
                    "head the item's section with the item's own words",
                );
                continue;
            };
            let section = page
                .lines()
                .skip(start + 1)
                .take_while(|l| !l.starts_with("## "));
            let (mut go_pane, mut go_listing, mut rust_listing) = (false, false, false);
            for l in section {
                go_pane |= l.trim() == GO_PANE;
                go_listing |= go_pane && l.contains("examples/go/") && l.contains("main.go");
                rust_listing |= l.contains("{{#rustdoc_include");
            }
            // A section starts from the Go idiom: its Rust listing has a Go one beside it.
            if rust_listing && !go_listing {
                self.problem(
                    &target,
                    start + 1,
                    format!("the section `## {words}` has no Go listing beside its Rust one"),
                    format!(
                        "add examples/go/chNN-MM-slug/main.go and show it with the section's first \
                         Rust listing in a `<div class=\"go-rust\">` block whose first pane is `{GO_PANE}` \
                         (CONTRIBUTING.md, \"Go listings\")"
                    ),
                );
            }
        }
        Ok(())
    }
}

/// How a section's Go listing starts, inside its `<div class="go-rust">` block
/// (theme/js/go-rust-tabs.js turns the panes into tabs).
pub const GO_RUST: &str = r#"<div class="go-rust">"#;
pub const GO_PANE: &str = r#"<div class="pane" data-lang="go">"#;
pub const RUST_PANE: &str = r#"<div class="pane" data-lang="rust">"#;

static DIRECTIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}").unwrap());
static ROADMAP_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(.+)\]\(([^)\s]+)\)$").unwrap());

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in sorted_entries(dir)? {
        if entry.is_dir() {
            files.extend(markdown_files(&entry)?);
        } else if entry.extension().is_some_and(|e| e == "md") {
            files.push(entry);
        }
    }
    Ok(files)
}

/// The entries of a folder the book needs; one that cannot be read is an
/// error, never an empty folder.
fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let cannot = |e| anyhow::anyhow!("cannot read {}: {e}", dir.display());
    let mut entries = fs::read_dir(dir)
        .map_err(cannot)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(cannot)?;
    entries.sort();
    Ok(entries)
}

/// Byte offset -> 1-based line number.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        Self(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "# Page\n\n## First item\n\n\
        <div class=\"go-rust\">\n<div class=\"pane\" data-lang=\"go\">\n\n```go\n\
        {{#include ../../examples/go/ch01-01-first/main.go}}\n```\n\n\
        <span class=\"caption\">`examples/go/ch01-01-first/main.go` · \
        `go run -C examples/go ./ch01-01-first`</span>\n\n```text\n\
        {{#include ../../examples/go/ch01-01-first/main.stdout}}\n```\n\n\
        </div>\n<div class=\"pane\" data-lang=\"rust\">\n\n```rust\n\
        {{#rustdoc_include ../../examples/ch01-01-first.rs:main}}\n```\n\n\
        `cargo run --example ch01-01-first`\n\n```text\n\
        {{#include ../../examples/ch01-01-first.stdout}}\n```\n\n</div>\n</div>\n";

    /// A small book that passes every check; each test breaks one thing.
    fn fixture(changes: &[(&str, Option<&str>)]) -> Vec<Problem> {
        let sh = xshell::Shell::new().unwrap();
        let dir = sh.create_temp_dir().unwrap();
        let root = dir.path();
        let mut files = BTreeMap::from([
            (
                "src/SUMMARY.md",
                "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n- [2. Two]()\n",
            ),
            (
                "src/roadmap.md",
                "# Roadmap\n\n## 1 One\n- [First item](ch01/page.md#first-item)\n\n## 2 Two\n- Later item\n",
            ),
            ("src/ch01/page.md", PAGE),
            (
                "examples/ch01-01-first.rs",
                "fn main() {\n    // ANCHOR: main\n    println!(\"hi\");\n    // ANCHOR_END: main\n}\n",
            ),
            ("examples/ch01-01-first.stdout", "hi\n"),
            (
                "examples/go/ch01-01-first/main.go",
                "package main\n\nfunc main() { println(\"hi\") }\n",
            ),
            ("examples/go/ch01-01-first/main.stdout", "hi\n"),
            (
                "Cargo.toml",
                "[package]\nname = \"book\"\n\n[dependencies]\ntokio = \"1\"\n",
            ),
            (
                "src/playground-crates.json",
                "{ \"has\": { \"tokio\": \"1.54.1\" }, \"lacks\": [] }\n",
            ),
        ]);
        for (path, text) in changes {
            match text {
                Some(text) => files.insert(path, text),
                None => files.remove(path),
            };
        }
        for (path, text) in files {
            sh.write_file(root.join(path), text).unwrap();
        }
        run(root).unwrap()
    }

    #[track_caller]
    fn assert_problem(problems: &[Problem], file: &str, line: usize, what: &str) {
        assert!(
            problems
                .iter()
                .any(|p| p.file == Path::new(file) && p.line == line && p.what.contains(what)),
            "no problem `{what}` at {file}:{line} in {problems:#?}"
        );
    }

    #[test]
    fn a_correct_book_has_no_problems() {
        assert_eq!(fixture(&[]), vec![]);
    }

    #[test]
    fn rust_blocks_tagged_ignore_are_rejected() {
        let page = format!("{PAGE}\n```rust,ignore\nfn main() {{}}\n```\n");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 34, "tagged `ignore`");
    }

    #[test]
    fn includes_of_missing_files_and_anchors_are_rejected() {
        let page = PAGE.replace("ch01-01-first.rs:main", "ch01-01-frist.rs:main");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(
            &problems,
            "src/ch01/page.md",
            22,
            "`../../examples/ch01-01-frist.rs`",
        );
        let page = PAGE.replace("ch01-01-first.rs:main", "ch01-01-first.rs:mian");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 22, "no anchor `mian`");
    }

    #[test]
    fn an_include_must_be_alone_in_its_block() {
        let page = PAGE.replace("```rust\n", "```rust\nuse std::thread;\n");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 21, "mixes an include");
    }

    #[test]
    fn listings_must_be_shown_with_their_output_and_command() {
        let problems = fixture(&[("src/ch01/page.md", Some("# Page\n\n## First item\n"))]);
        assert_problem(
            &problems,
            "examples/ch01-01-first.rs",
            1,
            "shown on no page",
        );
        let page = PAGE.replace("{{#include ../../examples/ch01-01-first.stdout}}", "hi");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 1, "not what it prints");
        let page = PAGE.replace("`cargo run --example ch01-01-first`", "");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 1, "not the command");
        let problems = fixture(&[("examples/ch01-01-first.stdout", None)]);
        assert_problem(
            &problems,
            "examples/ch01-01-first.rs",
            1,
            "`ch01-01-first.stdout` is missing",
        );
    }

    #[test]
    fn go_listings_must_be_shown_with_their_output_and_caption() {
        let problems = fixture(&[("examples/go/ch01-02-second/main.go", Some("package main\n"))]);
        assert_problem(
            &problems,
            "examples/go/ch01-02-second/main.go",
            1,
            "shown on no page",
        );
        let page = PAGE.replace(" · `go run -C examples/go ./ch01-01-first`", "");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 1, "without its caption");
        let problems = fixture(&[("examples/go/ch01-01-first/main.stdout", None)]);
        assert_problem(
            &problems,
            "examples/go/ch01-01-first/main.go",
            1,
            "main.stdout` is missing",
        );
    }

    #[test]
    fn every_roadmap_section_has_a_go_listing_in_a_well_formed_block() {
        let page = PAGE.replace(
            "<div class=\"pane\" data-lang=\"go\">",
            "<div class=\"pane\" data-lang=\"golang\">",
        );
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(&problems, "src/ch01/page.md", 3, "has no Go listing");
        assert_problem(
            &problems,
            "src/ch01/page.md",
            5,
            "a Go pane, then a Rust pane",
        );
    }

    #[test]
    fn summary_and_pages_must_agree() {
        let summary = "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n- [2. Two](ch02.md)\n";
        let problems = fixture(&[("src/SUMMARY.md", Some(summary))]);
        assert_problem(&problems, "src/SUMMARY.md", 6, "`ch02.md` does not exist");
        let problems = fixture(&[("src/ch01/orphan.md", Some("# Orphan\n"))]);
        assert_problem(&problems, "src/ch01/orphan.md", 1, "not in SUMMARY.md");
    }

    #[test]
    fn roadmap_items_of_written_chapters_link_to_their_sections() {
        let roadmap = "# Roadmap\n\n## 1 One\n- First item\n\n## 2 Two\n- Later item\n";
        let problems = fixture(&[("src/roadmap.md", Some(roadmap))]);
        assert_problem(&problems, "src/roadmap.md", 4, "links nowhere");
        let page = PAGE.replace("## First item", "## The first item");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(
            &problems,
            "src/ch01/page.md",
            1,
            "no `## First item` section",
        );
    }

    #[test]
    fn broken_links_and_fragments_are_rejected() {
        let page =
            format!("{PAGE}\nSee [the item](page.md#frist-item) and [gone](../ch09/x.md).\n");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(
            &problems,
            "src/ch01/page.md",
            34,
            "no heading there has the id `frist-item`",
        );
        assert_problem(
            &problems,
            "src/ch01/page.md",
            34,
            "`../ch09/x.md` does not exist",
        );
    }

    #[test]
    fn invalid_mermaid_is_rejected() {
        let page = format!("{PAGE}\n```mermaid\nflowchat LR\n    a -- \"1. first\" --> b\n```\n");
        let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
        assert_problem(
            &problems,
            "src/ch01/page.md",
            35,
            "not a Mermaid diagram type",
        );
        assert_problem(
            &problems,
            "src/ch01/page.md",
            36,
            "starts like a numbered list",
        );
    }

    #[test]
    fn the_playground_crate_list_must_exist_and_name_every_dependency() {
        let problems = fixture(&[("src/playground-crates.json", None)]);
        assert_problem(&problems, "src/playground-crates.json", 1, "is missing");
        let manifest =
            "[package]\nname = \"book\"\n\n[dependencies]\ntokio = \"1\"\nrayon = \"1\"\n";
        let problems = fixture(&[("Cargo.toml", Some(manifest))]);
        assert_problem(&problems, "src/playground-crates.json", 1, "`rayon`");
    }

    #[test]
    fn a_missing_go_module_is_an_error_not_an_empty_module() {
        let sh = xshell::Shell::new().unwrap();
        let dir = sh.create_temp_dir().unwrap();
        for (path, text) in [
            ("src/SUMMARY.md", "# Summary\n"),
            ("examples/ch01-01-first.rs", "fn main() {}\n"),
        ] {
            sh.write_file(dir.path().join(path), text).unwrap();
        }
        let error = run(dir.path()).unwrap_err().to_string();
        assert!(
            error.contains("cannot read") && error.contains("examples/go"),
            "{error}"
        );
    }

    #[test]
    fn stale_recorded_output_is_rejected() {
        let problems = fixture(&[("examples/ch01-02-renamed.stdout", Some("old\n"))]);
        assert_problem(
            &problems,
            "examples/ch01-02-renamed.stdout",
            1,
            "stale recorded output",
        );
    }
}
