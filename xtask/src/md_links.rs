//! Links between pages, checked in the markdown (no build needed): the target
//! page exists, and its `#fragment` is an id mdBook gives one of its headings.
//! `links.rs` checks the built HTML as well; this catches the same mistakes in
//! a second, with the markdown line.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A broken link: its line, and what is wrong with it.
pub struct Broken {
    pub line: usize,
    pub what: String,
}

/// The ids mdBook 0.5 gives a page's headings: the heading's text, lower
/// case, whitespace as `-`, anything but letters, digits, `_` and `-` dropped,
/// `-1`, `-2`, … appended to repeats; an explicit `{#id}` wins.
pub fn heading_ids(markdown: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<(Option<String>, String)> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((id.map(|i| i.to_string()), String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let (explicit, text) = heading.take().unwrap();
                let base = explicit.unwrap_or_else(|| id_from(&text));
                let n = seen.entry(base.clone()).or_insert(0);
                ids.push(if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                });
                *n += 1;
            }
            _ => {}
        }
    }
    ids
}

fn id_from(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// mdBook 0.5 turns on smart punctuation (`--` becomes a dash, which the id
/// then drops) and heading attributes.
fn options() -> Options {
    Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES
}

/// Checks every relative link in `page` (whose text is `markdown`).
pub fn check(page: &Path, markdown: &str, line_of: impl Fn(usize) -> usize) -> Vec<Broken> {
    let mut broken = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        if dest_url.contains("://") || dest_url.starts_with("mailto:") || dest_url.is_empty() {
            continue;
        }
        let (file, fragment) = dest_url.split_once('#').unwrap_or((&dest_url, ""));
        let target: PathBuf = if file.is_empty() {
            page.to_path_buf()
        } else {
            page.parent().unwrap().join(file)
        };
        let line = line_of(range.start);
        if !target.is_file() {
            broken.push(Broken {
                line,
                what: format!("links to `{dest_url}`, but `{file}` does not exist"),
            });
            continue;
        }
        if fragment.is_empty() || target.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&target).unwrap_or_default();
        if !heading_ids(&text).iter().any(|id| id == fragment) {
            broken.push(Broken {
                line,
                what: format!(
                    "links to `{dest_url}`, but no heading there has the id `{fragment}`"
                ),
            });
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_mdbook() {
        let page = "## What is a goroutine (vs OS thread)\n## `select` basics\n\
                    ## Blocking syscalls & scheduler behavior\n## Example\n## Example\n## Custom {#mine}\n";
        assert_eq!(
            heading_ids(page),
            [
                "what-is-a-goroutine-vs-os-thread",
                "select-basics",
                "blocking-syscalls--scheduler-behavior",
                "example",
                "example-1",
                "mine"
            ]
        );
    }
}
