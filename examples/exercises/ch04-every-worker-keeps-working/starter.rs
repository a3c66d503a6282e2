//! Exercise: a pool that runs every job
//! Four workers share one queue of jobs and send back each job's result.
//! `run_pool` returns fewer results than jobs: each worker stops too soon.
//! Make every worker take jobs until the queue is empty and closed.
// practises: 4.1 4.4
// level: warm-up

use std::thread;

use crossbeam::channel;

/// Squares every job on four workers; the results in any order.
pub fn run_pool(jobs: Vec<u64>) -> Vec<u64> {
    let (job_tx, job_rx) = channel::unbounded::<u64>();
    let (result_tx, result_rx) = channel::unbounded();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (jobs, results) = (job_rx.clone(), result_tx.clone());
            thread::spawn(move || {
                if let Ok(job) = jobs.recv() {
                    results.send(job * job).unwrap();
                }
            })
        })
        .collect();
    for job in jobs {
        job_tx.send(job).unwrap();
    }
    drop((job_tx, result_tx));
    for worker in workers {
        worker.join().unwrap();
    }
    result_rx.iter().collect()
}

fn main() {
    println!("{:?}", run_pool(vec![1, 2, 3]));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_gives_one_result() {
        let (done, pooled) = std::sync::mpsc::channel();
        std::thread::spawn(move || done.send(run_pool((1..=100).collect())).unwrap());
        let mut results = pooled
            .recv_timeout(std::time::Duration::from_secs(2))
            .expect("run_pool did not return within 2 s: does a worker wait forever?");
        results.sort();
        assert_eq!(results, (1..=100u64).map(|j| j * j).collect::<Vec<_>>());
    }
}
// ANCHOR_END: tests
