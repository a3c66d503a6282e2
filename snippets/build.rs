//! Hands the book's inline ```rust snippets to skeptic, which turns each into
//! a test in `tests/skeptic.rs` that compiles and runs it. It lives in a
//! package of its own: a build script that reruns rebuilds every target of
//! its package, and a prose edit must not rebuild the listings.
//!
//! A ```rust block holding only `{{#rustdoc_include}}` is a listing from
//! `examples/`, run by `tests/listings.rs`; skeptic would try to compile the
//! directive itself. So skeptic reads copies of the pages in which those
//! blocks are blanked out, line for line, keeping test names and line numbers
//! those of the real pages.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

fn main() {
    // The book's root: this package is one of its workspace members.
    env::set_current_dir("..").unwrap();
    let root = env::current_dir().unwrap();
    let mut pages = skeptic::markdown_files_of_directory("src");
    assert!(
        !pages.is_empty(),
        "no page (*.md) in src/: the snippets' inventory is empty"
    );
    pages.extend(["README.md".into(), "CONTRIBUTING.md".into()]);
    pages.retain(|p: &PathBuf| p.exists());
    pages.sort();

    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("pages");
    fs::create_dir_all(&out).unwrap();
    let copies: Vec<PathBuf> = pages
        .iter()
        .map(|page| {
            println!("cargo:rerun-if-changed={}", root.join(page).display());
            // The copy's name becomes the tests' prefix: make it the page's path.
            let name = page.to_string_lossy().replace(['/', '\\', '.'], "_");
            let copy = out.join(format!("{}.md", name.trim_end_matches("_md")));
            let text = fs::read_to_string(page).unwrap();
            write_if_changed(&copy, &blank_includes(&text));
            copy
        })
        .collect();
    // New pages appear here.
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    skeptic::generate_doc_tests(&copies);
}

/// Replaces every line of a ```rust block that is only an include directive
/// with an empty line.
fn blank_includes(text: &str) -> String {
    let mut out = text.to_owned();
    let mut start = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split(',').any(|t| t.trim() == "rust") =>
            {
                start = Some(range);
            }
            Event::End(Tag::CodeBlock(_)) => {
                if let Some(block) = start.take() {
                    let body = &text[block.clone()];
                    let code: Vec<&str> = body
                        .lines()
                        .skip(1)
                        .filter(|l| {
                            let l = l.trim();
                            !l.is_empty() && !l.starts_with("```")
                        })
                        .collect();
                    if code.len() == 1 && code[0].trim().starts_with("{{#") {
                        let blank: String = body
                            .chars()
                            .map(|c| if c == '\n' { '\n' } else { ' ' })
                            .collect();
                        out.replace_range(block, &blank);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Cargo reruns this script when a file it names is newer than its last run,
/// so an unchanged copy must keep its old timestamp.
fn write_if_changed(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}
