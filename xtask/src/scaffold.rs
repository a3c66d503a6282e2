//! `cargo xtask new-listing` and `cargo xtask new-chapter`: the files a
//! contribution starts from, already wired into the book so that
//! `cargo xtask test` passes before a line of the new code is written.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use inventory::Kind;

use crate::model::{Book, ROADMAP, id_from_content};

/// `3.7` -> (3, 7): the chapter and the roadmap item (the section) in it.
fn parse_place(place: &str) -> Result<(u32, u32)> {
    let (chapter, item) = place
        .split_once('.')
        .with_context(|| format!("`{place}`: write CHAPTER.ITEM, for example 3.7"))?;
    Ok((chapter.parse()?, item.parse()?))
}

/// Creates `examples/chNN-MM-slug.rs`, shows it at the end of its section
/// (found through the roadmap page, or `page` when given) and returns the
/// listing's name and the page it went on. Recording its output is left to
/// the caller. The section's first listing starts from the Go idiom: a Go
/// listing of the same name, shown beside it.
pub fn new_listing(
    book: &Book,
    place: &str,
    slug: &str,
    page: Option<&Path>,
) -> Result<(String, PathBuf)> {
    let (chapter, item) = parse_place(place)?;
    if slug.is_empty()
        || !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        bail!("`{slug}`: a slug is lower-case words joined by `-`, saying what the listing shows");
    }
    let name = format!("ch{chapter:02}-{item:02}-{slug}");
    let root = &book.root;
    let listing = root.join(inventory::EXAMPLES).join(format!("{name}.rs"));
    if listing.exists() {
        bail!("{} already exists", listing.display());
    }
    let (path, fragment) = match page {
        Some(page) => (page.to_path_buf(), None),
        None => section_of(book, chapter, item)?,
    };
    let page = book
        .page(&path)
        .with_context(|| format!("{} is not a page of the book", path.display()))?;
    let section = fragment.as_deref().and_then(|f| page.section_with_id(f));
    let lines = section
        .as_ref()
        .map_or(0..usize::MAX, |(_, lines)| lines.clone());
    let has_go = page.expanded.shown.iter().any(|s| {
        lines.contains(&s.line)
            && book
                .inventory
                .get(&s.id)
                .is_some_and(|l| l.kind == Kind::Go)
    });
    let block = if has_go {
        format!("{{{{#listing {name}.rs:main}}}}")
    } else {
        format!("{{{{#go-rust {name}:main {name}.rs:main}}}}")
    };
    let text = insert_at_section_end(&page.text, section.map(|(_, l)| l.end), &block);
    fs::write(root.join(&path), text)?;
    if !has_go {
        let go = root.join(inventory::GO_MODULE).join(&name);
        fs::create_dir_all(&go)?;
        fs::write(
            go.join("main.go"),
            "package main\n\nimport \"fmt\"\n\n// ANCHOR: main\nfunc main() {\n\
             \tfmt.Println(\"the Go idiom the section starts from\")\n}\n\n// ANCHOR_END: main\n",
        )?;
    }
    fs::write(
        &listing,
        "fn main() {\n    // ANCHOR: main\n    println!(\"one idea, shown in a few lines\");\n    // ANCHOR_END: main\n}\n",
    )?;
    Ok((name, path))
}

/// The page and heading id that the roadmap gives item `chapter.item`.
fn section_of(book: &Book, chapter: u32, item: u32) -> Result<(PathBuf, Option<String>)> {
    let roadmap = book
        .roadmap
        .as_ref()
        .context("the book has no src/roadmap.md")?;
    let found = roadmap.item(chapter, item).with_context(|| {
        format!("the roadmap has no item {chapter}.{item}: pass --page PATH to choose the page")
    })?;
    let target = found.link.as_deref().with_context(|| {
        format!("roadmap item {chapter}.{item} has no section yet: pass --page")
    })?;
    let (path, fragment) = Book::target_of(target);
    Ok((path, fragment.map(str::to_owned)))
}

