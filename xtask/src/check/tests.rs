//! Each test starts from a small book that passes every rule and breaks one
//! thing.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Problem, run};
use crate::crates::Crate;
use crate::model::Book;

const PAGE: &str = "# Page\n\n## First item\n\n\
    {{#go-rust ch01-01-first:main ch01-01-first.rs:main}}\n\n\
    It does not compile:\n\n{{#listing compile-fail/ch01-01-wrong.rs}}\n";

const PLAYGROUND: &str = r#"{ "about": "", "taken": "2026-08-02", "source": "",
    "has": { "tokio": { "version": "1.53.1", "features": ["full"] } }, "lacks": [] }"#;

/// The fixture book, with `changes` applied (`None` deletes), checked.
fn fixture(changes: &[(&str, Option<&str>)]) -> Vec<Problem> {
    let sh = xshell::Shell::new().unwrap();
    let dir = sh.create_temp_dir().unwrap();
    let root = dir.path();
    let mut files = BTreeMap::from([
        (
            "src/SUMMARY.md",
            "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n- [2. Two]()\n",
        ),
        (
            "src/roadmap.md",
            "# Roadmap\n\n## 1 One\n- [First item](ch01/page.md#first-item)\n\n## 2 Two\n- Later item\n",
        ),
        ("src/ch01/page.md", PAGE),
        (
            "examples/ch01-01-first.rs",
            "fn main() {\n    // ANCHOR: main\n    println!(\"hi\");\n    // ANCHOR_END: main\n}\n",
        ),
        ("examples/ch01-01-first.stdout", "hi\n"),
        (
            "examples/compile-fail/ch01-01-wrong.rs",
            "fn main() { let x: u8 = 256; }\n",
        ),
        ("examples/compile-fail/ch01-01-wrong.stderr", "error\n"),
        (
            "examples/go/ch01-01-first/main.go",
            "package main\n\n// ANCHOR: main\nfunc main() { println(\"hi\") }\n// ANCHOR_END: main\n",
        ),
        ("examples/go/ch01-01-first/main.stdout", "hi\n"),
        ("src/playground-crates.json", PLAYGROUND),
        ("src/figures.json", r#"{ "about": "", "figures": [] }"#),
    ]);
    for (path, text) in changes {
        match text {
            Some(text) => files.insert(path, text),
            None => files.remove(path),
        };
    }
    for (path, text) in files {
        sh.write_file(root.join(path), text).unwrap();
    }
    let tokio = Crate {
        package: "tokio".into(),
        lib: "tokio".into(),
        version: "1.54.1".parse().unwrap(),
        features: vec!["full".into()],
    };
    run(&Book::load_with(root, vec![tokio]).unwrap())
}

#[track_caller]
fn assert_problem(problems: &[Problem], file: &str, line: usize, what: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.file == Path::new(file) && p.line == line && p.what.contains(what)),
        "no problem `{what}` at {file}:{line} in {problems:#?}"
    );
}

#[test]
fn a_correct_book_has_no_problems() {
    assert_eq!(fixture(&[]), vec![]);
}

#[test]
fn rust_blocks_tagged_ignore_are_rejected() {
    let page = format!("{PAGE}\n```rust,ignore\nfn main() {{}}\n```\n");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(&problems, "src/ch01/page.md", 11, "tagged `ignore`");
}

#[test]
fn a_rs_block_is_rejected_because_nothing_tests_it() {
    let page =
        format!("{PAGE}\n```rs\nfn main() {{}}\n```\n\n```rs,editable\nfn main() {{}}\n```\n");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        11,
        "```rs block is highlighted as Rust",
    );
    assert_problem(
        &problems,
        "src/ch01/page.md",
        15,
        "```rs block is highlighted as Rust",
    );
    let fix = &problems.iter().find(|p| p.line == 11).unwrap().fix;
    assert!(fix.contains("write ```rust"), "{fix}");
}

#[test]
fn directives_must_name_listings_and_anchors_that_exist() {
    let page = PAGE.replace("ch01-01-first.rs:main}}", "ch01-01-frist.rs:main}}");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        5,
        "no listing is named `ch01-01-frist.rs`",
    );
    let page = PAGE.replace("ch01-01-first.rs:main}}", "ch01-01-first.rs:mian}}");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(&problems, "src/ch01/page.md", 5, "no anchor `mian`");
}

