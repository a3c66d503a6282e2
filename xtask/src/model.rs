//! The book, read once: its SUMMARY (with `mdbook-summary`), every page
//! (with `mdbook-markdown`, mdBook 0.5.4's own parser options, so headings,
//! ids and links are what mdBook renders), the roadmap, the listing
//! inventory, and the crates a listing may use. `cargo xtask check` (its
//! markdown link checks included) and `scaffold` read this model; none of
//! them parses a page again. (`links.rs`, which checks the built HTML,
//! only greps the markdown to point at a line.)

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use inventory::Inventory;
use mdbook_listings::Expanded;
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use mdbook_summary::{Summary, SummaryItem};

use crate::crates::{self, Crate};

pub const SUMMARY: &str = "src/SUMMARY.md";
pub const ROADMAP: &str = "src/roadmap.md";
/// Files outside the book whose ```rust snippets skeptic also runs.
pub const DOCS: [&str; 2] = ["README.md", "CONTRIBUTING.md"];

pub struct Book {
    pub root: PathBuf,
    pub summary: Summary,
    /// Every `.md` file under `src/`, SUMMARY.md included.
    pub pages: Vec<Page>,
    /// README.md and CONTRIBUTING.md, parsed like pages.
    pub docs: Vec<Page>,
    pub roadmap: Option<Roadmap>,
    pub inventory: Inventory,
    pub crates: Vec<Crate>,
}

pub struct Page {
    /// Relative to the book's root.
    pub path: PathBuf,
    pub text: String,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub code: Vec<CodeBlock>,
    /// What its `{{#listing}}` and `{{#go-rust}}` directives show.
    pub expanded: Expanded,
}

pub struct Heading {
    pub level: usize,
    /// As the page writes it: `` `select` basics ``.
    pub markdown: String,
    /// The id mdBook gives it.
    pub id: String,
    pub line: usize,
}

pub struct Link {
    pub dest: String,
    pub line: usize,
}

pub struct CodeBlock {
    /// The fence's info string, `rust,ignore` say.
    pub info: String,
    pub body: String,
    /// The line of the opening fence.
    pub line: usize,
}

pub struct Roadmap {
    pub items: Vec<RoadmapItem>,
}

/// `- [words](page.md#id)` under a `## N …` heading of src/roadmap.md.
pub struct RoadmapItem {
    pub chapter: u32,
    /// The `### …` heading it is under, if any.
    pub subsection: Option<String>,
    /// 1-based, within its chapter: item `chapter.number`.
    pub number: u32,
    pub words: String,
    /// Where it links, if it does.
    pub link: Option<String>,
    pub line: usize,
}

impl Book {
    /// Reads the book rooted at `root`, with the crates its manifest allows.
    pub fn load(root: &Path) -> Result<Book> {
        let crates = crates::of_project(root)?;
        Book::load_with(root, crates)
    }

    /// Reads the book, given the crates a listing may use.
    pub fn load_with(root: &Path, crates: Vec<Crate>) -> Result<Book> {
        let inventory = Inventory::scan(root)?;
        let summary_text = read(&root.join(SUMMARY))?;
        let summary = mdbook_summary::parse_summary(&summary_text)
            .with_context(|| format!("{SUMMARY}: mdBook cannot read it"))?;
        let mut pages = Vec::new();
        for path in markdown_files(&root.join("src"))? {
            let relative = path.strip_prefix(root)?.to_path_buf();
            pages.push(Page::parse(relative, read(&path)?, &inventory));
        }
        let docs = DOCS
            .iter()
            .filter(|d| root.join(d).is_file())
            .map(|d| Ok(Page::parse(d.into(), read(&root.join(d))?, &inventory)))
            .collect::<Result<_>>()?;
        let roadmap = pages
            .iter()
            .find(|p| p.path == Path::new(ROADMAP))
            .map(|p| Roadmap::parse(&p.text));
        Ok(Book {
            root: root.to_path_buf(),
            summary,
            pages,
            docs,
            roadmap,
            inventory,
            crates,
        })
    }

    pub fn page(&self, path: &Path) -> Option<&Page> {
        self.pages.iter().find(|p| p.path == path)
    }

    /// Where a link of the roadmap (or SUMMARY.md), relative to `src/`,
    /// points: the page's path from the book's root, and the `#fragment`.
    pub fn target_of(dest: &str) -> (PathBuf, Option<&str>) {
        let (file, fragment) = dest.split_once('#').unwrap_or((dest, ""));
        let path = crate::normalize(&Path::new("src").join(file));
        (path, Some(fragment).filter(|f| !f.is_empty()))
    }

    /// Every page SUMMARY.md names, with the line that names it; a draft
    /// (`- [Title]()`) has no page.
    pub fn summary_links(&self) -> Vec<(String, Option<PathBuf>, usize)> {
        let text = self.page(Path::new(SUMMARY)).map_or("", |p| &p.text);
        let mut links = Vec::new();
        let s = &self.summary;
        let mut stack: Vec<&SummaryItem> = s
            .prefix_chapters
            .iter()
            .chain(&s.numbered_chapters)
            .chain(&s.suffix_chapters)
            .rev()
            .collect();
        while let Some(item) = stack.pop() {
            let SummaryItem::Link(link) = item else {
                continue;
            };
            // mdbook-summary keeps the name's text only (no backticks): find
            // the entry by where it links.
            let needle = match &link.location {
                Some(location) => format!("]({})", location.display()),
                None => "]()".to_owned(),
            };
            let line = text
                .lines()
                .position(|l| l.contains(&needle))
                .map_or(1, |n| n + 1);
            let location = link.location.as_ref().map(|l| Path::new("src").join(l));
            links.push((link.name.clone(), location, line));
            stack.extend(link.nested_items.iter().rev());
        }
        links
    }