/// Inserts `block` as the last paragraph of the section that ends before
/// line `end` (1-based: the next section's heading; the page's end without
/// one), before the section's closing tip.
fn insert_at_section_end(text: &str, end: Option<usize>, block: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut end = end.map_or(lines.len(), |next| (next - 1).min(lines.len()));
    while end > 0 && (lines[end - 1].trim().is_empty() || lines[end - 1].starts_with('>')) {
        end -= 1;
    }
    let mut out: Vec<String> = lines[..end].iter().map(|l| l.to_string()).collect();
    out.extend([String::new(), block.to_owned()]);
    if end < lines.len() {
        out.push(String::new());
    }
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// Creates `src/chNN-slug/` with a page per roadmap subsection of chapter
/// `number` (one `##` section per item, linked from the roadmap page), or a
/// single page when the roadmap has no such chapter, and lists it in
/// SUMMARY.md. Returns the pages created.
pub fn new_chapter(book: &Book, number: u32, title: &str) -> Result<Vec<PathBuf>> {
    let root = &book.root;
    let slug = slugify(title);
    let dir_name = format!("ch{number:02}-{slug}");
    let dir = root.join("src").join(&dir_name);
    if dir.exists() {
        bail!("{} already exists", dir.display());
    }
    fs::create_dir_all(&dir)?;
    let subsections = roadmap_chapter(book, number);
    let mut pages = vec![dir.join("index.md")];
    let mut summary_children = Vec::new();
    let mut index = format!(
        "# {number}. {title}\n\n<!-- What this chapter covers, in a paragraph; then a table of its pages\n     and \"The short version\": the rules to remember. -->\n"
    );
    if subsections.is_empty() {
        index.push_str("\n## The first section\n\n");
        index.push_str(SECTION);
    }
    for (k, (subsection, items)) in subsections.iter().enumerate() {
        let page_name = format!("{}.md", slugify(subsection));
        let mut page = format!("# {number}.{} {subsection}\n", k + 1);
        for item in items {
            page += &format!("\n## {item}\n\n{SECTION}");
        }
        fs::write(dir.join(&page_name), page)?;
        link_roadmap_items(root, &format!("{dir_name}/{page_name}"), items)?;
        summary_children.push(format!(
            "    - [{number}.{} {subsection}]({dir_name}/{page_name})",
            k + 1
        ));
        pages.push(dir.join(page_name));
    }
    fs::write(dir.join("index.md"), index)?;
    add_to_summary(root, number, title, &dir_name, &summary_children)?;
    Ok(pages)
}

const SECTION: &str = "**In Go.** <!-- The exact rules (what blocks, what panics, what returns what, which\n\
version changed them), from a named source: `proc.go`, the spec, the memory model. -->\n\n\
**In Rust.** <!-- Which API, from which crate, and why that one. -->\n\n\
<!-- The listing: `cargo xtask new-listing CHAPTER.ITEM slug` adds it here. -->\n\n\
**What it proves.** <!-- What the run or its test establishes: a count, a bound, an error. -->\n\n\
**Where Go and Rust differ.** <!-- The trap, concretely: the call, the outcome, the fix. -->\n\n\
> [!TIP]\n> <!-- The rule to remember, in one line. -->\n";

fn slugify(words: &str) -> String {
    words
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The roadmap's subsections of chapter `number`, each with its items.
fn roadmap_chapter(book: &Book, number: u32) -> Vec<(String, Vec<String>)> {
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    let items = book.roadmap.iter().flat_map(|r| &r.items);
    for item in items.filter(|i| i.chapter == number) {
        let subsection = item
            .subsection
            .clone()
            .unwrap_or_else(|| "Sections".to_owned());
        match found.last_mut() {
            Some((last, words)) if *last == subsection => words.push(item.words.clone()),
            _ => found.push((subsection, vec![item.words.clone()])),
        }
    }
    found
}

/// Points each roadmap item at its new section.
fn link_roadmap_items(root: &Path, page: &str, items: &[String]) -> Result<()> {
    let path = root.join(ROADMAP);
    let mut roadmap = fs::read_to_string(&path)?;
    for item in items {
        let id = id_from_content(item);
        let plain = format!("\n- {item}\n");
        let linked = format!("\n- [{item}]({page}#{id})\n");
        if roadmap.contains(&plain) {
            roadmap = roadmap.replacen(&plain, &linked, 1);
        } else if let Some(start) = roadmap.find(&format!("\n- [{item}](")) {
            let end = start + 1 + roadmap[start + 1..].find('\n').unwrap();
            roadmap.replace_range(start..end, linked.trim_end());
        }
    }
    Ok(fs::write(path, roadmap)?)
}

/// Lists the chapter in SUMMARY.md: replaces its draft entry (`- [N. …]()`)
/// and the drafts under it, or inserts it in number order.
fn add_to_summary(
    root: &Path,
    number: u32,
    title: &str,
    dir: &str,
    children: &[String],
) -> Result<()> {
    let path = root.join("src/SUMMARY.md");
    let summary = fs::read_to_string(&path)?;
    let entry = format!("- [{number}. {title}]({dir}/index.md)");
    let mut lines: Vec<String> = summary.lines().map(str::to_owned).collect();
    let chapter_number = |line: &str| -> Option<u32> {
        line.strip_prefix("- [")?
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    let mut new_lines = vec![entry];
    new_lines.extend(children.iter().cloned());
    if let Some(at) = lines.iter().position(|l| chapter_number(l) == Some(number)) {
        let mut end = at + 1;
        while end < lines.len() && lines[end].starts_with("    ") {
            end += 1;
        }
        lines.splice(at..end, new_lines);
    } else {
        let at = lines
            .iter()
            .position(|l| chapter_number(l).is_some_and(|n| n > number))
            .unwrap_or(lines.len());
        lines.splice(at..at, new_lines);
    }
    Ok(fs::write(path, lines.join("\n") + "\n")?)
}

#[cfg(test)]
mod tests;
