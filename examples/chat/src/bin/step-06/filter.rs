use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::{Duration, Instant};

use chat::Config;
use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;
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
    /// Cancelled when its requester stops waiting.
    cancel: CancellationToken,
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

    /// Asks a worker whether `text` is blocked; `None` if the job was
    /// cancelled first.
    pub async fn check(&self, text: &str, cancel: CancellationToken) -> Option<bool> {
        let (verdict, answer) = oneshot::channel(); // channel: verdict, worker -> conn
        let text = text.to_owned();
        let job = Job {
            text,
            cancel,
            verdict,
        };
        self.jobs.send(job).await.ok()?;
        answer.await.ok()
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
            if job.cancel.is_cancelled() {
                self.stats.cancelled.fetch_add(1, Relaxed); // its requester stopped waiting
                continue;
            }
            let now = self.busy.fetch_add(1, Relaxed) + 1;
            self.stats.peak.fetch_max(now, Relaxed);
            let verdict = self.judge(&job);
            self.busy.fetch_sub(1, Relaxed);
            let Some(blocked) = verdict else {
                self.stats.cancelled.fetch_add(1, Relaxed);
                continue;
            };
            self.stats.filtered.fetch_add(1, Relaxed);
            let _ = job.verdict.send(blocked);
        }
    }
    // ANCHOR_END: filter

    // ANCHOR: judge
    /// The filter's work: the cost, a millisecond at a time so that it
    /// stops soon after its job is cancelled, then a look for a blocked word.
    fn judge(&self, job: &Job) -> Option<bool> {
        let start = Instant::now();
        while start.elapsed() < self.cost {
            if job.cancel.is_cancelled() {
                return None;
            }
            thread::sleep(Duration::from_millis(1));
        }
        let lower = job.text.to_lowercase();
        let mut words = lower.split(|c: char| !c.is_alphanumeric());
        Some(words.any(|word| self.block.iter().any(|b| b == word)))
    }
    // ANCHOR_END: judge
}
