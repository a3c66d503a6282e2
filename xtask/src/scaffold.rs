//! `cargo xtask new-listing` and `cargo xtask new-chapter`: the files a
//! contribution starts from, already wired into the book so that
//! `cargo xtask test` passes before a line of the new code is written.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::check::{GO_PANE, GO_RUST, RUST_PANE};

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
/// the caller.
pub fn new_listing(
    root: &Path,
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
    let listing = root.join("examples").join(format!("{name}.rs"));
    if listing.exists() {
        bail!("{} already exists", listing.display());
    }
    let (page, fragment) = match page {
        Some(page) => (root.join(page), None),
        None => section_of(root, chapter, item)?,
    };
    let text = fs::read_to_string(&page).with_context(|| format!("reading {}", page.display()))?;
    let depth = page
        .parent()
        .unwrap()
        .strip_prefix(root)?
        .components()
        .count();
    let up = "../".repeat(depth);
    let mut block = format!(
        "\n```rust\n{{{{#rustdoc_include {up}examples/{name}.rs:main}}}}\n```\n\n\
         <span class=\"caption\">`examples/{name}.rs` · `cargo run --example {name}`</span>\n\n\
         ```text\n{{{{#include {up}examples/{name}.stdout}}}}\n```\n"
    );
    // The section's first listing starts from the Go idiom: a Go listing of
    // the same name, shown beside it in Go/Rust tabs.
    let go = root.join("examples/go").join(&name);
    let first = !section_text(&text, fragment.as_deref()).contains(GO_PANE);
    if first {
        let go_block = format!(
            "{GO_RUST}\n{GO_PANE}\n\n```go\n{{{{#include {up}examples/go/{name}/main.go:main}}}}\n```\n\n\
             <span class=\"caption\">`examples/go/{name}/main.go` · `go run -C examples/go ./{name}`</span>\n\n\
             ```text\n{{{{#include {up}examples/go/{name}/main.stdout}}}}\n```\n\n</div>\n{RUST_PANE}\n"
        );
        block = format!("\n{go_block}{block}\n</div>\n</div>\n");
    }
    fs::write(
        &page,
        insert_at_section_end(&text, fragment.as_deref(), &block),
    )?;
    if first {
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
    Ok((name, page))
}

/// The page and heading id that `src/roadmap.md` gives item `item` of
/// chapter `chapter`.
fn section_of(root: &Path, chapter: u32, item: u32) -> Result<(PathBuf, Option<String>)> {
    let roadmap = fs::read_to_string(root.join("src/roadmap.md"))?;
    let mut in_chapter = false;
    let mut n = 0;
    for line in roadmap.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            let number = heading
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or_default();
            in_chapter = number == chapter.to_string();
        } else if in_chapter && line.starts_with("- ") {
            n += 1;
            if n == item {
                let target = line
                    .rsplit_once("](")
                    .and_then(|(_, rest)| rest.strip_suffix(')'))
                    .with_context(|| {
                        format!("roadmap item {chapter}.{item} has no section yet: pass --page")
                    })?;
                let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
                return Ok((
                    root.join("src").join(file),
                    Some(fragment.to_owned()).filter(|f| !f.is_empty()),
                ));
            }
        }
    }
    bail!("the roadmap has no item {chapter}.{item}: pass --page PATH to choose the page")
}

/// The text of the `##` section whose id is `fragment` (the whole page when
/// there is none).
fn section_text<'t>(text: &'t str, fragment: Option<&str>) -> &'t str {
    let ids = crate::md_links::heading_ids(text);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| text[i..].starts_with('#'))
        .collect();
    let Some(h) = fragment.and_then(|f| ids.iter().position(|id| id == f)) else {
        return text;
    };
    let start = starts.get(h).copied().unwrap_or(0);
    let end = starts.get(h + 1).copied().unwrap_or(text.len());
    &text[start..end]
}

/// Inserts `block` at the end of the `##` section whose id is `fragment`
/// (at the end of the page when there is none).
fn insert_at_section_end(text: &str, fragment: Option<&str>, block: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let ids = crate::md_links::heading_ids(text);
    let headings: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('#'))
        .map(|(i, _)| i)
        .collect();
    let end = fragment
        .and_then(|f| ids.iter().position(|id| id == f))
        .and_then(|h| headings.get(h + 1).copied())
        .map(|next| {
            // Before the section's closing tip, if it has one.
            let mut at = next;
            while at > 0 && (lines[at - 1].trim().is_empty() || lines[at - 1].starts_with('>')) {
                at -= 1;
            }
            at
        })
        .unwrap_or(lines.len());
    let mut out: Vec<String> = lines[..end].iter().map(|l| l.to_string()).collect();
    out.push(block.trim_end().to_owned());
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// Creates `src/chNN-slug/` with a page per roadmap subsection of chapter
/// `number` (one `##` section per item, linked from the roadmap page), or a
/// single page when the roadmap has no such chapter, and lists it in
/// SUMMARY.md. Returns the pages created.
pub fn new_chapter(root: &Path, number: u32, title: &str) -> Result<Vec<PathBuf>> {
    let slug: String = title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let dir_name = format!("ch{number:02}-{slug}");
    let dir = root.join("src").join(&dir_name);
    if dir.exists() {
        bail!("{} already exists", dir.display());
    }
    fs::create_dir_all(&dir)?;
    let subsections = roadmap_chapter(root, number)?;
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
fn roadmap_chapter(root: &Path, number: u32) -> Result<Vec<(String, Vec<String>)>> {
    let roadmap = fs::read_to_string(root.join("src/roadmap.md")).unwrap_or_default();
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_chapter = false;
    for line in roadmap.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            in_chapter =
                heading.split(|c: char| !c.is_ascii_digit()).next() == Some(&number.to_string());
        } else if let Some(sub) = line.strip_prefix("### ").filter(|_| in_chapter) {
            found.push((sub.trim().to_owned(), Vec::new()));
        } else if let Some(item) = line.strip_prefix("- ").filter(|_| in_chapter) {
            let words = item
                .strip_prefix('[')
                .and_then(|i| i.rsplit_once("]("))
                .map_or(item, |(w, _)| w);
            if found.is_empty() {
                found.push(("Sections".to_owned(), Vec::new()));
            }
            found.last_mut().unwrap().1.push(words.to_owned());
        }
    }
    Ok(found)
}

