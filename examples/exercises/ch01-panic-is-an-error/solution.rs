//! A solution to the exercise "a panic in one thread is an error, not a crash".
// practises: 1.4
// level: warm-up

use std::thread;

/// Runs each job on a thread of its own and returns, in order, its value
/// or, if it panicked, the panic's message.
pub fn run_all(jobs: Vec<fn() -> u32>) -> Vec<Result<u32, String>> {
    let handles: Vec<_> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| {
            handle.join().map_err(|payload| {
                // `panic!("literal")` carries a &str, `panic!("{x}")` a String.
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_owned())
            })
        })
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
