use std::fs;

use super::*;

/// A small book: chapter 1 written (item 1.1 with a listing, 1.2 without),
/// chapter 3 a draft whose roadmap subsection has one item.
fn book(sh: &xshell::Shell) -> xshell::TempDir {
    let dir = sh.create_temp_dir().unwrap();
    let root = dir.path();
    for (path, text) in [
        (
            "src/SUMMARY.md",
            "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n- [3. Three]()\n    - [3.1 Basics]()\n",
        ),
        (
            "src/roadmap.md",
            "# Roadmap\n\n## 1 One\n- [First item](ch01/page.md#first-item)\n- [Second item](ch01/page.md#second-item)\n\n## 3 Three\n\n### Basics\n- Third item\n",
        ),
        (
            "src/ch01/page.md",
            "# Page\n\n## First item\n\n{{#go-rust ch01-01-first:main ch01-01-first.rs:main}}\n\n\
             It does not compile:\n\n{{#listing compile-fail/ch01-01-wrong.rs}}\n\n\
             ## Second item\n\nText.\n\n> [!TIP]\n> Rule.\n",
        ),
        (
            "examples/ch01-01-first.rs",
            "fn main() {\n    // ANCHOR: main\n    // ANCHOR_END: main\n}\n",
        ),
        ("examples/ch01-01-first.stdout", ""),
        ("examples/compile-fail/ch01-01-wrong.rs", "fn main() {}\n"),
        ("examples/compile-fail/ch01-01-wrong.stderr", "error\n"),
        (
            "examples/go/ch01-01-first/main.go",
            "package main\n\n// ANCHOR: main\n// ANCHOR_END: main\n",
        ),
        ("examples/go/ch01-01-first/main.stdout", ""),
        (
            "src/playground-crates.json",
            r#"{ "about": "", "taken": "", "source": "", "has": {}, "lacks": [] }"#,
        ),
        ("src/figures.json", r#"{ "about": "", "figures": [] }"#),
    ] {
        sh.write_file(root.join(path), text).unwrap();
    }
    dir
}

fn load(dir: &xshell::TempDir) -> Book {
    Book::load_with(dir.path(), Vec::new()).unwrap()
}

#[test]
fn a_new_listing_lands_at_the_end_of_its_section() {
    let sh = xshell::Shell::new().unwrap();
    let dir = book(&sh);
    let (name, page) = new_listing(&load(&dir), "1.2", "second-idea", None).unwrap();
    assert_eq!(name, "ch01-02-second-idea");
    let text = fs::read_to_string(dir.path().join(page)).unwrap();
    // The section's first listing gets its Go counterpart beside it...
    let pair = text
        .find("{{#go-rust ch01-02-second-idea:main ch01-02-second-idea.rs:main}}")
        .unwrap();
    assert!(text.find("Text.").unwrap() < pair && pair < text.find("> [!TIP]").unwrap());
    assert!(dir.path().join("examples/ch01-02-second-idea.rs").exists());
    assert!(
        dir.path()
            .join("examples/go/ch01-02-second-idea/main.go")
            .exists()
    );
    // ...and a second one does not.
    new_listing(&load(&dir), "1.1", "another-idea", None).unwrap();
    let text = fs::read_to_string(dir.path().join("src/ch01/page.md")).unwrap();
    let first = text
        .find("{{#listing ch01-01-another-idea.rs:main}}")
        .unwrap();
    assert!(first < text.find("## Second item").unwrap(), "{text}");
    assert!(!dir.path().join("examples/go/ch01-01-another-idea").exists());
}

#[test]
fn a_new_chapter_gets_its_roadmap_sections_and_a_summary_entry() {
    let sh = xshell::Shell::new().unwrap();
    let dir = book(&sh);
    let pages = new_chapter(&load(&dir), 3, "Three").unwrap();
    assert_eq!(pages.len(), 2);
    let basics = fs::read_to_string(dir.path().join("src/ch03-three/basics.md")).unwrap();
    assert!(basics.contains("## Third item"));
    let summary = fs::read_to_string(dir.path().join("src/SUMMARY.md")).unwrap();
    assert!(
        summary.contains(
            "- [3. Three](ch03-three/index.md)\n    - [3.1 Basics](ch03-three/basics.md)"
        )
    );
    assert!(!summary.contains("[3.1 Basics]()"));
    let roadmap = fs::read_to_string(dir.path().join("src/roadmap.md")).unwrap();
    assert!(roadmap.contains("- [Third item](ch03-three/basics.md#third-item)"));
    let problems = crate::check::run(&load(&dir));
    assert!(problems.is_empty(), "{problems:#?}");
}
