//! Text in, text out: each test expands a page with a hand-made inventory.

use std::path::PathBuf;

use inventory::{Anchor, Listing, OutputRule};

use super::*;

fn listing(kind: Kind, name: &str, anchors: &[&str], outputs: &[&str]) -> Listing {
    let source = PathBuf::from(match kind {
        Kind::Rust => format!("examples/{name}.rs"),
        Kind::CompileFail => format!("examples/compile-fail/{name}.rs"),
        Kind::Go => format!("examples/go/{name}/main.go"),
        Kind::GoBench => format!("examples/go/{name}/bench_test.go"),
        Kind::RustBench => format!("benches/{name}.rs"),
        Kind::ChatRust => format!("examples/chat/src/bin/{name}/main.rs"),
        Kind::ChatGo => format!("examples/go/chat/{name}/main.go"),
    });
    let output = |ext: &str| {
        outputs.contains(&ext).then(|| match kind {
            Kind::Go => source.with_file_name(format!("main.{ext}")),
            _ => source.with_extension(ext),
        })
    };
    Listing {
        kind,
        name: name.into(),
        stdout: output("stdout"),
        stderr: output("stderr"),
        bench_txt: output("bench.txt"),
        loom_txt: output("loom.txt"),
        race_txt: None,
        race_expected: false,
        output: OutputRule::default(),
        bench: None,
        loom_model: false,
        anchors: anchors
            .iter()
            .map(|a| Anchor {
                name: (*a).into(),
                file: source.clone(),
            })
            .collect(),
        source,
    }
}

fn inventory() -> Inventory {
    let exercise = inventory::Exercise {
        name: "ch01-fix-it".into(),
        starter: "examples/exercises/ch01-fix-it/starter.rs".into(),
        solution: "examples/exercises/ch01-fix-it/solution.rs".into(),
        hints: "examples/exercises/ch01-fix-it/hints.md".into(),
        practises: vec![(1, 11)],
        level: "medium".into(),
    };
    Inventory {
        root: PathBuf::from("/book"),
        listings: vec![
            listing(
                Kind::Rust,
                "ch03-07-states",
                &["observe", "main"],
                &["stdout"],
            ),
            listing(
                Kind::Rust,
                "ch05-09-bench",
                &[],
                &["stdout", "bench.txt", "stderr"],
            ),
            listing(Kind::CompileFail, "ch03-01-use", &["use"], &["stderr"]),
            listing(Kind::Go, "ch03-07-states", &["observe"], &["stdout"]),
            listing(Kind::GoBench, "bench", &["spawn"], &[]),
            listing(Kind::RustBench, "go_vs_rust", &["spawn"], &[]),
            listing(Kind::ChatGo, "step-01", &["serve"], &[]),
            listing(Kind::ChatRust, "step-01", &["serve"], &[]),
        ],
        exercises: vec![exercise],
        quizzes: Vec::new(),
        strays: Vec::new(),
        sessions: vec!["examples/chat/sessions/step-01.txt".into()],
    }
}

fn page(text: &str) -> Expanded {
    expand(text, Path::new("src/ch03-channels/page.md"), &inventory())
}

#[test]
fn a_listing_becomes_its_code_caption_and_output() {
    let out = page(
        "Before.\n\n{{#listing ch03-07-states.rs:observe,main | note: its test checks the diagram}}\n\nAfter.\n",
    );
    assert_eq!(out.problems, []);
    assert_eq!(
        out.text,
        "Before.\n\n\
         ```rust\n{{#rustdoc_include ../../examples/ch03-07-states.rs:observe}}\n```\n\n\
         ```rust\n{{#rustdoc_include ../../examples/ch03-07-states.rs:main}}\n```\n\n\
         <span class=\"caption\">`examples/ch03-07-states.rs` · `cargo run --example ch03-07-states`; its test checks the diagram</span>\n\n\
         ```text\n{{#include ../../examples/ch03-07-states.stdout}}\n```\n\
         \nAfter.\n"
    );
    assert_eq!(
        out.shown,
        [Shown {
            line: 3,
            id: "ch03-07-states".into(),
            part: false
        }]
    );
}

