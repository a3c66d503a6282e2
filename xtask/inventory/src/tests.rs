use std::fs;

use super::*;

/// A throwaway book root holding `files`, removed when dropped.
struct Fixture(PathBuf);

impl Fixture {
    fn new(files: &[(&str, &str)]) -> Fixture {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!("inventory-test-{}-{n}", std::process::id()));
        for (path, text) in files {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        Fixture(root)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const BOOK: &[(&str, &str)] = &[
    (
        "examples/ch01-01-first.rs",
        "// output: any-order\n// output: varies id \\d+\nfn main() {\n    // ANCHOR: main\n    // ANCHOR_END: main\n}\n",
    ),
    ("examples/ch01-01-first.stdout", "hi\n"),
    (
        "examples/ch05-09-bench.rs",
        "// bench: --full\nfn main() {}\n",
    ),
    ("examples/ch05-09-bench.stdout", ""),
    ("examples/ch05-09-bench.bench.txt", ""),
    ("examples/ch05-10-model.rs", "fn main() {} // loom::model\n"),
    ("examples/ch05-10-model.loom.txt", ""),
    ("examples/ch09-09-gone.stdout", "old\n"),
    ("examples/compile-fail/ch03-01-use.rs", "fn main() {}\n"),
    ("examples/compile-fail/ch03-01-use.stderr", "error\n"),
    ("examples/compile-fail/rustc-version.txt", "rustc 1.95.0\n"),
    ("examples/go/go.mod", "module gobook\n"),
    ("examples/go/ch01-01-first/main.go", "package main\n"),
    ("examples/go/ch01-01-first/main.stdout", "hi\n"),
    (
        "examples/go/ch01-01-first/old.go",
        "//go:build go1.21\n\npackage main\n\n// ANCHOR: old\n// ANCHOR_END: old\n",
    ),
    (
        "examples/go/racecheck/racecheck_test.go",
        "package racecheck\n",
    ),
    (
        "examples/go/bench/bench_test.go",
        "package bench\n// ANCHOR: spawn\n// ANCHOR_END: spawn\n",
    ),
    ("benches/go_vs_rust.rs", "fn main() {}\n"),
    (
        "examples/exercises/ch01-fix-it/starter.rs",
        "//! Exercise: fix it\n// practises: 1.11 1.14\n// level: medium\nfn main() {}\n",
    ),
    (
        "examples/exercises/ch01-fix-it/solution.rs",
        "fn main() {}\n",
    ),
    ("examples/exercises/ch01-fix-it/hints.md", "- A hint.\n"),
];

#[test]
fn finds_every_kind_with_its_outputs_and_directives() {
    let book = Fixture::new(BOOK);
    let inventory = Inventory::scan(&book.0).unwrap();
    let ids: Vec<String> = inventory.listings.iter().map(Listing::id).collect();
    assert_eq!(
        ids,
        [
            "ch01-01-first",
            "ch05-09-bench",
            "ch05-10-model",
            "compile-fail/ch03-01-use",
            "go/ch01-01-first",
            "go/bench",
            "benches/go_vs_rust"
        ]
    );
    let first = inventory.get("ch01-01-first").unwrap();
    assert!(first.output.any_order);
    assert_eq!(first.output.varies.len(), 1);
    let anchors: Vec<&str> = first.anchors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(anchors, ["main"]);
    assert_eq!(
        first.stdout.as_deref(),
        Some(Path::new("examples/ch01-01-first.stdout"))
    );
    assert_eq!(first.stderr, None);
    let bench = inventory.get("ch05-09-bench").unwrap();
    assert_eq!(bench.bench.as_deref(), Some(&["--full".to_owned()][..]));
    assert!(bench.bench_txt.is_some());
    assert!(inventory.get("ch05-10-model").unwrap().loom_model);
    let go = inventory.get("go/ch01-01-first").unwrap();
    assert_eq!(
        go.anchors[0].file,
        Path::new("examples/go/ch01-01-first/old.go")
    );
    assert_eq!(
        go.stdout_path(),
        Path::new("examples/go/ch01-01-first/main.stdout")
    );
    assert_eq!(go.run_command(), "go run -C examples/go ./ch01-01-first");
    assert_eq!(
        inventory.strays,
        [Path::new("examples/ch09-09-gone.stdout")]
    );
    let bench = inventory.get("go/bench").unwrap();
    assert_eq!(
        bench.run_command(),
        "go test -C examples/go -run '^$' -bench . ./bench"
    );
    assert_eq!(bench.anchors[0].name, "spawn");
    let exercise = &inventory.exercises[0];
    assert_eq!(exercise.id(), "exercise/ch01-fix-it");
    assert_eq!(exercise.practises, [(1, 11), (1, 14)]);
    assert_eq!(
        (exercise.level.as_str(), exercise.chapter()),
        ("medium", Some(1))
    );
}

#[test]
fn an_empty_or_missing_folder_is_an_error() {
    let without_go: Vec<_> = BOOK
        .iter()
        .filter(|(p, _)| !p.contains("/go/"))
        .copied()
        .collect();
    let book = Fixture::new(&without_go);
    let error = Inventory::scan(&book.0).unwrap_err().to_string();
    assert!(error.contains("examples/go: cannot read it"), "{error}");

    let no_compile_fail: Vec<_> = BOOK
        .iter()
        .filter(|(p, _)| !p.starts_with("examples/compile-fail/ch"))
        .copied()
        .collect();
    let book = Fixture::new(&no_compile_fail);
    let error = Inventory::scan(&book.0).unwrap_err().to_string();
    assert!(error.contains("compile-fail: holds no listing"), "{error}");
}

#[test]
fn an_unknown_directive_names_its_line() {
    let mut files = BOOK.to_vec();
    files.push((
        "examples/ch01-02-typo.rs",
        "fn main() {}\n// output: any_order\n",
    ));
    let book = Fixture::new(&files);
    let error = Inventory::scan(&book.0).unwrap_err().to_string();
    assert!(
        error.contains("ch01-02-typo.rs:2: unknown directive"),
        "{error}"
    );
}

#[test]
fn an_exercise_needs_its_three_files_and_a_level() {
    let mut files: Vec<_> = BOOK
        .iter()
        .filter(|(p, _)| !p.ends_with("hints.md"))
        .copied()
        .collect();
    let book = Fixture::new(&files);
    let error = Inventory::scan(&book.0).unwrap_err().to_string();
    assert!(error.contains("hints.md is missing"), "{error}");
    files.push(("examples/exercises/ch01-fix-it/hints.md", ""));
    files.retain(|(p, _)| !p.ends_with("ch01-fix-it/starter.rs"));
    files.push((
        "examples/exercises/ch01-fix-it/starter.rs",
        "// level: easy\n",
    ));
    let book = Fixture::new(&files);
    let error = Inventory::scan(&book.0).unwrap_err().to_string();
    assert!(error.contains("starter.rs:1: level `easy`"), "{error}");
}

mod advice {
    use crate::OutputRule;
    use crate::advice::{Varies, between};

    fn values(patterns: &[&str], and_order: bool) -> Option<Varies> {
        Some(Varies::Values {
            patterns: patterns.iter().map(|p| p.to_string()).collect(),
            and_order,
        })
    }

    #[test]
    fn a_duration_gets_a_narrow_pattern() {
        let found = between(
            &OutputRule::default(),
            "start\ntook 1.234ms\n",
            "start\ntook 0.987ms\n",
        );
        assert_eq!(found, values(&[r"took \d+(\.\d+)?(ns|µs|us|ms|s)"], false));
    }

    #[test]
    fn a_panic_message_thread_id_gets_its_parentheses() {
        let found = between(
            &OutputRule::default(),
            "thread '<unnamed>' (26299) panicked at examples/x.rs:5:9:\n",
            "thread '<unnamed>' (26301) panicked at examples/x.rs:5:9:\n",
        );
        assert_eq!(found, values(&[r"\(\d+\)"], false));
    }

    #[test]
    fn reordered_lines_are_any_order() {
        let rule = OutputRule::default();
        assert_eq!(between(&rule, "a\nb\n", "b\na\n"), Some(Varies::Order));
    }

    #[test]
    fn values_and_order_together() {
        let found = between(
            &OutputRule::default(),
            "worker 1 took 3ms\nworker 2 took 5ms\n",
            "worker 2 took 4ms\nworker 1 took 6ms\n",
        );
        assert_eq!(found, values(&[r"took \d+(ns|µs|us|ms|s)"], true));
    }

    #[test]
    fn changed_words_are_content() {
        let rule = OutputRule::default();
        assert_eq!(between(&rule, "alice\n", "bob\n"), Some(Varies::Content));
        assert_eq!(between(&rule, "a\n", "a\nb\n"), Some(Varies::Content));
    }

    #[test]
    fn what_the_rule_already_allows_is_no_difference() {
        let rule = OutputRule {
            varies: vec![regex::Regex::new(r"\d+ms").unwrap()],
            any_order: true,
            ..OutputRule::default()
        };
        assert_eq!(between(&rule, "b 3ms\na\n", "a\nb 4ms\n"), None);
    }
}

#[test]
fn the_chat_server_is_its_library_steps_and_load_generator_in_both_languages() {
    let mut files = BOOK.to_vec();
    files.extend([
        (
            "examples/chat/src/lib.rs",
            "// ANCHOR: read\n// ANCHOR_END: read\n",
        ),
        (
            "examples/chat/src/protocol.rs",
            "// ANCHOR: codec\n// ANCHOR_END: codec\n",
        ),
        ("examples/chat/src/bin/step-01/main.rs", "fn main() {}\n"),
        (
            "examples/chat/src/bin/step-01/conn.rs",
            "// ANCHOR: serve\n// ANCHOR_END: serve\n",
        ),
        ("examples/chat/src/bin/step-02/main.rs", "fn main() {}\n"),
        ("examples/chat/src/bin/load/main.rs", "fn main() {}\n"),
        ("examples/chat/sessions/step-02.txt", "u1 > (connects)\n"),
        ("examples/go/chat/protocol.go", "package chat\n"),
        ("examples/go/chat/step-01/main.go", "package main\n"),
        (
            "examples/go/chat/step-01/conn_test.go",
            "// ANCHOR: test\n// ANCHOR_END: test\n",
        ),
    ]);
    let fixture = Fixture::new(&files);
    let inventory = Inventory::scan(&fixture.0).unwrap();
    let ids: Vec<String> = inventory
        .listings
        .iter()
        .filter(|l| l.kind.is_chat())
        .map(Listing::id)
        .collect();
    assert_eq!(
        ids,
        [
            "chat/lib",
            "chat/load",
            "chat/step-01",
            "chat/step-02",
            "go/chat/lib",
            "go/chat/step-01"
        ]
    );
    let step = inventory.get("chat/step-01").unwrap();
    let anchors: Vec<(&str, String)> = step
        .anchors
        .iter()
        .map(|a| (a.name.as_str(), a.file.display().to_string()))
        .collect();
    assert_eq!(
        anchors,
        [("serve", "examples/chat/src/bin/step-01/conn.rs".into())]
    );
    assert_eq!(step.run_command(), "cargo run -p chat --bin step-01");
    let go = inventory.get("go/chat/step-01").unwrap();
    assert!(
        go.anchors.is_empty(),
        "a _test.go file is no part of the listing"
    );
    assert_eq!(go.run_command(), "go run -C examples/go ./chat/step-01");
    let steps: Vec<(u32, Option<PathBuf>)> = inventory
        .chat_steps()
        .into_iter()
        .map(|s| (s.number, s.session))
        .collect();
    assert_eq!(
        steps,
        [
            (1, None),
            (2, Some("examples/chat/sessions/step-02.txt".into()))
        ]
    );
}
