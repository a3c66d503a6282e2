//! Ctrl-C for supervised programs: each leads a process group of its own,
//! which the terminal does not signal, so this process forwards the end.

use std::sync::{Mutex, Once};
use std::thread;

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The groups still running.
static GROUPS: Mutex<Vec<Pid>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// Kills `group` if this process is interrupted before `forget(group)`.
pub fn watch(group: Pid) {
    HANDLER.call_once(|| {
        // Without the handler a Ctrl-C still ends this process; its groups
        // then run on until their programs end.
        if let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) {
            thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    for group in GROUPS.lock().unwrap_or_else(|e| e.into_inner()).iter() {
                        let _ = killpg(*group, Signal::SIGKILL);
                    }
                    std::process::exit(128 + signal);
                }
            });
        }
    });
    GROUPS.lock().unwrap_or_else(|e| e.into_inner()).push(group);
}

/// `group` was killed and is about to be reaped: its id may be reused.
pub fn forget(group: Pid) {
    GROUPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|g| *g != group);
}
