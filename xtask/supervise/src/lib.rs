//! Runs a program the way the book's tests and its local runner must: in a
//! process group of its own, watched until it ends, and killed together with
//! every process it started as soon as it passes a limit.
//!
//! Killing only the direct child is not enough: a listing that starts a child
//! process (nine of them do) could leave it running, and a child that keeps
//! the output pipes open makes a reader of those pipes wait forever. So the
//! program leads a new process group (process-wrap's `ProcessGroup`), and the
//! whole group gets `SIGKILL`, which cannot be ignored, when a limit is passed
//! and again when the program ends, before the group's id is given up.
//!
//! A program that leaves its group (`setsid`, `setpgid`) escapes the kill;
//! if it keeps the output pipes open, [`Outcome::output_held_open`] says so.
//! Memory and tasks are sampled every 20 ms, so a fast burst can pass its
//! limit for that long before the group is killed.
//!
//! A group of its own is not the terminal's foreground group, so Ctrl-C
//! would not reach it: the first supervised run installs a handler for
//! SIGINT, SIGTERM and SIGHUP that kills every group still running, then
//! ends this process as the signal would have.
//!
//! Linux only, like the book's listings: memory and tasks are read from `/proc`.

use std::io::{self, Read};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::wait::{Id, WaitPidFlag, WaitStatus, waitid};
use nix::unistd::Pid;
use process_wrap::std::{CommandWrap, ProcessGroup};

pub mod cpus;
mod interrupt;
mod proc_fs;

mod background;
pub use background::Background;

/// What a program may use. `None` leaves a resource unwatched.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Wall-clock time from the start.
    pub time: Duration,
    /// Bytes kept of stdout, and of stderr; writing more stops the program.
    pub output_bytes: usize,
    /// Resident memory of the whole group, summed over its processes.
    pub memory_bytes: Option<u64>,
    /// Processes and threads of the group at one time.
    pub tasks: Option<usize>,
}

/// What a program from the book may use: the local runner stops a program
/// run from a page at these limits, and the listing harness runs every Rust
/// listing under them, so that the Run button can run each one. The
/// playground allows 512 MB of memory. The listings that compare threads
/// with tasks start 1,000 threads at once, and use about 12 MiB doing it.
pub const RUN_LIMITS: Limits = Limits {
    time: Duration::from_secs(10),
    output_bytes: 64 * 1024,
    memory_bytes: Some(512 << 20),
    tasks: Some(2048),
};

/// Why the supervisor killed a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    Time,
    Output,
    Memory,
    Tasks,
}

impl Stop {
    /// What the program did, in words a reader understands, e.g.
    /// "ran longer than 10 s".
    pub fn describe(self, limits: &Limits) -> String {
        match self {
            Stop::Time => format!("ran longer than {}", seconds(limits.time)),
            Stop::Output => format!(
                "wrote more than {} to stdout or stderr",
                bytes(limits.output_bytes as u64)
            ),
            Stop::Memory => format!(
                "used more than {} of memory",
                bytes(limits.memory_bytes.unwrap_or_default())
            ),
            Stop::Tasks => format!(
                "had more than {} processes and threads at once",
                limits.tasks.unwrap_or_default()
            ),
        }
    }
}

fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// How a run ended.
#[derive(Debug)]
pub struct Outcome {
    /// The program's own exit status (a signal's, when it was killed).
    pub status: ExitStatus,
    /// Set when the supervisor killed it, and why.
    pub stopped: Option<Stop>,
    /// What it wrote, up to `Limits::output_bytes` each (lossy UTF-8).
    pub stdout: String,
    pub stderr: String,
    /// From the start until the program ended or was killed.
    pub elapsed: Duration,
    /// A process that left the group still held the output pipes open a
    /// second after the group was killed; what it wrote later is not here.
    pub output_held_open: bool,
    /// The most processes and threads, and resident bytes, seen at once
    /// (sampled every 20 ms while memory or tasks are watched; else 0).
    pub peak_tasks: usize,
    pub peak_memory: u64,
}

impl Outcome {
    pub fn success(&self) -> bool {
        self.stopped.is_none() && self.status.success()
    }
}

/// How often the supervisor looks at the program, and how often at its
/// memory and tasks (a scan of `/proc`, so less often).
const TICK: Duration = Duration::from_millis(5);
const CENSUS_EVERY: u32 = 4;
/// How long the output pipes may stay open after the group was killed.
const DRAIN_GRACE: Duration = Duration::from_secs(1);

/// Runs `command` with stdin from `/dev/null` and its output captured.
pub fn run(command: Command, limits: &Limits) -> io::Result<Outcome> {
    supervise(command, limits, true)
}

/// Runs `command` with the caller's stdout and stderr, under the same time,
/// memory and task limits (for long tool runs whose output should stream).
pub fn run_inherited(command: Command, limits: &Limits) -> io::Result<Outcome> {
    supervise(command, limits, false)
}