    /// Chapter number -> whether it is written (not a draft), from the
    /// top-level entries of SUMMARY.md, whose titles start with the number.
    pub fn chapters(&self) -> BTreeMap<u32, bool> {
        self.summary
            .numbered_chapters
            .iter()
            .filter_map(|item| match item {
                SummaryItem::Link(link) => {
                    let n = link.name.split(|c: char| !c.is_ascii_digit()).next()?;
                    Some((n.parse().ok()?, link.location.is_some()))
                }
                _ => None,
            })
            .collect()
    }
}

impl Page {
    pub fn parse(path: PathBuf, text: String, inventory: &Inventory) -> Page {
        let lines = LineIndex::new(&text);
        let (mut headings, mut links, mut code) = (Vec::new(), Vec::new(), Vec::new());
        let mut heading: Option<(usize, Option<String>, String, usize, String)> = None;
        let mut block: Option<CodeBlock> = None;
        let mut used_ids = HashSet::new();
        for (event, range) in
            new_cmark_parser(&text, &MarkdownOptions::default()).into_offset_iter()
        {
            let line = lines.line(range.start);
            match event {
                Event::Start(Tag::Heading { level, id, .. }) => {
                    let source = text[range].lines().next().unwrap_or_default();
                    let markdown = source.trim_start_matches('#').trim();
                    let markdown = markdown.split(" {#").next().unwrap_or(markdown).to_owned();
                    let id = id.map(|i| i.to_string());
                    heading = Some((level as usize, id, String::new(), line, markdown));
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, _, words, _, _)) = heading.as_mut() {
                        words.push_str(&t);
                    }
                    if let Some(block) = block.as_mut() {
                        block.body.push_str(&t);
                    }
                }
                Event::End(TagEnd::Heading(_)) => {
                    let (level, explicit, text, line, markdown) = heading.take().unwrap();
                    // mdBook 0.5.4, mdbook-html's `add_header_links`.
                    let id = explicit
                        .unwrap_or_else(|| unique_id(&id_from_content(&text), &mut used_ids));
                    headings.push(Heading {
                        level,
                        markdown,
                        id,
                        line,
                    });
                }
                Event::Start(Tag::Link { dest_url, .. }) => links.push(Link {
                    dest: dest_url.to_string(),
                    line,
                }),
                Event::Start(Tag::CodeBlock(kind)) => {
                    let info = match kind {
                        CodeBlockKind::Fenced(info) => info.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    block = Some(CodeBlock {
                        info,
                        body: String::new(),
                        line,
                    });
                }
                Event::End(TagEnd::CodeBlock) => code.extend(block.take()),
                _ => {}
            }
        }
        let expanded = mdbook_listings::expand(&text, &path, inventory);
        Page {
            path,
            text,
            headings,
            links,
            code,
            expanded,
        }
    }

    /// The `##` section headed `words`: its heading line and its lines.
    pub fn section(&self, words: &str) -> Option<(usize, std::ops::Range<usize>)> {
        let start = self
            .headings
            .iter()
            .position(|h| h.level == 2 && h.markdown == words)?;
        self.section_at(start)
    }

    /// The section whose heading has the id `id`.
    pub fn section_with_id(&self, id: &str) -> Option<(usize, std::ops::Range<usize>)> {
        self.section_at(self.headings.iter().position(|h| h.id == id)?)
    }

    fn section_at(&self, start: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let (line, level) = (self.headings[start].line, self.headings[start].level);
        let end = self.headings[start + 1..]
            .iter()
            .find(|h| h.level <= level)
            .map_or(usize::MAX, |h| h.line);
        Some((line, line..end))
    }
}

impl Roadmap {
    fn parse(text: &str) -> Roadmap {
        let mut items = Vec::new();
        let (mut chapter, mut number, mut subsection) = (None, 0, None);
        for (n, raw) in text.lines().enumerate() {
            if let Some(heading) = raw.strip_prefix("## ") {
                let digits = heading.split(|c: char| !c.is_ascii_digit()).next();
                chapter = digits.and_then(|d| d.parse::<u32>().ok());
                (number, subsection) = (0, None);
                continue;
            }
            if let Some(heading) = raw.strip_prefix("### ") {
                subsection = Some(heading.trim().to_owned());
                continue;
            }
            let (Some(chapter), Some(item)) = (chapter, raw.strip_prefix("- ")) else {
                continue;
            };
            number += 1;
            let linked = item
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(')'))
                .and_then(|rest| rest.split_once("]("));
            let (words, link) = match linked {
                Some((words, dest)) if !dest.contains(char::is_whitespace) => {
                    (words.to_owned(), Some(dest.to_owned()))
                }
                _ => (item.to_owned(), None),
            };
            items.push(RoadmapItem {
                chapter,
                subsection: subsection.clone(),
                number,
                words,
                link,
                line: n + 1,
            });
        }
        Roadmap { items }
    }

    pub fn item(&self, chapter: u32, number: u32) -> Option<&RoadmapItem> {
        self.items
            .iter()
            .find(|i| i.chapter == chapter && i.number == number)
    }
}

/// mdBook 0.5.4's heading id: the text, lower case, whitespace as `-`,
/// anything but letters, digits, `_` and `-` dropped.
pub fn id_from_content(text: &str) -> String {
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

/// A repeated id gets `-1`, `-2`, … (mdBook's `unique_id`).
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .unwrap()
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    entries.sort();
    let mut files = Vec::new();
    for entry in entries {
        if entry.is_dir() {
            files.extend(markdown_files(&entry)?);
        } else if entry.extension().is_some_and(|e| e == "md") {
            files.push(entry);
        }
    }
    Ok(files)
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
mod tests;