#[test]
fn a_pair_is_a_go_pane_then_a_rust_pane() {
    let out =
        page("{{#go-rust ch03-07-states:observe ch03-07-states.rs | output: the ids vary}}\n");
    assert_eq!(out.problems, []);
    assert_eq!(
        out.text,
        "<div class=\"go-rust\">\n<div class=\"pane\" data-lang=\"go\">\n\n\
         <div class=\"go-program\" data-listing=\"ch03-07-states\" data-files=\"main.go\">\n\n\
         ```go\n{{#include ../../examples/go/ch03-07-states/main.go:observe}}\n```\n\n\
         </div>\n\n\
         <span class=\"caption\">`examples/go/ch03-07-states/main.go` · run it locally with `go run -C examples/go ./ch03-07-states`</span>\n\n\
         ```text\n{{#include ../../examples/go/ch03-07-states/main.stdout}}\n```\n\n\
         </div>\n<div class=\"pane\" data-lang=\"rust\">\n\n\
         ```rust\n{{#rustdoc_include ../../examples/ch03-07-states.rs}}\n```\n\n\
         <span class=\"caption\">`examples/ch03-07-states.rs` · `cargo run --example ch03-07-states`</span>\n\n\
         ```text\n{{#include ../../examples/ch03-07-states.stdout}}\n```\n\n\
         <span class=\"caption\">the ids vary</span>\n\n\
         </div>\n</div>\n"
    );
    let ids: Vec<&str> = out.shown.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["go/ch03-07-states", "ch03-07-states"]);
}

#[test]
fn a_benchmark_shows_its_release_numbers_and_a_compile_fail_listing_its_error() {
    let out =
        page("{{#listing ch05-09-bench.rs}}\n\n{{#listing compile-fail/ch03-01-use.rs:use}}\n");
    assert_eq!(out.problems, []);
    assert!(
        out.text
            .contains("numbers from `cargo xtask bench ch05-09-bench`"),
        "{}",
        out.text
    );
    assert!(
        out.text
            .contains("{{#include ../../examples/ch05-09-bench.bench.txt}}")
    );
    assert!(!out.text.contains("ch05-09-bench.stdout"));
    assert!(out.text.contains(
        "ch05-09-bench.stderr}}\n```\n\n<span class=\"caption\">what it wrote to stderr</span>"
    ));
    assert!(out.text.contains(
        "`examples/compile-fail/ch03-01-use.rs`, checked against the compiler by `cargo test --test compile_fail`"
    ));
    assert!(
        out.text
            .contains("{{#include ../../examples/compile-fail/ch03-01-use.stderr}}")
    );
}

#[test]
fn the_benchmarks_pair_runs_nowhere_but_in_cargo_xtask_bench() {
    let out = page("{{#go-rust bench:spawn benches/go_vs_rust.rs:spawn}}\n");
    assert_eq!(out.problems, []);
    assert!(
        out.text
            .contains("```go\n{{#include ../../examples/go/bench/bench_test.go:spawn}}")
    );
    assert!(
        out.text.contains(
            "```rust,noplayground\n{{#rustdoc_include ../../benches/go_vs_rust.rs:spawn}}"
        )
    );
    assert!(
        out.text
            .contains("`go test -C examples/go -run '^$' -bench . ./bench`")
    );
    assert!(out.text.contains("`cargo bench --bench go_vs_rust`"));
}

#[test]
fn a_stderr_note_replaces_the_generic_caption() {
    let out = page("{{#listing ch05-09-bench.rs | stderr: the panic; its thread id varies}}\n");
    assert!(
        out.text.contains(
            "stderr}}\n```\n\n<span class=\"caption\">the panic; its thread id varies</span>"
        ),
        "{}",
        out.text
    );
}

#[test]
fn a_part_is_only_code() {
    let out = page("{{#listing ch03-07-states.rs:main | part}}\n");
    assert_eq!(
        out.text,
        "```rust\n{{#rustdoc_include ../../examples/ch03-07-states.rs:main}}\n```\n"
    );
    assert!(out.shown[0].part);
}

