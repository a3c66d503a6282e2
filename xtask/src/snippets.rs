//! The inline snippets: every ```rust block of a page, README.md or
//! CONTRIBUTING.md, compiled and run by skeptic (`snippets/`). This module
//! runs skeptic's tests and, when one fails, reports it as a contributor
//! needs it: the page and line of the snippet and the compiler's or the
//! program's own message, not skeptic's command line and backtrace.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Result, bail};

use crate::model::Book;

/// The prefix of the names skeptic gives the snippets of `page`: its path
/// (as `snippets/build.rs` names the copy) with every other character `_`.
pub fn test_prefix(page: &Path) -> String {
    let stem = page.to_string_lossy();
    let stem = stem.strip_suffix(".md").unwrap_or(&stem);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("{name}_sect_")
}

/// Runs the snippets of `pages` (every page's with `None`) and returns how
/// many passed.
pub fn run(root: &Path, book: &Book, pages: Option<&[PathBuf]>) -> Result<usize> {
    let mut command = Command::new("cargo");
    command
        .args([
            "test",
            "--quiet",
            "--package",
            "snippets",
            "--test",
            "skeptic",
        ])
        .current_dir(root)
        .env("RUST_BACKTRACE", "0");
    if let Some(pages) = pages {
        if pages.is_empty() {
            return Ok(0);
        }
        command.arg("--");
        command.args(pages.iter().map(|p| test_prefix(p)));
    }
    let output = command.output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let passed: usize = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: "))
        .filter_map(|rest| {
            rest.split(". ")
                .nth(1)?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    if output.status.success() {
        return Ok(passed);
    }
    let failures = failures(&stdout, book);
    if failures.is_empty() {
        // Not a snippet's failure: the build of the package itself.
        eprint!("{}{stdout}", String::from_utf8_lossy(&output.stderr));
        bail!("`cargo test --package snippets --test skeptic` failed");
    }
    for failure in &failures {
        eprintln!("{failure}");
    }
    bail!("{} inline snippet(s) failed", failures.len())
}

/// Each failed snippet as `page.md:line: what`, with its message.
fn failures(stdout: &str, book: &Book) -> Vec<String> {
    let pages: Vec<&Path> = book
        .pages
        .iter()
        .chain(&book.docs)
        .map(|p| p.path.as_path())
        .collect();
    let mut out = Vec::new();
    for section in stdout.split("\n---- ").skip(1) {
        let Some((name, body)) = section.split_once(" stdout ----\n") else {
            continue;
        };
        let Some(page) = pages.iter().find(|p| name.starts_with(&test_prefix(p))) else {
            continue;
        };
        let fence: usize = name
            .rsplit("_line_")
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        out.push(format!(
            "{}:{fence}: this ```rust snippet fails (skeptic compiles it with rustc, edition 2021, \
             and runs it):\n{}\n    fix: fix the snippet, then `cargo xtask test` runs it again \
             (or, for only this page's snippets, `cargo xtask test NAME` with a listing it shows)",
            page.display(),
            message(body, page, fence)
        ));
    }
    out
}

/// The compiler's message (its temporary file's lines turned into the
/// page's), or the program's panic; never skeptic's command line.
fn message(body: &str, page: &Path, fence: usize) -> String {
    let place = regex::Regex::new(r"/\S*rust-skeptic\S*/test\.rs:(\d+):(\d+)").unwrap();
    let mut kept = Vec::new();
    for line in body.lines() {
        if line.starts_with("thread '") || line.starts_with("Command failed") {
            break;
        }
        if line.contains("implements `") && line.trim_start().starts_with('`') {
            continue; // rustc's list of every other implementation
        }
        let line = place.replace_all(line, |c: &regex::Captures| {
            // skeptic's file starts with an empty line, then the snippet.
            let snippet_line: usize = c[1].parse().unwrap_or(1);
            format!(
                "{}:{}:{}",
                page.display(),
                fence + snippet_line.saturating_sub(1),
                &c[2]
            )
        });
        kept.push(format!("    {line}"));
    }
    if kept.iter().all(|l| l.trim().is_empty()) {
        // A run that failed: its panic is in the rest.
        return body
            .lines()
            .filter(|l| !l.starts_with("Command failed") && !l.starts_with("stack backtrace"))
            .take(12)
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n");
    }
    while kept.last().is_some_and(|l| l.trim().is_empty()) {
        kept.pop();
    }
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_s_prefix_is_skeptic_s() {
        assert_eq!(
            test_prefix(Path::new("src/ch01-goroutines/basics.md")),
            "src_ch01_goroutines_basics_sect_"
        );
        assert_eq!(
            test_prefix(Path::new("CONTRIBUTING.md")),
            "contributing_sect_"
        );
    }

    #[test]
    fn a_compiler_error_is_told_at_the_page_s_line() {
        let body = "error[E0277]: cannot add `&str` to `{integer}`\n \
            --> /tmp/rust-skeptic51BwNk/test.rs:3:42\n  |\n\
            3 |     let handle = std::thread::spawn(|| 2 + \"2\");\n\
            = help: the following other types implement trait `Add<Rhs>`:\n            \
            `&f128` implements `Add<f128>`\n\n\
            error: aborting due to 1 previous error\n\n\
            thread 'x' (31916) panicked at skeptic-0.14.2/src/rt.rs:398:13:\n\
            Command failed:\n\"rustc\" \"/tmp/rust-skeptic51BwNk/test.rs\" \"--verbose\"\n";
        let told = message(body, Path::new("src/ch01-goroutines/basics.md"), 112);
        assert!(
            told.contains("--> src/ch01-goroutines/basics.md:114:42"),
            "{told}"
        );
        assert!(!told.contains("rustc\" ") && !told.contains("implements `Add<f128>`"));
    }
}