fn supervise(mut command: Command, limits: &Limits, capture: bool) -> io::Result<Outcome> {
    command.stdin(Stdio::null());
    if capture {
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    let start = Instant::now();
    let mut wrapped = CommandWrap::from(command);
    wrapped.wrap(ProcessGroup::leader());
    let mut child = wrapped.spawn()?;
    let pid = Pid::from_raw(child.id() as i32);
    interrupt::watch(pid);
    let too_much_output = Arc::new(AtomicBool::new(false));
    let drains = if capture {
        let cap = limits.output_bytes;
        Some([
            Drain::start(child.stdout().take(), cap, &too_much_output),
            Drain::start(child.stderr().take(), cap, &too_much_output),
        ])
    } else {
        None
    };
    let watched = watch_until_end(pid, limits, start, &too_much_output);
    let elapsed = start.elapsed();
    // The leader is not reaped yet (has_exited only peeks), so the group id
    // still names this group: kill whatever is left in it, then reap.
    let _ = child.start_kill();
    interrupt::forget(pid);
    let status = child.wait()?;
    let Watched {
        mut stopped,
        peak_tasks,
        peak_memory,
    } = watched?;
    let (mut output, mut output_held_open) = ([String::new(), String::new()], false);
    if let Some(drains) = drains {
        let deadline = Instant::now() + DRAIN_GRACE;
        for (text, drain) in output.iter_mut().zip(drains) {
            let (kept, closed) = drain.finish(deadline);
            *text = kept;
            output_held_open |= !closed;
        }
    }
    // A program may write past the cap and end within one tick.
    if stopped.is_none() && too_much_output.load(Ordering::Relaxed) {
        stopped = Some(Stop::Output);
    }
    let [stdout, stderr] = output;
    Ok(Outcome {
        status,
        stopped,
        stdout,
        stderr,
        elapsed,
        output_held_open,
        peak_tasks,
        peak_memory,
    })
}

/// What the watch saw: why it stopped the program, if it did, and the peaks.
struct Watched {
    stopped: Option<Stop>,
    peak_tasks: usize,
    peak_memory: u64,
}

/// Looks at the program every tick until it ends or passes a limit.
fn watch_until_end(
    pid: Pid,
    limits: &Limits,
    start: Instant,
    too_much_output: &AtomicBool,
) -> io::Result<Watched> {
    let census_needed = limits.memory_bytes.is_some() || limits.tasks.is_some();
    let mut watched = Watched {
        stopped: None,
        peak_tasks: 0,
        peak_memory: 0,
    };
    for tick in 0u32.. {
        if has_exited(pid)? {
            break;
        }
        if start.elapsed() >= limits.time {
            watched.stopped = Some(Stop::Time);
            break;
        }
        if too_much_output.load(Ordering::Relaxed) {
            watched.stopped = Some(Stop::Output);
            break;
        }
        if census_needed && tick.is_multiple_of(CENSUS_EVERY) {
            let census = proc_fs::census(pid.as_raw());
            watched.peak_tasks = watched.peak_tasks.max(census.tasks);
            watched.peak_memory = watched.peak_memory.max(census.resident_bytes);
            if limits.tasks.is_some_and(|max| census.tasks > max) {
                watched.stopped = Some(Stop::Tasks);
                break;
            }
            if limits
                .memory_bytes
                .is_some_and(|max| census.resident_bytes > max)
            {
                watched.stopped = Some(Stop::Memory);
                break;
            }
        }
        thread::sleep(TICK);
    }
    Ok(watched)
}

/// Whether the process has ended, without reaping it (`WNOWAIT`).
fn has_exited(pid: Pid) -> io::Result<bool> {
    let flags = WaitPidFlag::WEXITED | WaitPidFlag::WNOHANG | WaitPidFlag::WNOWAIT;
    match waitid(Id::Pid(pid), flags) {
        Ok(WaitStatus::StillAlive) => Ok(false),
        Ok(_) => Ok(true),
        Err(e) => Err(e.into()),
    }
}

/// Reads one output pipe on its own thread, so that a chatty program cannot
/// fill the pipe and stall, keeping at most `cap` bytes.
struct Drain {
    kept: Arc<Mutex<Vec<u8>>>,
    closed: mpsc::Receiver<()>,
}

impl Drain {
    fn start(
        pipe: Option<impl Read + Send + 'static>,
        cap: usize,
        over: &Arc<AtomicBool>,
    ) -> Drain {
        let kept = Arc::new(Mutex::new(Vec::new()));
        let (done, closed) = mpsc::channel();
        let (buffer, over) = (Arc::clone(&kept), Arc::clone(over));
        thread::spawn(move || {
            let Some(mut pipe) = pipe else { return };
            let mut chunk = [0u8; 8192];
            while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                let mut kept = buffer.lock().unwrap();
                let room = cap.saturating_sub(kept.len());
                kept.extend_from_slice(&chunk[..n.min(room)]);
                if n > room {
                    over.store(true, Ordering::Relaxed);
                }
            }
            let _ = done.send(());
        });
        Drain { kept, closed }
    }

    /// What was read, and whether the pipe closed before `deadline`.
    fn finish(self, deadline: Instant) -> (String, bool) {
        let wait = deadline.saturating_duration_since(Instant::now());
        // Disconnected too means the reader ended (its pipe was never there).
        let closed = !matches!(
            self.closed.recv_timeout(wait),
            Err(mpsc::RecvTimeoutError::Timeout)
        );
        let kept = self.kept.lock().unwrap();
        (String::from_utf8_lossy(&kept).into_owned(), closed)
    }
}

#[cfg(test)]
mod tests;