#[test]
fn mistakes_are_problems_at_their_line_and_the_directive_stays() {
    let text = "# Page\n\n{{#listing ch03-07-sates.rs}}\n\n{{#listing ch03-07-states.rs:mian}}\n\n\
                {{#go-rust ch03-07-states}}\n\nSee {{#listing ch03-07-states.rs}} inline.\n\n\
                {{#listing ch03-07-states.rs | colour: red}}\n";
    let out = page(text);
    let found: Vec<(usize, &str)> = out
        .problems
        .iter()
        .map(|p| (p.line, p.what.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (3, "no listing is named `ch03-07-sates.rs`"),
            (5, "`examples/ch03-07-states.rs` has no anchor `mian`"),
            (
                7,
                "`{{#go-rust ch03-07-states}}` needs a Go listing and a Rust one"
            ),
            (
                9,
                "`{{#listing ch03-07-states.rs}}` shares its line with other text"
            ),
            (11, "unknown note `colour`"),
        ]
    );
    assert!(
        out.problems[0].fix.contains("ch03-07-states"),
        "{:?}",
        out.problems[0]
    );
    assert_eq!(out.text, text);
}

#[test]
fn a_listing_of_one_file_is_named_by_its_file() {
    let out = page("{{#listing ch03-07-states:main}}\n");
    let fix = &out.problems[0].fix;
    assert_eq!(fix, "name it by its file: `ch03-07-states.rs`");
}

#[test]
fn escaped_and_foreign_directives_pass_through() {
    let text = "Write \\{{#listing NAME}}; {{#include ../x.md}} is mdBook's.\n";
    let out = page(text);
    assert_eq!(out.problems, []);
    assert_eq!(out.text, text);
}

#[test]
fn an_exercise_is_its_editable_starter_then_hints_and_a_solution_behind_reveals() {
    let out = page("{{#exercise ch01-fix-it}}\n");
    assert_eq!(out.problems, []);
    let text = &out.text;
    assert!(
        text.starts_with("<div class=\"exercise\" data-exercise=\"ch01-fix-it\">"),
        "{text}"
    );
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("no {needle} in {text}"))
    };
    let starter =
        at("```rust,editable\n{{#include ../../examples/exercises/ch01-fix-it/starter.rs}}");
    let hints = at(
        "<summary>Hints</summary>\n\n{{#include ../../examples/exercises/ch01-fix-it/hints.md}}",
    );
    let solution = at("{{#include ../../examples/exercises/ch01-fix-it/solution.rs}}");
    assert!(starter < hints && hints < solution);
    assert!(text.contains("`cargo xtask exercise ch01-fix-it`"));
    assert_eq!(out.shown[0].id, "exercise/ch01-fix-it");
    let out = page("{{#exercise ch01-fix-that}}\n");
    assert!(
        out.problems[0].fix.contains("ch01-fix-it"),
        "{:?}",
        out.problems
    );
}

/// A book root on disk, for the quiz, which reads its file and the outputs.
fn quiz_book(answer: usize) -> (PathBuf, Inventory) {
    let root = std::env::temp_dir().join(format!("quiz-test-{}-{answer}", std::process::id()));
    std::fs::create_dir_all(root.join("src/quizzes")).unwrap();
    std::fs::create_dir_all(root.join("examples")).unwrap();
    std::fs::write(root.join("examples/ch03-07-states.stdout"), "open\n").unwrap();
    let quiz = format!(
        "[[question]]\ntype = \"output\"\nprogram = \"ch03-07-states.rs\"\nprompt = \"What does it print?\"\n\
         choices = [\"closed\", \"open\"]\nanswer = {answer}\nwhy = \"Because.\"\n\n\
         [[question]]\ntype = \"compiles\"\nprogram = \"compile-fail/ch03-01-use.rs\"\nprompt = \"Does it compile?\"\n\
         answer = false\nwhy = \"It uses a moved value.\"\n"
    );
    std::fs::write(root.join("src/quizzes/ch03-quiz.toml"), quiz).unwrap();
    let mut inventory = inventory();
    inventory.root = root.clone();
    inventory.quizzes = vec!["src/quizzes/ch03-quiz.toml".into()];
    (root, inventory)
}

