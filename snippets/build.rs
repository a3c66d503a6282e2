//! Hands the book's inline ```rust snippets to skeptic, which turns each into
//! a test in `tests/skeptic.rs` that compiles and runs it. It lives in a
//! package of its own: a build script that reruns rebuilds every target of
//! its package, and a prose edit must not rebuild the listings.
//!
//! Listings are shown with `{{#listing}}`, outside code blocks, so a ```rust
//! block is always a snippet (`cargo xtask check` rejects a directive in
//! one). skeptic names its tests after the file, so it reads copies named
//! after each page's whole path: `src/ch01-goroutines/index.md` and
//! `src/ch03-channels/index.md` do not collide.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

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
            write_if_changed(&copy, &text);
            copy
        })
        .collect();
    // New pages appear here.
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    skeptic::generate_doc_tests(&copies);
}

/// Cargo reruns this script when a file it names is newer than its last run,
/// so an unchanged copy must keep its old timestamp.
fn write_if_changed(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}
