use std::thread;
use std::time::Duration;

use chat::Config;
use tokio::sync::oneshot;
use tokio_util::task::TaskTracker;

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
    pub fn start(config: &Config) -> Filter {
        let (jobs, queue) = async_channel::bounded(config.workers.max(1)); // channel: jobs, conn -> worker
        let workers = TaskTracker::new();
        for _ in 0..config.workers {
            let worker = Worker {
                queue: queue.clone(),
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
    block: Vec<String>,
    cost: Duration,
}

impl Worker {
    fn run(self) {
        while let Ok(job) = self.queue.recv_blocking() {
            let _ = job.verdict.send(self.judge(&job.text));
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