#[test]
fn a_snippet_that_uses_a_crate_is_rejected() {
    let page = format!("{PAGE}\n```rust\nfn main() {{ tokio::spawn(async {{}}); }}\n```\n");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(&problems, "src/ch01/page.md", 11, "snippets are std only");
}

#[test]
fn a_listing_included_by_hand_is_rejected() {
    let page = format!(
        "{PAGE}\n```rust\n{{{{#rustdoc_include ../../examples/ch01-01-first.rs:main}}}}\n```\n"
    );
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(&problems, "src/ch01/page.md", 11, "included by hand");
}

#[test]
fn every_listing_is_shown_once_with_its_output() {
    let problems = fixture(&[("src/ch01/page.md", Some("# Page\n\n## First item\n"))]);
    assert_problem(
        &problems,
        "examples/ch01-01-first.rs",
        1,
        "shown on no page",
    );
    assert_problem(
        &problems,
        "examples/go/ch01-01-first/main.go",
        1,
        "shown on no page",
    );
    let page = format!("{PAGE}\n{{{{#listing ch01-01-first.rs}}}}\n");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        11,
        "already shown at src/ch01/page.md:5",
    );
    let problems = fixture(&[("examples/ch01-01-first.stdout", None)]);
    assert_problem(
        &problems,
        "examples/ch01-01-first.rs",
        1,
        "ch01-01-first.stdout` is missing",
    );
    let problems = fixture(&[("examples/go/ch01-01-first/main.stdout", None)]);
    assert_problem(
        &problems,
        "examples/go/ch01-01-first/main.go",
        1,
        "main.stdout` is missing",
    );
}

#[test]
fn a_part_needs_its_whole_listing_on_the_page() {
    let other = "# Other\n\n{{#listing ch01-01-first.rs:main | part}}\n";
    let summary = "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n  - [Other](ch01/other.md)\n";
    let problems = fixture(&[
        ("src/ch01/other.md", Some(other)),
        ("src/SUMMARY.md", Some(summary)),
    ]);
    assert_problem(
        &problems,
        "src/ch01/other.md",
        3,
        "whole listing is not on this page",
    );
}

#[test]
fn every_roadmap_section_shows_its_go_listing() {
    let page = PAGE.replace(
        "{{#go-rust ch01-01-first:main ch01-01-first.rs:main}}",
        "{{#listing ch01-01-first.rs:main}}",
    );
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(&problems, "src/ch01/page.md", 3, "has no Go listing");
}

#[test]
fn summary_and_pages_must_agree() {
    let summary =
        "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n- [2. Two](ch02.md)\n";
    let problems = fixture(&[("src/SUMMARY.md", Some(summary))]);
    assert_problem(
        &problems,
        "src/SUMMARY.md",
        6,
        "src/ch02.md, which does not exist",
    );
    let problems = fixture(&[("src/ch01/orphan.md", Some("# Orphan\n"))]);
    assert_problem(&problems, "src/ch01/orphan.md", 1, "not in SUMMARY.md");
}

#[test]
fn roadmap_items_of_written_chapters_link_to_their_sections() {
    let roadmap = "# Roadmap\n\n## 1 One\n- First item\n\n## 2 Two\n- Later item\n";
    let problems = fixture(&[("src/roadmap.md", Some(roadmap))]);
    assert_problem(&problems, "src/roadmap.md", 4, "links nowhere");
    let page = PAGE.replace("## First item", "## The first item");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        1,
        "no `## First item` section",
    );
}

#[test]
fn broken_links_and_fragments_are_rejected() {
    let page = format!("{PAGE}\nSee [the item](page.md#frist-item) and [gone](../ch09/x.md).\n");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        11,
        "no heading there has the id `frist-item`",
    );
    assert_problem(
        &problems,
        "src/ch01/page.md",
        11,
        "`../ch09/x.md` does not exist",
    );
}

