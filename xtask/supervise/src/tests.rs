use super::*;

fn sh(script: &str) -> Command {
    let mut command = Command::new("sh");
    command.arg("-c").arg(script);
    command
}

fn limits(time_ms: u64) -> Limits {
    Limits {
        time: Duration::from_millis(time_ms),
        output_bytes: 64 * 1024,
        memory_bytes: None,
        tasks: None,
    }
}

/// The pids a script printed, one per line after `pid `.
fn pids(stdout: &str) -> Vec<i32> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("pid "))
        .map(|p| p.parse().unwrap())
        .collect()
}

fn assert_gone(pids: &[i32]) {
    assert!(!pids.is_empty(), "the script printed no pid to check");
    thread::sleep(Duration::from_millis(50));
    for pid in pids {
        let alive = nix::sys::signal::kill(Pid::from_raw(*pid), None).is_ok()
            && !fs_state(*pid).starts_with('Z');
        assert!(!alive, "process {pid} outlived the run");
    }
}

#[track_caller]
fn assert_within(started: Instant, seconds: u64) {
    let took = started.elapsed();
    assert!(took < Duration::from_secs(seconds), "took {took:?}");
}

/// The state letter of a process (Z for a zombie), or "" when it is gone.
fn fs_state(pid: i32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| Some(s[s.rfind(')')? + 2..].chars().next()?.to_string()))
        .unwrap_or_default()
}

#[test]
fn captures_what_a_program_prints_and_how_it_ended() {
    let outcome = run(sh("echo out; echo err >&2; exit 3"), &limits(5000)).unwrap();
    assert_eq!(
        (outcome.stdout.as_str(), outcome.stderr.as_str()),
        ("out\n", "err\n")
    );
    assert_eq!(outcome.status.code(), Some(3));
    assert!(outcome.stopped.is_none() && !outcome.success());
}

/// The case the listing harness once could not handle: a child that ignores
/// SIGTERM and keeps stdout open, started by a program that never ends.
#[test]
fn kills_a_hanging_program_with_a_child_that_ignores_sigterm_and_holds_stdout() {
    let script = "(trap '' TERM; exec sleep 30) & echo pid $!; echo pid $$; sleep 30";
    let started = Instant::now();
    let outcome = run(sh(script), &limits(500)).unwrap();
    assert_eq!(outcome.stopped, Some(Stop::Time));
    assert!(!outcome.output_held_open);
    assert_within(started, 3);
    assert_gone(&pids(&outcome.stdout));
}

#[test]
fn a_child_left_behind_is_killed_when_the_program_ends() {
    let script = "(trap '' TERM; exec sleep 30) & echo pid $!; echo done";
    let started = Instant::now();
    let outcome = run(sh(script), &limits(5000)).unwrap();
    assert!(
        outcome.success() && outcome.stdout.ends_with("done\n"),
        "{outcome:?}"
    );
    assert_within(started, 2);
    assert_gone(&pids(&outcome.stdout));
}

#[test]
fn stops_a_program_that_writes_too_much() {
    let mut limits = limits(5000);
    limits.output_bytes = 1000;
    let started = Instant::now();
    let outcome = run(sh("yes"), &limits).unwrap();
    assert_eq!(outcome.stopped, Some(Stop::Output));
    assert_eq!(outcome.stdout.len(), 1000);
    assert_within(started, 2);
}

#[test]
fn stops_a_program_with_too_many_processes() {
    let mut limits = limits(5000);
    limits.tasks = Some(10);
    let script = "for i in $(seq 40); do sleep 30 & echo pid $!; done; wait";
    let outcome = run(sh(script), &limits).unwrap();
    assert_eq!(outcome.stopped, Some(Stop::Tasks));
    assert!(outcome.peak_tasks > 10);
    assert_gone(&pids(&outcome.stdout));
}

#[test]
fn stops_a_program_that_uses_too_much_memory() {
    let mut limits = limits(5000);
    limits.memory_bytes = Some(32 << 20);
    // tail keeps the last 200 MiB of its input in memory.
    let outcome = run(sh("head -c 200M /dev/zero | tail -c 200M"), &limits).unwrap();
    assert_eq!(outcome.stopped, Some(Stop::Memory), "{outcome:?}");
    assert!(outcome.peak_memory > 32 << 20);
}

#[test]
fn says_what_was_passed_in_a_readers_words() {
    let limits = Limits {
        time: Duration::from_secs(10),
        output_bytes: 64 * 1024,
        memory_bytes: Some(512 << 20),
        tasks: Some(256),
    };
    let said: Vec<String> = [Stop::Time, Stop::Output, Stop::Memory, Stop::Tasks]
        .into_iter()
        .map(|s| s.describe(&limits))
        .collect();
    assert_eq!(
        said,
        [
            "ran longer than 10 s",
            "wrote more than 64 KiB to stdout or stderr",
            "used more than 512 MiB of memory",
            "had more than 256 processes and threads at once",
        ]
    );
}

#[test]
fn a_restricted_thread_starts_processes_on_one_cpu() {
    // Affinity belongs to a thread, so a thread of its own takes the change.
    let nproc = thread::spawn(|| {
        let kept = cpus::restrict_to(1).unwrap();
        assert_eq!(kept.len(), 1);
        run(sh("nproc"), &limits(5000)).unwrap().stdout
    });
    assert_eq!(nproc.join().unwrap(), "1\n");
    assert!(cpus::restrict_to(cpus::allowed().unwrap().len() + 1).is_err());
}

#[test]
fn output_past_the_cap_counts_even_when_the_program_ends_at_once() {
    let mut limits = limits(5000);
    limits.output_bytes = 1000;
    let outcome = run(sh("head -c 100000 /dev/zero"), &limits).unwrap();
    assert_eq!(outcome.stopped, Some(Stop::Output));
    assert!(!outcome.success());
}

/// Ctrl-C reaches the supervising process, not the program's own group: the
/// supervisor must kill the group before it dies. This test runs itself in
/// a child process, as that supervisor, and interrupts it.
#[test]
fn an_interrupted_supervisor_kills_the_groups_it_watches() {
    const AS_SUPERVISOR: &str = "SUPERVISE_TEST_PID_FILE";
    if let Ok(pid_file) = std::env::var(AS_SUPERVISOR) {
        let script =
            format!("echo $$ > {pid_file}.tmp && mv {pid_file}.tmp {pid_file}; exec sleep 30");
        let _ = run(sh(&script), &limits(30_000));
        return;
    }
    let pid_file = std::env::temp_dir().join(format!("supervise-interrupt-{}", std::process::id()));
    let _ = std::fs::remove_file(&pid_file);
    let mut supervisor = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "tests::an_interrupted_supervisor_kills_the_groups_it_watches",
        ])
        .env(AS_SUPERVISOR, &pid_file)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let program: i32 = loop {
        if let Ok(pid) = std::fs::read_to_string(&pid_file) {
            break pid.trim().parse().unwrap();
        }
        assert!(Instant::now() < deadline, "the program never started");
        thread::sleep(Duration::from_millis(10));
    };
    let _ = std::fs::remove_file(&pid_file);
    let supervisor_pid = Pid::from_raw(supervisor.id() as i32);
    nix::sys::signal::kill(supervisor_pid, nix::sys::signal::Signal::SIGINT).unwrap();
    let status = supervisor.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert_gone(&[program]);
}
