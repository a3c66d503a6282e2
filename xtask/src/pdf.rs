//! `cargo xtask pdf`: the whole book as one PDF, printed by headless
//! Chromium from the book's print page. The page's print style shows both
//! panes of every Go/Rust pair, labelled, and every diagram (drawn at build
//! time) in its light drawing. `check` reads the PDF back with `pdftotext`
//! (Debian's poppler-utils) and finds in it every page's title and the
//! caption of every listing shown (its file and the command that runs it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::{book, model, optional};

const CHROMIUM: &str = mdbook_listings::diagrams::CHROMIUM;
/// Where the PDF is written: beside the HTML, which the Pages workflow publishes.
pub const PDF: &str = "book/go-concurrency-in-rust.pdf";

/// Builds the book and prints it; returns the PDF's path, or None without
/// Chromium (a notice; in CI, an error).
pub fn print(sh: &Shell) -> Result<Option<PathBuf>> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let probe = || Path::new(CHROMIUM).exists();
    let needs = format!("{CHROMIUM} (apt-get install -y chromium)");
    if !optional::tool(&FOUND, probe, "printing the book to PDF", &needs)? {
        return Ok(None);
    }
    let built = book::build(sh)?;
    let root = sh.current_dir();
    let pdf = root.join(PDF);
    let _ = std::fs::remove_file(&pdf);
    let mut chromium = Command::new(CHROMIUM);
    chromium
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            root.join("target/pdf-profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!(
            "file://{}",
            built.join("print.html").canonicalize()?.display()
        ));
    let limits = supervise::Limits {
        time: Duration::from_secs(300),
        output_bytes: 1 << 20,
        memory_bytes: None,
        tasks: None,
    };
    let run = supervise::run(chromium, &limits).context("running Chromium")?;
    if !pdf.exists() {
        bail!("Chromium wrote no PDF ({}):\n{}", run.status, run.stderr);
    }
    Ok(Some(pdf))
}

/// What `check` found.
pub struct Report {
    pub pages: usize,
    pub titles: usize,
    pub captions: usize,
}

/// Prints the book and checks the PDF: every page's title and every shown
/// listing's file, as its caption names it, are in its text. None without
/// Chromium or pdftotext (a notice; in CI, an error).
pub fn check(sh: &Shell) -> Result<Option<Report>> {
    let Some(pdf) = print(sh)? else {
        return Ok(None);
    };
    static FOUND: OnceLock<bool> = OnceLock::new();
    let probe = || Command::new("pdftotext").arg("-v").output().is_ok();
    let needs = "pdftotext (apt-get install -y poppler-utils)";
    if !optional::tool(&FOUND, probe, "reading the PDF back", needs)? {
        return Ok(None);
    }
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .context("running pdftotext")?;
    // Compared by their letters and digits only: lines break anywhere in a
    // long path, pdftotext joins a word broken at a hyphen, and a font may
    // lack an emoji.
    let squeeze = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let text = squeeze(&String::from_utf8_lossy(&text.stdout));
    let info = Command::new("pdfinfo").arg(&pdf).output()?;
    let pages = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let book = model::Book::load(&sh.current_dir())?;
    let mut missing = Vec::new();
    let (mut titles, mut captions) = (0, 0);
    for page in book
        .pages
        .iter()
        .filter(|p| !p.path.ends_with("SUMMARY.md"))
    {
        if let Some(title) = page.headings.iter().find(|h| h.level == 1) {
            let shown = title.markdown.replace(['`', '*'], "");
            titles += 1;
            if !text.contains(&squeeze(&shown)) {
                missing.push(format!("{}: the title {shown:?}", page.path.display()));
            }
        }
        for shown in page.expanded.shown.iter().filter(|s| !s.part) {
            // A quiz's own program is shown without a caption: its output is
            // the answer (xtask/mdbook-listings/src/quiz.rs).
            let Some(listing) = book
                .inventory
                .get(&shown.id)
                .filter(|l| !l.name.starts_with("quiz-"))
            else {
                continue;
            };
            captions += 1;
            // A part of the chat server is a folder, its caption a file in it.
            let file = match listing.kind.is_chat() {
                true => listing.source.parent().unwrap_or(&listing.source),
                false => &listing.source,
            };
            let (file, command) = (file.display().to_string(), listing.run_command());
            if !text.contains(&squeeze(&file)) || !text.contains(&squeeze(&command)) {
                missing.push(format!(
                    "{}:{}: the caption of {}",
                    page.path.display(),
                    shown.line,
                    listing.id()
                ));
            }
        }
    }
    if !missing.is_empty() {
        bail!(
            "{} is missing what the book shows:\n  {}",
            pdf.display(),
            missing.join("\n  ")
        );
    }
    Ok(Some(Report {
        pages,
        titles,
        captions,
    }))
}