#[test]
fn a_diagram_only_mermaid_rejects_is_told_at_its_line() {
    // The script the book bundles; `cargo xtask test` installs it first.
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate::mermaid::SCRIPT);
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if !script.exists() && !in_ci {
        eprintln!(
            "SKIPPED: {} is not installed yet (`cargo xtask build`)",
            script.display()
        );
        return;
    }
    let js = std::fs::read(&script).expect("the Mermaid script, installed before the tests in CI");
    let js = String::from_utf8(js).unwrap();
    let page = format!(
        "{PAGE}\n```mermaid\nstateDiagram-v2\n    Open --> Closed: close\n    Closed -->\n```\n"
    );
    let problems = fixture(&[
        ("src/ch01/page.md", Some(&page)),
        ("src/mermaid/mermaid.min.js", Some(&js)),
    ]);
    if problems.is_empty() && !in_ci && !Path::new("/usr/bin/chromium").exists() {
        return; // skipped with a notice: no Chromium
    }
    assert_problem(
        &problems,
        "src/ch01/page.md",
        14,
        "Mermaid cannot parse this diagram",
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn invalid_mermaid_is_rejected() {
    let page = format!("{PAGE}\n```mermaid\nflowchat LR\n    a -- \"1. first\" --> b\n```\n");
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        12,
        "not a Mermaid diagram type",
    );
    assert_problem(
        &problems,
        "src/ch01/page.md",
        13,
        "starts like a numbered list",
    );
}

#[test]
fn the_playground_list_names_every_crate_at_a_compatible_version() {
    let problems = fixture(&[("src/playground-crates.json", None)]);
    assert_problem(&problems, "src/playground-crates.json", 1, "is missing");
    let other = PLAYGROUND.replace("\"tokio\"", "\"rayon\"");
    let problems = fixture(&[("src/playground-crates.json", Some(&other))]);
    assert_problem(
        &problems,
        "src/playground-crates.json",
        1,
        "`tokio` is in neither",
    );
    assert_problem(
        &problems,
        "src/playground-crates.json",
        2,
        "`rayon` is not a dependency",
    );
    let old = PLAYGROUND.replace("1.53.1", "0.2.0");
    let problems = fixture(&[("src/playground-crates.json", Some(&old))]);
    assert_problem(
        &problems,
        "src/playground-crates.json",
        2,
        "semver-incompatible",
    );
}

#[test]
fn a_missing_go_module_is_an_error_not_an_empty_module() {
    let sh = xshell::Shell::new().unwrap();
    let dir = sh.create_temp_dir().unwrap();
    for (path, text) in [
        ("src/SUMMARY.md", "# Summary\n"),
        ("examples/ch01-01-first.rs", "fn main() {}\n"),
        ("examples/compile-fail/ch01-01-wrong.rs", "fn main() {}\n"),
    ] {
        sh.write_file(dir.path().join(path), text).unwrap();
    }
    let error = Book::load_with(dir.path(), Vec::new())
        .err()
        .unwrap()
        .to_string();
    assert!(
        error.contains("cannot read") && error.contains("examples/go"),
        "{error}"
    );
}

#[test]
fn stale_recorded_output_is_rejected() {
    let problems = fixture(&[("examples/ch01-02-renamed.stdout", Some("old\n"))]);
    assert_problem(
        &problems,
        "examples/ch01-02-renamed.stdout",
        1,
        "stale recorded output",
    );
}

#[test]
fn a_listing_sits_in_the_section_of_the_item_it_is_named_for() {
    let page = PAGE.replace(
        "## First item\n\n",
        "## First item\n\nText.\n\n## Elsewhere\n\n",
    );
    let problems = fixture(&[("src/ch01/page.md", Some(&page))]);
    assert_problem(
        &problems,
        "src/ch01/page.md",
        9,
        "section shows no part of it",
    );
}

#[test]
fn every_exercise_is_shown() {
    let starter = "examples/exercises/ch01-fix-it/starter.rs";
    let problems = fixture(&[
        (starter, Some("// level: warm-up\nfn main() {}\n")),
        (
            "examples/exercises/ch01-fix-it/solution.rs",
            Some("fn main() {}\n"),
        ),
        (
            "examples/exercises/ch01-fix-it/hints.md",
            Some("- A hint.\n"),
        ),
    ]);
    assert_problem(&problems, starter, 1, "exercise is shown on no page");
}

