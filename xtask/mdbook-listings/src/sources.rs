//! Citations of Go's own source files, such as `src/runtime/proc.go`, become
//! links to that file in the Go release the book was checked against, so a
//! reader can open the exact code the prose describes.

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

/// `text` with each Go source citation not already linked made a link to
/// the file at `tag` (`go1.26.8`).
pub fn link_go_sources(text: &str, tag: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for source in go_sources(text).into_iter().filter(|s| !s.linked) {
        out.push_str(&text[last..source.range.start]);
        let span = &text[source.range.clone()];
        out.push_str(&format!("[{span}]({GO_SOURCE_URL}/{tag}/{})", source.path));
        last = source.range.end;
    }
    out.push_str(&text[last..]);
    out
}
