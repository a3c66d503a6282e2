// output: varies \(\d+\) has overflowed
use std::hint::black_box;
use std::os::unix::process::ExitStatusExt;
use std::process::Command;
use std::thread;

const DEPTH: u64 = 20_000;

/// Recursion that needs roughly half a KiB of stack per call.
fn recurse(n: u64) -> u64 {
    let frame = black_box([n; 64]);
    if n == 0 {
        0
    } else {
        1 + recurse(n - 1) + frame[0] - n
    }
}

fn main() {
    // ANCHOR: overflow
    if std::env::args().nth(1).as_deref() == Some("--default-stack") {
        // Child process: a thread with the default 2 MiB stack, which never grows.
        let _ = thread::spawn(|| recurse(DEPTH)).join();
        unreachable!("the overflow aborts the process before join returns");
    }

    let big = thread::Builder::new().stack_size(64 << 20); // 64 MiB, fixed at spawn
    let depth = big.spawn(|| recurse(DEPTH)).unwrap().join().unwrap();
    println!("a thread with a 64 MiB stack recursed {depth} calls deep");

    let me = std::env::current_exe().unwrap();
    let child = Command::new(me).arg("--default-stack").output().unwrap();
    println!("a thread with the default stack took its whole process down:");
    let signal = child
        .status
        .signal()
        .expect("killed by a signal, not exited");
    let name = if signal == 6 { "SIGABRT" } else { "unexpected" };
    println!("  killed by signal {signal} ({name})");
    for line in String::from_utf8_lossy(&child.stderr)
        .lines()
        .filter(|l| !l.is_empty())
    {
        println!("  stderr: {line}");
    }
    // ANCHOR_END: overflow
}
