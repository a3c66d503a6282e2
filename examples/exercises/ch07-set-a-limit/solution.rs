//! A solution to the exercise "errgroup's SetLimit and TryGo".
// practises: 7.5
// level: medium

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

#[derive(Default)]
pub struct Group {
    tasks: JoinSet<Result<(), String>>,
    /// A permit per running task; none means no limit.
    room: Option<Arc<Semaphore>>,
}

impl Group {
    /// At most `n` tasks at once from now on.
    pub fn set_limit(&mut self, n: usize) {
        self.room = Some(Arc::new(Semaphore::new(n)));
    }

    /// Runs `task`, waiting for room under the limit.
    pub async fn spawn(&mut self, task: impl Future<Output = Result<(), String>> + Send + 'static) {
        let permit = match &self.room {
            Some(room) => Some(Arc::clone(room).acquire_owned().await.unwrap()),
            None => None,
        };
        // The task holds its permit until it ends: that is the room it takes.
        self.tasks.spawn(async move {
            let _permit = permit;
            task.await
        });
    }

    /// Runs `task` if there is room now; returns whether it did.
    pub fn try_spawn(
        &mut self,
        task: impl Future<Output = Result<(), String>> + Send + 'static,
    ) -> bool {
        let permit = match &self.room {
            Some(room) => match Arc::clone(room).try_acquire_owned() {
                Ok(permit) => Some(permit),
                Err(_) => return false,
            },
            None => None,
        };
        self.tasks.spawn(async move {
            let _permit = permit;
            task.await
        });
        true
    }

    /// Waits for every task; the first error, if any.
    pub async fn wait(mut self) -> Result<(), String> {
        let mut first = Ok(());
        while let Some(done) = self.tasks.join_next().await {
            if let (Ok(()), Err(e)) = (&first, done.expect("a task panicked")) {
                first = Err(e);
            }
        }
        first
    }
}

#[tokio::main]
async fn main() {
    let mut group = Group::default();
    group.set_limit(2);
    group.spawn(async { Ok(()) }).await;
    println!("{:?}", group.wait().await);
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn no_more_than_the_limit_run_and_try_spawn_says_when_it_is_full() {
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let task = |fails: bool| {
            let (running, most) = (Arc::clone(&running), Arc::clone(&most));
            async move {
                most.fetch_max(running.fetch_add(1, SeqCst) + 1, SeqCst);
                tokio::time::sleep(Duration::from_millis(10)).await;
                running.fetch_sub(1, SeqCst);
                if fails {
                    Err("task failed".to_owned())
                } else {
                    Ok(())
                }
            }
        };
        let mut group = Group::default();
        group.set_limit(3);
        // Nine tasks, three at a time: the last three take all the room.
        for n in 0..9 {
            group.spawn(task(n == 7)).await;
        }
        assert!(!group.try_spawn(task(false)), "three are running: no room");
        tokio::time::sleep(Duration::from_millis(15)).await;
        assert!(group.try_spawn(task(false)), "they have ended: room again");
        assert_eq!(group.wait().await, Err("task failed".to_owned()));
        assert_eq!(most.load(SeqCst), 3, "the most tasks running at once");
    }
}
// ANCHOR_END: tests