#[test]
fn a_quiz_checks_its_answers_against_the_programs() {
    let (root, inventory) = quiz_book(1);
    let out = expand(
        "{{#quiz ch03-quiz}}\n",
        Path::new("src/ch03-channels/page.md"),
        &inventory,
    );
    assert_eq!(out.problems, []);
    let text = &out.text;
    assert!(
        text.contains("<div class=\"question\" data-answer=\"1\">"),
        "{text}"
    );
    assert!(text.contains("```rust,noplayground\n{{#include ../../examples/ch03-07-states.rs}}"));
    assert!(text.contains("<div class=\"question\" data-answer=\"1\">\n\n**2.** Does it compile?"));
    assert!(
        text.contains("{{#include ../../examples/compile-fail/ch03-01-use.stderr}}"),
        "{text}"
    );
    let ids: Vec<&str> = out.shown.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["ch03-07-states", "compile-fail/ch03-01-use"]);
    let _ = std::fs::remove_dir_all(root);

    let (root, inventory) = quiz_book(0);
    let out = expand(
        "{{#quiz ch03-quiz}}\n",
        Path::new("src/ch03-channels/page.md"),
        &inventory,
    );
    assert!(
        out.problems[0].what.contains("which is choice [1], not 0"),
        "{:?}",
        out.problems
    );
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn a_declared_exit_status_is_shown_under_the_output() {
    let mut inventory = inventory();
    let panics = inventory
        .listings
        .iter_mut()
        .find(|l| l.name == "ch05-09-bench")
        .unwrap();
    panics.output.exit = 101;
    let out = expand(
        "{{#listing ch05-09-bench.rs}}\n",
        Path::new("src/ch03-channels/page.md"),
        &inventory,
    );
    assert!(
        out.text.ends_with(
            "<span class=\"caption exit-status\">then it exited with status 101 (a panic in `main`)</span>\n"
        ),
        "{:?}",
        out.text
    );
    assert!(
        !page("{{#listing ch05-09-bench.rs}}\n")
            .text
            .contains("exit-status")
    );
}

#[test]
fn a_go_listings_race_report_is_shown_under_its_output() {
    let mut inventory = inventory();
    let racy = inventory
        .listings
        .iter_mut()
        .find(|l| l.kind == Kind::Go && l.name == "ch03-07-states")
        .unwrap();
    racy.race_expected = true;
    racy.race_txt = Some("examples/go/ch03-07-states/main.race.txt".into());
    let out = expand(
        "{{#listing go/ch03-07-states}}\n",
        Path::new("src/ch03-channels/page.md"),
        &inventory,
    );
    let stdout = out.text.find("main.stdout}}").expect("the output first");
    let report = out
        .text
        .find("{{#include ../../examples/go/ch03-07-states/main.race.txt}}")
        .expect("then the report");
    assert!(stdout < report, "{}", out.text);
    assert!(out.text.contains("built with `-race`"), "{}", out.text);
}

#[test]
fn go_source_citations_become_links_at_the_books_release() {
    let text = "In `src/runtime/proc.go`, see [`src/runtime/chan.go`](x) and `proc.go`.\n\n\
                ```text\nsrc/runtime/stack.go\n```\n\nAlso `src/runtime/asm_amd64.s`.\n";
    let linked = sources::link_go_sources(text, "go1.26.8");
    assert_eq!(
        linked,
        "In [`src/runtime/proc.go`](https://github.com/golang/go/blob/go1.26.8/src/runtime/proc.go), \
         see [`src/runtime/chan.go`](x) and `proc.go`.\n\n\
         ```text\nsrc/runtime/stack.go\n```\n\n\
         Also [`src/runtime/asm_amd64.s`](https://github.com/golang/go/blob/go1.26.8/src/runtime/asm_amd64.s).\n"
    );
    assert!(
        !sources::is_go_source("src/time/clock.rs"),
        "a Rust crate's file is not Go's"
    );
    assert!(!sources::is_go_source("src/runtime/proc.go and more"));
}

#[test]
fn crate_and_std_citations_link_at_their_versions() {
    let releases = sources::Releases {
        go: "go1.26.8".into(),
        rust: "1.95.0".into(),
        crates: sources::Releases::crates_of_lock(
            "[[package]]\nname = \"tokio\"\nversion = \"1.54.1\"\n\n\
             [[package]]\nname = \"rand\"\nversion = \"0.8.5\"\n\n\
             [[package]]\nname = \"rand\"\nversion = \"0.9.0\"\n",
        ),
    };
    let text =
        "See `tokio/src/time/clock.rs`, `library/std/src/sync/mod.rs` and `rand/src/lib.rs`.\n";
    assert_eq!(
        sources::link_sources(text, &releases),
        "See [`tokio/src/time/clock.rs`](https://docs.rs/crate/tokio/1.54.1/source/src/time/clock.rs), \
         [`library/std/src/sync/mod.rs`](https://github.com/rust-lang/rust/blob/1.95.0/library/std/src/sync/mod.rs) \
         and `rand/src/lib.rs`.\n",
        "a crate locked at two versions is left as written"
    );
}

