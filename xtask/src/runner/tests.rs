use super::*;
use std::io::Write;
use std::net::TcpStream;
use std::time::Instant;

/// A stand-in compiler: "compiling" copies the source, a shell script,
/// to the output, or sleeps when the source says `slow-compile`.
struct Shell;

impl Compiler for Shell {
    fn command(&self, source: &Path, _edition: &str, _tests: bool, output: &Path) -> Command {
        let mut sh = Command::new("sh");
        sh.arg("-c").arg(format!(
            "grep -q slow-compile '{0}' && sleep 30; cp '{0}' '{1}' && chmod +x '{1}'",
            source.display(),
            output.display()
        ));
        sh
    }
}

const BOOK_PORT: u16 = 3999;

fn runner(limits: Limits) -> u16 {
    runner_with(Box::new(Shell), limits)
}

/// A runner with its own scratch directory, per test thread.
fn runner_with(compiler: Box<dyn Compiler>, limits: Limits) -> u16 {
    let scratch = std::env::temp_dir().join(format!(
        "runner-test-{}-{:?}",
        std::process::id(),
        thread::current().id()
    ));
    start(
        Rust::ready(compiler),
        go_module(),
        limits,
        BOOK_PORT,
        0,
        scratch,
    )
    .unwrap()
}

#[test]
fn before_the_compiler_is_ready_run_says_so_and_the_crates_are_known() {
    let scratch = std::env::temp_dir().join(format!("runner-test-pending-{}", std::process::id()));
    let rust = Rust::pending(vec!["tokio".into()]);
    let port = start(Arc::clone(&rust), None, short(), BOOK_PORT, 0, scratch).unwrap();
    let (status, shown) = evaluate_json(port, "#!/bin/sh\necho hello\n");
    assert_eq!((status, shown.as_str()), (503, STILL_BUILDING));
    let origin = format!("http://127.0.0.1:{BOOK_PORT}");
    let (_, crates) = post(
        port,
        "/meta/crates",
        &format!("127.0.0.1:{port}"),
        Some(&origin),
        "{}",
    );
    assert!(crates.contains("\"tokio\""), "{crates}");
    rust.set(Box::new(Shell));
    assert_eq!(
        evaluate_json(port, "#!/bin/sh\necho hello\n"),
        (200, "hello\n".to_owned())
    );
}

/// A module for the Go tests: `examples/go`'s `go.mod` and `go.sum` and one
/// listing, `hello`, of two files. None, with a notice, without Go (in CI
/// that is a failure).
fn go_module() -> Option<GoModule> {
    static FOUND: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let probe = || Command::new("go").arg("version").output().is_ok();
    if !crate::optional::tool(&FOUND, probe, "the runner's Go tests", "go (Go 1.26)").unwrap() {
        return None;
    }
    let dir = std::env::temp_dir().join(format!("runner-go-{}", std::process::id()));
    let listing = dir.join("hello");
    std::fs::create_dir_all(&listing).unwrap();
    let book = crate::project_root().unwrap().join(inventory::GO_MODULE);
    for file in ["go.mod", "go.sum"] {
        std::fs::copy(book.join(file), dir.join(file)).unwrap();
    }
    let main = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(greeting()) }\n";
    std::fs::write(listing.join("main.go"), main).unwrap();
    let other = "package main\n\nfunc greeting() string { return \"hello from Go\" }\n";
    std::fs::write(listing.join("greeting.go"), other).unwrap();
    Some(GoModule {
        dir,
        go: "go".into(),
    })
}

fn evaluate_go(port: u16, request: serde_json::Value) -> (u16, String) {
    let (status, body) = post(
        port,
        "/evaluate-go.json",
        &format!("127.0.0.1:{port}"),
        Some(&format!("http://127.0.0.1:{BOOK_PORT}")),
        &request.to_string(),
    );
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    (status, body["result"].as_str().unwrap().to_owned())
}

fn go_limits() -> Limits {
    Limits {
        compile: Duration::from_secs(60),
        body_bytes: 64 * 1024,
        ..short()
    }
}