#[test]
fn a_hint_s_link_resolves_from_the_page_that_shows_it() {
    let hints = "examples/exercises/ch01-fix-it/hints.md";
    let page = format!("{PAGE}\n## Exercise\n\n{{{{#exercise ch01-fix-it}}}}\n");
    let problems = fixture(&[
        ("src/ch01/page.md", Some(&page)),
        (
            "examples/exercises/ch01-fix-it/starter.rs",
            Some("// level: warm-up\nfn main() {}\n"),
        ),
        (
            "examples/exercises/ch01-fix-it/solution.rs",
            Some("fn main() {}\n"),
        ),
        (
            hints,
            Some(
                "- A hint.\n- See [the item](page.md#first-item) and [a gone one](page.md#gone).\n",
            ),
        ),
    ]);
    assert_problem(&problems, hints, 2, "no heading there has the id `gone`");
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.file == Path::new(hints))
            .count(),
        1,
        "{problems:#?}"
    );
}

#[test]
fn figures_that_disagree_are_told_unless_a_page_explains_them() {
    let figures = |explained: &str| {
        format!(
            "{{ \"about\": \"\", \"figures\": [ {{\n\"quantity\": \"a start\", \"factor\": 2.0, {explained}\n\
             \"sources\": [\n\
             {{ \"file\": \"examples/ch01-01-first.stdout\", \"pattern\": \"took ([0-9.]+) µs\", \"unit\": \"µs\", \"per\": 1 }},\n\
             {{ \"file\": \"examples/go/ch01-01-first/main.stdout\", \"pattern\": \"took ([0-9.]+) ms\", \"unit\": \"ms\", \"per\": 1000 }} ] }} ] }}"
        )
    };
    let recordings = [
        ("examples/ch01-01-first.stdout", Some("took 1.0 µs\n")),
        (
            "examples/go/ch01-01-first/main.stdout",
            Some("took 9.0 ms\n"),
        ),
    ];
    // 1 µs against 9 ms / 1000 = 9 µs: 9x apart, more than 2x, unexplained.
    let unexplained = figures("");
    let mut changes = recordings.to_vec();
    changes.push(("src/figures.json", Some(&unexplained)));
    assert_problem(&fixture(&changes), "src/figures.json", 2, "9.0x apart");
    // The same, with the section that says why: no problem.
    let explained = figures("\"explained\": \"ch01/page.md#first-item\",");
    let mut changes = recordings.to_vec();
    changes.push(("src/figures.json", Some(&explained)));
    let problems = fixture(&changes);
    assert!(
        !problems
            .iter()
            .any(|p| p.file == Path::new("src/figures.json")),
        "{problems:#?}"
    );
}

#[test]
fn a_listing_must_show_what_its_section_names() {
    let listing = "fn main() {\n    // ANCHOR: main\n    println!(\"hi\");\n    // ANCHOR_END: main\n    hidden_idiom();\n}\n\nfn hidden_idiom() {}\n";
    let page = PAGE.replace(
        "## First item\n\n",
        "## First item\n\nThe point is `hidden_idiom`, and `println!`.\n\n",
    );
    // Named, and one of the two is shown: fine.
    let shown = fixture(&[
        ("examples/ch01-01-first.rs", Some(listing)),
        ("src/ch01/page.md", Some(&page)),
    ]);
    assert_eq!(shown, []);
    // Only the hidden one is named: a problem at the directive's line.
    let page = page.replace(", and `println!`", "");
    let hidden = fixture(&[
        ("examples/ch01-01-first.rs", Some(listing)),
        ("src/ch01/page.md", Some(&page)),
    ]);
    assert_problem(
        &hidden,
        "src/ch01/page.md",
        7,
        "names `hidden_idiom`, which ch01-01-first has only in the lines this page hides",
    );
}