#[test]
fn a_pane_keeps_its_notes_short() {
    let long = "x".repeat(MAX_PANE_NOTE + 1);
    let out = page(&format!(
        "{{{{#go-rust ch03-07-states ch03-07-states.rs | go output: {long}}}}}\n"
    ));
    assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
    assert!(
        out.problems[0].what.contains("inside a Go/Rust pane"),
        "{:?}",
        out.problems
    );
}

#[test]
fn only_a_page_with_a_quiz_or_an_exercise_carries_their_script() {
    assert_eq!(page_assets("# A page\n\nText.\n"), "");
    let quiz = page_assets("<div class=\"quiz\" data-quiz=\"q\">\n");
    assert!(
        quiz.contains("<script>") && quiz.contains("<style>"),
        "{quiz}"
    );
    assert!(quiz.contains("DOMContentLoaded"), "{quiz}");
    assert!(
        !quiz.contains("Run tests"),
        "the exercises' script too: {quiz}"
    );
}

#[test]
fn a_chat_step_shows_its_anchors_with_their_file_and_no_run_button() {
    let out = page("{{#go-rust chat/step-01:serve chat/step-01:serve}}\n");
    assert_eq!(out.problems, []);
    assert_eq!(
        out.text,
        "<div class=\"go-rust\">\n<div class=\"pane\" data-lang=\"go\">\n\n\
         ```go\n{{#include ../../examples/go/chat/step-01/main.go:serve}}\n```\n\n\
         <span class=\"caption\">`examples/go/chat/step-01/main.go` · `go run -C examples/go ./chat/step-01`</span>\n\n\
         </div>\n<div class=\"pane\" data-lang=\"rust\">\n\n\
         ```rust,noplayground\n{{#include ../../examples/chat/src/bin/step-01/main.rs:serve}}\n```\n\n\
         <span class=\"caption\">`examples/chat/src/bin/step-01/main.rs` · `cargo run -p chat --bin step-01`</span>\n\n\
         </div>\n</div>\n"
    );
    let ids: Vec<&str> = out.shown.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["go/chat/step-01", "chat/step-01"]);
}

#[test]
fn a_chat_step_needs_anchors_its_twin_and_a_step_before_it_to_diff() {
    let problems =
        |text: &str| -> Vec<String> { page(text).problems.into_iter().map(|p| p.what).collect() };
    assert_eq!(
        problems("{{#go-rust chat/step-01 chat/step-01}}\n"),
        ["`go/chat/step-01` is a folder of files, too long to show whole"]
    );
    assert_eq!(
        problems("{{#go-rust chat/step-01:serve ch03-07-states.rs}}\n"),
        ["`go/chat/step-01` beside `ch03-07-states`"]
    );
    assert_eq!(
        problems("{{#go-rust chat/step-01:serve chat/step-01:serve | diff}}\n"),
        ["`| diff` of `go/chat/step-01`, which has no step before it"]
    );
    assert_eq!(
        problems("{{#listing ch03-07-states.rs | diff}}\n"),
        ["`| diff` of `ch03-07-states`"]
    );
}

#[test]
fn a_session_is_its_transcript_and_how_it_is_replayed() {
    let out = page("{{#chat-session step-01}}\n");
    assert_eq!(out.problems, []);
    assert!(
        out.text
            .starts_with("```text\n{{#include ../../examples/chat/sessions/step-01.txt}}\n```\n")
    );
    assert!(
        out.text
            .contains("`cargo test --test chat -- step-01/session`")
    );
    assert_eq!(out.shown[0].id, "session/step-01");
    let missing = page("{{#chat-session step-09}}\n").problems;
    assert_eq!(missing[0].what, "no session is named `step-09`");
}
