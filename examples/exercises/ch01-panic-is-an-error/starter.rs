//! Exercise: a panic in one thread is an error, not a crash
//! Run every job on its own thread and report each job's result. A job
//! that panics must come back as an `Err` with its message, and the other
//! jobs' results must still come back: Rust, unlike Go, lets you observe a
//! thread's panic instead of losing the whole process.
// practises: 1.4
// level: warm-up

use std::thread;

/// Runs each job on a thread of its own and returns, in order, its value
/// or, if it panicked, the panic's message.
pub fn run_all(jobs: Vec<fn() -> u32>) -> Vec<Result<u32, String>> {
    let handles: Vec<_> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| Ok(handle.join().unwrap()))
        .collect()
}

fn main() {
    println!("{:?}", run_all(vec![|| 1, || 2]));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_reports_and_a_panic_is_an_err() {
        let results = run_all(vec![|| 1, || panic!("job 2 failed"), || 3]);
        assert_eq!(results, vec![Ok(1), Err("job 2 failed".to_owned()), Ok(3)]);
    }
}
// ANCHOR_END: tests