/// A chat server of one step in both languages, on a page with its
/// session and its diagram: no problem, until a test breaks one thing.
fn chat(changes: &[(&'static str, Option<&'static str>)]) -> Vec<Problem> {
    const RUST_STEP: &str = "fn main() {\n    // ANCHOR: serve\n    // task: conn\n    \
                             tokio::spawn(async {});\n    // ANCHOR_END: serve\n}\n";
    const GO_STEP: &str = "package main\n\n// ANCHOR: serve\nfunc main() {\n\tgo func() {}() // task: conn\n}\n\
         // ANCHOR_END: serve\n";
    const PAGE: &str = "# The project\n\nIt applies the [first item](page.md#first-item).\n\n\
                        {{#chat-session step-01}}\n\n\
                        {{#go-rust chat/step-01:serve chat/step-01:serve}}\n\n\
                        {{#go-rust chat/lib:read chat/lib:read}}\n\n\
                        ```mermaid\nflowchart LR\n    %% tasks and channels of chat/step-01\n    \
                        conn[\"conn\"]\n```\n";
    let mut all: Vec<(&str, Option<&str>)> = vec![
        (
            "src/SUMMARY.md",
            Some(
                "# Summary\n\n[The roadmap](roadmap.md)\n\n- [1. One](ch01/page.md)\n    - [1.1 The project](ch01/project.md)\n- [2. Two]()\n",
            ),
        ),
        ("src/ch01/project.md", Some(PAGE)),
        (
            "examples/chat/Cargo.toml",
            Some("[dependencies]\ntokio = \"1\"\n"),
        ),
        (
            "examples/chat/src/lib.rs",
            Some("// ANCHOR: read\npub fn read() {}\n// ANCHOR_END: read\n"),
        ),
        ("examples/chat/src/bin/step-01/main.rs", Some(RUST_STEP)),
        (
            "examples/chat/sessions/step-01.txt",
            Some("u1 > (connects)\nu1 < HELLO u1\n"),
        ),
        (
            "examples/go/chat/protocol.go",
            Some("package chat\n\n// ANCHOR: read\nfunc Read() {}\n// ANCHOR_END: read\n"),
        ),
        ("examples/go/chat/step-01/main.go", Some(GO_STEP)),
    ];
    all.extend_from_slice(changes);
    fixture(&all)
}

#[test]
fn a_correct_chat_server_has_no_problems() {
    assert_eq!(chat(&[]), vec![]);
}

#[test]
fn a_chat_step_needs_its_twin_and_its_marks() {
    let problems = chat(&[("examples/go/chat/step-01/main.go", None)]);
    assert_problem(
        &problems,
        "examples/go/chat",
        0,
        "the chat server's `step-01` is missing here",
    );
    let unmarked = "package main\n\n// ANCHOR: serve\nfunc main() {\n\tgo func() {}()\n}\n// ANCHOR_END: serve\n";
    let problems = chat(&[("examples/go/chat/step-01/main.go", Some(unmarked))]);
    assert_problem(
        &problems,
        "examples/go/chat/step-01/main.go",
        5,
        "a task started without a `// task:` mark",
    );
}

#[test]
fn the_diagram_draws_what_the_code_marks_in_each_language() {
    const DRAWN: &str = "# The project\n\nIt applies the [first item](page.md#first-item).\n\n\
                         {{#chat-session step-01}}\n\n\
                         {{#go-rust chat/step-01:serve chat/step-01:serve}}\n\n\
                         {{#go-rust chat/lib:read chat/lib:read}}\n\n\
                         ```mermaid\nflowchart LR\n    %% tasks and channels of chat/step-01\n    \
                         conn[\"conn\"]\n    room[\"room (Go only)\"]\n```\n";
    let problems = chat(&[("src/ch01/project.md", Some(DRAWN))]);
    assert_problem(
        &problems,
        "src/ch01/project.md",
        11,
        "the task `room` is in the diagram, not in the code (Go)",
    );
    assert!(
        !problems.iter().any(|p| p.what.contains("(Rust)")),
        "{problems:#?}"
    );
}

#[test]
fn a_step_page_links_its_roadmap_items_and_shows_its_session() {
    const UNLINKED: &str = "# The project\n\n{{#go-rust chat/step-01:serve chat/step-01:serve}}\n\n\
                            {{#go-rust chat/lib:read chat/lib:read}}\n\n\
                            ```mermaid\nflowchart LR\n    %% tasks and channels of chat/step-01\n    \
                            conn[\"conn\"]\n```\n";
    let problems = chat(&[("src/ch01/project.md", Some(UNLINKED))]);
    assert_problem(
        &problems,
        "src/ch01/project.md",
        3,
        "no roadmap item of this chapter is linked",
    );
    assert_problem(
        &problems,
        "examples/chat/sessions/step-01.txt",
        1,
        "this session is shown on no page",
    );
}
