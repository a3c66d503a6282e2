//! Running on fewer CPUs than the machine has, as a reader's machine or a
//! CI runner may: the CPU affinity of this process, which every thread it
//! starts afterwards and every child process inherits.

use std::io;

use nix::sched::{CpuSet, sched_getaffinity, sched_setaffinity};
use nix::unistd::Pid;

/// The CPUs this process may run on.
pub fn allowed() -> io::Result<Vec<usize>> {
    let set = sched_getaffinity(Pid::from_raw(0))?;
    Ok((0..CpuSet::count())
        .filter(|&cpu| set.is_set(cpu).unwrap_or(false))
        .collect())
}

/// Restricts the calling thread, and so every thread and process it starts
/// from now on, to the first `n` of the CPUs it may use. Call it before
/// starting any thread. Returns the CPUs kept.
pub fn restrict_to(n: usize) -> io::Result<Vec<usize>> {
    let allowed = allowed()?;
    if n == 0 || n > allowed.len() {
        return Err(io::Error::other(format!(
            "cannot run on {n} CPUs: this process may use {}",
            allowed.len()
        )));
    }
    let kept = allowed[..n].to_vec();
    let mut set = CpuSet::new();
    for &cpu in &kept {
        set.set(cpu)?;
    }
    sched_setaffinity(Pid::from_raw(0), &set)?;
    Ok(kept)
}
