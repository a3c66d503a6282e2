//! Checks every internal link and `#fragment` of the built book.
//!
//! mdBook rewrites `page.md#id` to `page.html#id` but checks neither the page
//! nor the id, so this reads the HTML it wrote.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use scraper::{Html, Selector};

#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    pub links: usize,
}

/// `book`: the built book; `src`: its markdown, to point problems at a line.
pub fn check(book: &Path, src: &Path) -> Result<Report> {
    let mut pages = BTreeMap::new();
    collect_html(book, book, &mut pages)?;
    let ids: BTreeMap<&PathBuf, BTreeSet<String>> = pages
        .iter()
        .map(|(path, html)| {
            let ids = html
                .select(&Selector::parse("[id]").unwrap())
                .filter_map(|e| e.value().attr("id").map(str::to_owned))
                .collect();
            (path, ids)
        })
        .collect();
    let anchors = Selector::parse("a[href]").unwrap();
    let mut links = 0;
    let mut problems = Vec::new();
    for (page, html) in &pages {
        // 404.html resolves its links against `<base href="/">`, from anywhere.
        if page.as_os_str() == "404.html" {
            continue;
        }
        for a in html.select(&anchors) {
            let href = a.value().attr("href").unwrap();
            if href.contains(':') || href.starts_with("//") {
                continue; // another site, or mailto:
            }
            links += 1;
            let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
            let target = if file.is_empty() {
                page.clone()
            } else {
                let mut t = crate::normalize(&page.parent().unwrap().join(file));
                if href.ends_with('/') || t.as_os_str().is_empty() {
                    t.push("index.html");
                }
                t
            };
            let problem = if !book.join(&target).exists() {
                format!("links to `{href}`, but there is no {}", target.display())
            } else if !fragment.is_empty()
                && ids.get(&target).is_some_and(|ids| !ids.contains(fragment))
            {
                format!(
                    "links to `{href}`, but {} has no id `{fragment}`",
                    target.display()
                )
            } else {
                continue;
            };
            problems.push(format!("{}: {problem}", locate(src, page, href)));
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!(
                "{p}\n    fix: link to an existing page; a section's id is its heading \
                       in lower case, spaces as `-`, punctuation dropped"
            );
        }
        bail!("{} broken link(s) in the built book", problems.len());
    }
    Ok(Report {
        pages: pages.len(),
        links,
    })
}

fn collect_html(root: &Path, dir: &Path, pages: &mut BTreeMap<PathBuf, Html>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_html(root, &path, pages)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            let html = Html::parse_document(&fs::read_to_string(&path)?);
            pages.insert(path.strip_prefix(root)?.to_path_buf(), html);
        }
    }
    Ok(())
}

/// Points at the markdown line that wrote the link when it can be found,
/// else at the HTML page.
fn locate(src: &Path, page: &Path, href: &str) -> String {
    let md = src.join(page.with_extension("md"));
    let written = href.replace(".html", ".md");
    if let Ok(text) = fs::read_to_string(&md) {
        for (n, line) in text.lines().enumerate() {
            if line.contains(&format!("]({written}")) || line.contains(&format!("]({href}")) {
                return format!("{}:{}", md.display(), n + 1);
            }
        }
    }
    format!("book/{}", page.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(pages: &[(&str, &str)]) -> Result<Report> {
        let sh = xshell::Shell::new()?;
        let dir = sh.create_temp_dir()?;
        for (path, html) in pages {
            sh.write_file(dir.path().join("book").join(path), html)?;
        }
        check(&dir.path().join("book"), &dir.path().join("src"))
    }

    #[test]
    fn resolving_links_and_fragments_pass() {
        let report = built(&[
            (
                "index.html",
                r#"<a href="ch01/a.html#two">a</a><a href="https://go.dev">go</a>"#,
            ),
            (
                "ch01/a.html",
                r##"<h2 id="two">Two</h2><a href="#two">self</a><a href="../index.html">up</a>"##,
            ),
        ])
        .unwrap();
        assert_eq!((report.pages, report.links), (2, 3));
    }

    #[test]
    fn a_missing_page_or_fragment_fails() {
        let page = built(&[("index.html", r#"<a href="ch01/b.html">b</a>"#)]);
        assert!(page.unwrap_err().to_string().contains("1 broken link"));
        let fragment = built(&[
            ("index.html", r#"<a href="a.html#tow">a</a>"#),
            ("a.html", r#"<h2 id="two">Two</h2>"#),
        ]);
        assert!(fragment.unwrap_err().to_string().contains("1 broken link"));
    }
}