/// Points each roadmap item at its new section.
fn link_roadmap_items(root: &Path, page: &str, items: &[String]) -> Result<()> {
    let path = root.join("src/roadmap.md");
    let mut roadmap = fs::read_to_string(&path)?;
    let ids = crate::md_links::heading_ids(
        &items
            .iter()
            .map(|i| format!("## {i}\n"))
            .collect::<String>(),
    );
    for (item, id) in items.iter().zip(ids) {
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
mod tests {
    use super::*;

    fn book(sh: &xshell::Shell) -> xshell::TempDir {
        let dir = sh.create_temp_dir().unwrap();
        let root = dir.path();
        sh.write_file(
            root.join("src/SUMMARY.md"),
            "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n- [3. Three]()\n    - [3.1 Basics]()\n",
        )
        .unwrap();
        sh.write_file(
            root.join("src/roadmap.md"),
            "# Roadmap\n\n## 1 One\n- [First item](ch01/page.md#first-item)\n- [Second item](ch01/page.md#second-item)\n\n## 3 Three\n\n### Basics\n- Third item\n",
        )
        .unwrap();
        sh.write_file(
            root.join("src/ch01/page.md"),
            "# Page\n\n## First item\n\nText.\n\n> [!TIP]\n> Rule.\n\n## Second item\n\nMore.\n",
        )
        .unwrap();
        sh.create_dir(root.join("examples/go")).unwrap();
        sh.write_file(root.join("Cargo.toml"), "[package]\nname = \"book\"\n")
            .unwrap();
        sh.write_file(
            root.join("src/playground-crates.json"),
            "{ \"has\": {}, \"lacks\": [] }\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn a_new_listing_lands_at_the_end_of_its_section() {
        let sh = xshell::Shell::new().unwrap();
        let dir = book(&sh);
        let (name, page) = new_listing(dir.path(), "1.1", "first-idea", None).unwrap();
        assert_eq!(name, "ch01-01-first-idea");
        let text = fs::read_to_string(page).unwrap();
        let listing = text.find("ch01-01-first-idea.rs:main").unwrap();
        assert!(text.find("Text.").unwrap() < listing && listing < text.find("> [!TIP]").unwrap());
        assert!(text.contains("cargo run --example ch01-01-first-idea"));
        assert!(dir.path().join("examples/ch01-01-first-idea.rs").exists());
        // The section's first listing gets its Go counterpart beside it...
        assert!(text.contains("go run -C examples/go ./ch01-01-first-idea"));
        let go = dir.path().join("examples/go/ch01-01-first-idea/main.go");
        assert!(go.exists());
        // ...and a second one does not.
        new_listing(dir.path(), "1.1", "second-idea", None).unwrap();
        let text = fs::read_to_string(dir.path().join("src/ch01/page.md")).unwrap();
        assert_eq!(text.matches(GO_PANE).count(), 1);
        assert!(!dir.path().join("examples/go/ch01-01-second-idea").exists());
    }

    #[test]
    fn a_new_chapter_gets_its_roadmap_sections_and_a_summary_entry() {
        let sh = xshell::Shell::new().unwrap();
        let dir = book(&sh);
        let pages = new_chapter(dir.path(), 3, "Three").unwrap();
        assert_eq!(pages.len(), 2);
        let basics = fs::read_to_string(dir.path().join("src/ch03-three/basics.md")).unwrap();
        assert!(basics.contains("## Third item"));
        let summary = fs::read_to_string(dir.path().join("src/SUMMARY.md")).unwrap();
        assert!(summary.contains(
            "- [3. Three](ch03-three/index.md)\n    - [3.1 Basics](ch03-three/basics.md)"
        ));
        assert!(!summary.contains("[3.1 Basics]()"));
        let roadmap = fs::read_to_string(dir.path().join("src/roadmap.md")).unwrap();
        assert!(roadmap.contains("- [Third item](ch03-three/basics.md#third-item)"));
        let problems = crate::check::run(dir.path()).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
