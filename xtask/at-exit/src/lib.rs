//! Loaded into each Rust listing the harness runs (`LD_PRELOAD`), so that a
//! listing that leaves a thread running when `main` returns is caught: as
//! the process exits, this library's destructor looks at the threads in
//! `/proc/self/task`, gives them a moment to finish, and writes the ones
//! still running to the file `LISTINGS_AT_EXIT` names. The harness reads
//! that file; without the variable, it does nothing.
//!
//! `LISTINGS_AT_EXIT_ALLOW=N` allows N threads the listing does not own
//! (rayon's global pool, which lives as long as the process). A tokio task
//! left running is not seen here: the runtime drops it when `main` returns,
//! and joins its threads.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long threads that are already ending get to end.
const GRACE: Duration = Duration::from_millis(200);

extern "C" fn report_threads_at_exit() {
    let Some(report) = std::env::var_os("LISTINGS_AT_EXIT") else {
        return;
    };
    let allowed: usize = std::env::var("LISTINGS_AT_EXIT_ALLOW")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // A listing that shows work outliving main is looked at once, at once.
    let declared = std::env::var_os("LISTINGS_AT_EXIT_DECLARED").is_some();
    let deadline = Instant::now() + if declared { Duration::ZERO } else { GRACE };
    let mut muted = false;
    loop {
        let others = other_threads();
        if others.len() <= allowed {
            return;
        }
        // Without this library the process would be gone: what its threads
        // print from now on must not reach the output the harness compares.
        if !muted {
            mute_output();
            muted = true;
        }
        if Instant::now() >= deadline {
            let names: Vec<String> = others.iter().map(|(_, name)| format!("'{name}'")).collect();
            let text = format!(
                "{} thread(s) still running at exit: {}\n",
                others.len() - allowed,
                names.join(", ")
            );
            let _ = fs::write(PathBuf::from(report), text);
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

unsafe extern "C" {
    fn dup2(old: i32, new: i32) -> i32;
}

/// Points stdout and stderr at /dev/null.
fn mute_output() {
    use std::os::fd::AsRawFd;
    if let Ok(null) = fs::OpenOptions::new().write(true).open("/dev/null") {
        for fd in [1, 2] {
            // SAFETY: dup2 on two open descriptors; `null` outlives the call.
            unsafe { dup2(null.as_raw_fd(), fd) };
        }
    }
}

/// The process's live threads but the one that is exiting: (tid, name).
fn other_threads() -> Vec<(String, String)> {
    let me = fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    let Ok(tasks) = fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .filter_map(Result::ok)
        .map(|t| t.file_name().to_string_lossy().into_owned())
        .filter(|tid| Some(tid) != me.as_ref())
        .map(|tid| {
            let name = fs::read_to_string(format!("/proc/self/task/{tid}/comm"))
                .unwrap_or_default()
                .trim()
                .to_owned();
            (tid, name)
        })
        .collect()
}

/// Run by the dynamic loader when the process exits (`exit`, which is how
/// `main` returning ends a Rust program), while other threads still run.
#[used]
#[unsafe(link_section = ".fini_array")]
static AT_EXIT: extern "C" fn() = report_threads_at_exit;
