use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::Duration;

use chat::Config;
use tokio::sync::oneshot;
use tokio_util::task::TaskTracker;

use crate::server::Stats;

// ANCHOR: filter
/// A worker pool: a fixed number of threads check every message before its
/// room gets it, however many clients send. The work is blocking, so the
/// workers are tokio's blocking threads, fed from async code through
/// `async-channel`, whose receiver also has a blocking `recv`.
pub struct Filter {
    jobs: async_channel::Sender<Job>,
    workers: TaskTracker,
}

struct Job {
    text: String,
    verdict: oneshot::Sender<bool>,
}

impl Filter {
    pub fn start(config: &Config, stats: Arc<Stats>) -> Filter {
        let (jobs, queue) = async_channel::bounded(config.workers.max(1)); // channel: jobs, conn -> worker
        let busy = Arc::new(AtomicU64::new(0));
        let workers = TaskTracker::new();
        for _ in 0..config.workers {
            let worker = Worker {
                queue: queue.clone(),
                stats: stats.clone(),
                busy: busy.clone(),
                block: config.block.clone(),
                cost: config.filter_cost,
            };
            workers.spawn_blocking(move || worker.run()); // task: worker
        }
        Filter { jobs, workers }
    }

    /// Asks a worker whether `text` is blocked.
    pub async fn check(&self, text: &str) -> bool {
        let (verdict, answer) = oneshot::channel(); // channel: verdict, worker -> conn
        let text = text.to_owned();
        // The pool lives until every connection has ended.
        self.jobs.send(Job { text, verdict }).await.unwrap();
        answer.await.unwrap()
    }

    /// Ends the workers once no connection submits any more.
    pub async fn close(&self) {
        self.jobs.close();
        self.workers.close();
        self.workers.wait().await;
    }
}

struct Worker {
    queue: async_channel::Receiver<Job>,
    stats: Arc<Stats>,
    /// Jobs in progress, across the workers.
    busy: Arc<AtomicU64>,
    block: Vec<String>,
    cost: Duration,
}

impl Worker {
    fn run(self) {
        while let Ok(job) = self.queue.recv_blocking() {
            let now = self.busy.fetch_add(1, Relaxed) + 1;
            self.stats.peak.fetch_max(now, Relaxed);
            let blocked = self.judge(&job.text);
            self.busy.fetch_sub(1, Relaxed);
            self.stats.filtered.fetch_add(1, Relaxed);
            let _ = job.verdict.send(blocked);
        }
    }
    // ANCHOR_END: filter

    // ANCHOR: judge
    /// The filter's work: the cost, then a look for a blocked word.
    fn judge(&self, text: &str) -> bool {
        thread::sleep(self.cost);
        let lower = text.to_lowercase();
        let mut words = lower.split(|c: char| !c.is_alphanumeric());
        words.any(|word| self.block.iter().any(|b| b == word))
    }
    // ANCHOR_END: judge
}