#[test]
fn runs_a_go_listing_with_the_files_its_pane_shows() {
    if go_module().is_none() {
        return;
    }
    let port = runner(go_limits());
    // As the book has it: main.go from the page, greeting.go from the book.
    let main = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(greeting(), \"and the page\") }\n";
    let asked = serde_json::json!({ "listing": "hello", "files": { "main.go": main } });
    assert_eq!(
        evaluate_go(port, asked),
        (200, "hello from Go and the page\n".to_owned())
    );
    // A compile error is shown as go build wrote it.
    let broken = serde_json::json!({ "listing": "hello", "files": { "main.go": "package main\nfunc main() { undefined() }\n" } });
    let (status, shown) = evaluate_go(port, broken);
    assert_eq!(status, 200);
    assert!(shown.contains("undefined: undefined"), "{shown}");
}

#[test]
fn stops_a_go_program_over_the_time_limit() {
    if go_module().is_none() {
        return;
    }
    let port = runner(go_limits());
    let forever = "package main\n\nimport \"time\"\n\nfunc main() { time.Sleep(time.Hour) }\n";
    let asked = serde_json::json!({ "listing": "hello", "files": { "main.go": forever } });
    let (_, shown) = evaluate_go(port, asked);
    assert!(
        shown.contains("[stopped: the program ran longer than"),
        "{shown}"
    );
}

#[test]
fn builds_only_a_listing_of_the_book_from_plain_go_file_names() {
    if go_module().is_none() {
        return;
    }
    let port = runner(go_limits());
    for (listing, file) in [
        ("../hello", "main.go"),
        ("nothing", "main.go"),
        ("hello", "../main.go"),
        ("hello", "main_test.go"),
        ("hello", "main.c"),
    ] {
        let asked = serde_json::json!({ "listing": listing, "files": { file: "package main" } });
        let (status, shown) = evaluate_go(port, asked);
        assert_eq!(status, 400, "{listing} {file}: {shown}");
    }
    // The Go endpoint answers only the book's pages, like the Rust one.
    let host = format!("127.0.0.1:{port}");
    assert_eq!(
        post(
            port,
            "/evaluate-go.json",
            &host,
            Some("http://evil.example"),
            "{}"
        )
        .0,
        403
    );
}

fn short() -> Limits {
    Limits {
        body_bytes: 1024,
        compile: Duration::from_millis(500),
        program: supervise::Limits {
            time: Duration::from_millis(500),
            output_bytes: 2048,
            memory_bytes: Some(64 << 20),
            tasks: Some(32),
        },
        queue: 1,
    }
}

/// Sends one HTTP request; returns the status and the body.
fn post(port: u16, path: &str, host: &str, origin: Option<&str>, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let origin = origin
        .map(|o| format!("Origin: {o}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {host}\r\n{origin}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn evaluate_json(port: u16, code: &str) -> (u16, String) {
    evaluate_with(port, serde_json::json!({ "code": code, "edition": "2024" }))
}

fn evaluate_with(port: u16, request: serde_json::Value) -> (u16, String) {
    let body = request.to_string();
    let (status, body) = post(
        port,
        "/evaluate.json",
        &format!("127.0.0.1:{port}"),
        Some(&format!("http://127.0.0.1:{BOOK_PORT}")),
        &body,
    );
    let result = serde_json::from_str::<serde_json::Value>(&body).unwrap()["result"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (status, result)
}

#[test]
fn runs_a_program_and_returns_what_it_printed() {
    let port = runner(short());
    assert_eq!(
        evaluate_json(port, "#!/bin/sh\necho hello\n"),
        (200, "hello\n".to_owned())
    );
}

#[test]
fn refuses_another_origin_and_a_missing_one() {
    let port = runner(short());
    let host = format!("127.0.0.1:{port}");
    assert_eq!(
        post(
            port,
            "/evaluate.json",
            &host,
            Some("http://evil.example"),
            "{}"
        )
        .0,
        403
    );
    assert_eq!(post(port, "/evaluate.json", &host, None, "{}").0, 403);
}

#[test]
fn refuses_another_host_name_against_dns_rebinding() {
    let port = runner(short());
    let origin = format!("http://127.0.0.1:{BOOK_PORT}");
    assert_eq!(
        post(
            port,
            "/evaluate.json",
            &format!("evil.example:{port}"),
            Some(&origin),
            "{}"
        )
        .0,
        421
    );
}

#[test]
fn refuses_a_body_over_the_limit() {
    let port = runner(short());
    let (status, result) = evaluate_json(port, &"x".repeat(2048));
    assert_eq!(status, 413);
    assert!(result.contains("up to 1 KiB"), "{result}");
}

#[test]
fn stops_a_compile_over_the_limit() {
    let port = runner(short());
    let started = Instant::now();
    let (_, result) = evaluate_json(port, "# slow-compile\n");
    assert_eq!(result, "Compiling took longer than 0.5 s, and was stopped.");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn kills_a_run_over_the_limit_with_every_process_it_started() {
    let port = runner(short());
    // The child ignores SIGTERM and holds stdout open; it prints its pid.
    let script =
        "#!/bin/sh\necho started\n(trap '' TERM; exec sleep 30) &\necho \"pid $!\"\nsleep 30\n";
    let started = Instant::now();
    let (_, result) = evaluate_json(port, script);
    assert!(
        result.starts_with("started\npid ")
            && result.ends_with("\n[stopped: the program ran longer than 0.5 s]"),
        "{result}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let pid: i32 = result.lines().nth(1).unwrap()[4..].parse().unwrap();
    thread::sleep(Duration::from_millis(100));
    let status = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(
        status.is_empty() || status.contains(") Z "),
        "the program's child {pid} survived: {status}"
    );
}

#[test]
fn stops_output_over_the_limit() {
    let port = runner(short());
    let (_, result) = evaluate_json(port, "#!/bin/sh\nexec yes\n");
    assert!(
        result.len() < 2200
            && result
                .ends_with("y\n[stopped: the program wrote more than 2 KiB to stdout or stderr]"),
        "{}",
        &result[result.len() - 80..]
    );
}

/// `rustc` alone, for the programs below: real Rust, no dependencies.
struct PlainRustc;

impl Compiler for PlainRustc {
    fn command(&self, source: &Path, edition: &str, tests: bool, output: &Path) -> Command {
        let mut rustc = Command::new("rustc");
        rustc.arg(source);
        if tests {
            rustc.arg("--test");
        }
        rustc.args(["--edition", edition, "-o"]).arg(output);
        rustc
    }
}

#[test]
fn runs_a_programs_tests_when_asked_as_the_playground_does() {
    let port = rust_runner();
    let program = |answer: u32| {
        format!(
            "fn answer() -> u32 {{ {answer} }}\nfn main() {{}}\n\
             #[test]\nfn is_42() {{ assert_eq!(answer(), 42); }}\n"
        )
    };
    let ask = |code: String| {
        evaluate_with(
            port,
            serde_json::json!({ "code": code, "edition": "2024", "tests": true }),
        )
    };
    let (_, failing) = ask(program(41));
    assert!(failing.contains("test is_42 ... FAILED"), "{failing}");
    assert!(
        failing.contains("test result: FAILED. 0 passed; 1 failed"),
        "{failing}"
    );
    let (_, passing) = ask(program(42));
    assert!(passing.contains("test result: ok. 1 passed"), "{passing}");
    // Without "tests", main runs, as before.
    let (_, ran) = evaluate_json(port, &program(41));
    assert_eq!(ran, "");
}

fn rust_runner() -> u16 {
    let limits = Limits {
        compile: Duration::from_secs(60),
        program: supervise::Limits {
            time: Duration::from_secs(5),
            ..short().program
        },
        ..short()
    };
    runner_with(Box::new(PlainRustc), limits)
}

#[test]
fn stops_a_program_over_the_memory_limit() {
    let port = rust_runner();
    let program = r#"
        fn main() {
            println!("allocating");
            let mut kept = Vec::new();
            loop {
                kept.push(vec![1u8; 8 << 20]); // 8 MiB, every page written
            }
        }
    "#;
    let started = Instant::now();
    let (_, result) = evaluate_json(port, program);
    assert_eq!(
        result,
        "allocating\n[stopped: the program used more than 64 MiB of memory]"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn stops_a_program_over_the_task_limit() {
    let port = rust_runner();
    let program = r#"
        use std::{thread, time::Duration};
        fn main() {
            println!("spawning");
            let threads: Vec<_> = (0..100)
                .map(|_| thread::spawn(|| thread::sleep(Duration::from_secs(30))))
                .collect();
            for t in threads {
                t.join().unwrap();
            }
        }
    "#;
    let (_, result) = evaluate_json(port, program);
    assert_eq!(
        result,
        "spawning\n[stopped: the program had more than 32 processes and threads at once]"
    );
}

#[test]
fn one_compile_at_a_time_with_a_short_queue_then_busy() {
    let port = runner(short());
    let slow = "#!/bin/sh\nsleep 0.3\necho done\n";
    let answers: Vec<_> = (0..4)
        .map(|_| thread::spawn(move || evaluate_json(port, slow)))
        .collect();
    let statuses: Vec<u16> = answers.into_iter().map(|a| a.join().unwrap().0).collect();
    // One runs, one waits in the queue (its size is 1), the others are told the runner is busy.
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 503).count(),
        2,
        "{statuses:?}"
    );
}
