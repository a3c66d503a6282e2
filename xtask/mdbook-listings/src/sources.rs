//! Citations of source files become links to the exact version the book was
//! checked against, so a reader can open the code the prose describes:
//!
//! - Go's tree, `src/runtime/proc.go`: GitHub, at the tag book.toml names;
//! - a crate's, `tokio/src/time/clock.rs`: docs.rs, at Cargo.lock's version;
//! - Rust's standard library, `library/std/src/…`: GitHub, at book.toml's
//!   Rust release.

use std::collections::BTreeMap;
use std::ops::Range;

use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

/// Where the Go release's sources are browsed: GitHub's mirror, at a tag.
pub const GO_SOURCE_URL: &str = "https://github.com/golang/go/blob";

/// One code span that cites a file of Go's source tree.
#[derive(Debug, PartialEq, Eq)]
pub struct GoSource {
    /// The code span, backticks included, in the page's text.
    pub range: Range<usize>,
    /// The path inside the Go tree: `src/runtime/proc.go`.
    pub path: String,
    /// Already inside a link: left as written.
    pub linked: bool,
}

/// Whether a code span's text is a path in Go's tree: `src/…`, ending in a
/// Go or assembly file, with nothing else in it.
pub fn is_go_source(code: &str) -> bool {
    code.strip_prefix("src/").is_some_and(|rest| {
        (rest.ends_with(".go") || rest.ends_with(".s"))
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_./-".contains(c))
    })
}

/// Every code span of `text`, outside code blocks, with its range.
pub fn code_spans(text: &str) -> Vec<(Range<usize>, String)> {
    new_cmark_parser(text, &MarkdownOptions::default())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(code) => Some((range, code.to_string())),
            _ => None,
        })
        .collect()
}

/// Every code span of `text` that cites a Go source file.
pub fn go_sources(text: &str) -> Vec<GoSource> {
    let mut found = Vec::new();
    let mut in_link = 0usize;
    for (event, range) in new_cmark_parser(text, &MarkdownOptions::default()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Code(code) if is_go_source(&code) => found.push(GoSource {
                range,
                path: code.to_string(),
                linked: in_link > 0,
            }),
            _ => {}
        }
    }
    found
}

/// The releases citations link to: Go's tag, Rust's, and each crate's
/// version (from Cargo.lock; a crate locked at two versions is left out).
#[derive(Clone, Debug, Default)]
pub struct Releases {
    pub go: String,
    pub rust: String,
    pub crates: BTreeMap<String, String>,
}

impl Releases {
    /// The crates of a Cargo.lock, each with its one version.
    pub fn crates_of_lock(lock: &str) -> BTreeMap<String, String> {
        let mut versions: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut name = None;
        for line in lock.lines() {
            if let Some(n) = line.strip_prefix("name = ") {
                name = Some(n.trim_matches('"').to_owned());
            } else if let (Some(v), Some(n)) = (line.strip_prefix("version = "), name.take()) {
                versions
                    .entry(n)
                    .or_default()
                    .push(v.trim_matches('"').to_owned());
            }
        }
        versions
            .into_iter()
            .filter(|(_, v)| v.len() == 1)
            .map(|(n, mut v)| (n, v.remove(0)))
            .collect()
    }

    /// The link for a code span, if it cites a source file of a known release.
    pub fn url(&self, code: &str) -> Option<String> {
        if is_go_source(code) {
            return Some(format!("{GO_SOURCE_URL}/{}/{code}", self.go));
        }
        if !code.ends_with(".rs")
            || !code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_./-".contains(c))
        {
            return None;
        }
        if [
            "library/std/src/",
            "library/core/src/",
            "library/alloc/src/",
        ]
        .iter()
        .any(|p| code.starts_with(p))
        {
            return Some(format!(
                "https://github.com/rust-lang/rust/blob/{}/{code}",
                self.rust
            ));
        }
        let (krate, path) = code.split_once("/src/")?;
        let version = self.crates.get(krate)?;
        Some(format!(
            "https://docs.rs/crate/{krate}/{version}/source/src/{path}"
        ))
    }
}

/// `text` with each citation of a source file (Go's, a crate's, std's) that
/// is not already in a link made a link to the file at its release.
pub fn link_sources(text: &str, releases: &Releases) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut in_link = 0usize;
    for (event, range) in new_cmark_parser(text, &MarkdownOptions::default()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Code(code) if in_link == 0 => {
                if let Some(url) = releases.url(&code) {
                    out.push_str(&text[last..range.start]);
                    out.push_str(&format!("[{}]({url})", &text[range.clone()]));
                    last = range.end;
                }
            }
            _ => {}
        }
    }
    out.push_str(&text[last..]);
    out
}

/// `text` with each Go source citation linked at `tag` (`go1.26.8`).
pub fn link_go_sources(text: &str, tag: &str) -> String {
    let releases = Releases {
        go: tag.to_owned(),
        ..Releases::default()
    };
    link_sources(text, &releases)
}
