use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

// ANCHOR: errgroup
/// golang.org/x/sync/errgroup, in tokio: tasks that return `Result`, a token
/// cancelled on the first error (the derived Context), an optional limit.
pub struct ErrGroup<E> {
    tasks: JoinSet<Result<(), E>>,
    token: CancellationToken,
    limit: Option<Arc<Semaphore>>,
}

impl<E: Send + 'static> ErrGroup<E> {
    /// `errgroup.WithContext`: the group and the token its tasks should watch.
    pub fn new(parent: &CancellationToken) -> (Self, CancellationToken) {
        let token = parent.child_token();
        let group = ErrGroup {
            tasks: JoinSet::new(),
            token: token.clone(),
            limit: None,
        };
        (group, token)
    }

    /// `SetLimit(n)`: at most `n` tasks active at once.
    pub fn set_limit(&mut self, n: usize) {
        self.limit = Some(Arc::new(Semaphore::new(n)));
    }

    /// `Go`: waits for a free slot if there is a limit, then spawns `task`.
    pub async fn spawn(&mut self, task: impl Future<Output = Result<(), E>> + Send + 'static) {
        let permit = match &self.limit {
            Some(slots) => Some(Arc::clone(slots).acquire_owned().await.unwrap()),
            None => None,
        };
        self.start(task, permit);
    }

    /// `TryGo`: spawns only if a slot is free right now.
    pub fn try_spawn(
        &mut self,
        task: impl Future<Output = Result<(), E>> + Send + 'static,
    ) -> bool {
        let permit = match &self.limit {
            Some(slots) => match Arc::clone(slots).try_acquire_owned() {
                Ok(permit) => Some(permit),
                Err(_) => return false,
            },
            None => None,
        };
        self.start(task, permit);
        true
    }

    fn start(
        &mut self,
        task: impl Future<Output = Result<(), E>> + Send + 'static,
        permit: Option<tokio::sync::OwnedSemaphorePermit>,
    ) {
        let token = self.token.clone();
        self.tasks.spawn(async move {
            let result = task.await;
            if result.is_err() {
                token.cancel(); // the first error cancels the group's token
            }
            drop(permit); // frees the slot
            result
        });
    }

    /// `Wait`: waits for every task, then returns the first error (if any).
    /// The token is cancelled when it returns, as errgroup's Context is.
    pub async fn wait(mut self) -> Result<(), E> {
        let mut first = None;
        while let Some(joined) = self.tasks.join_next().await {
            match joined {
                Ok(Err(error)) if first.is_none() => first = Some(error),
                Ok(_) => {}
                Err(panic) => std::panic::resume_unwind(panic.into_panic()),
            }
        }
        self.token.cancel();
        first.map_or(Ok(()), Err)
    }
}
// ANCHOR_END: errgroup

// ANCHOR: use
async fn fetch(url: &'static str, token: CancellationToken) -> Result<(), String> {
    let delay = std::time::Duration::from_millis(if url.contains("slow") { 1_000 } else { 10 });
    tokio::select! {
        _ = token.cancelled() => Ok(()), // a sibling failed: stop quietly
        _ = tokio::time::sleep(delay) => match url.contains("bad") {
            true => Err(format!("{url}: 500")),
            false => Ok(()),
        },
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = tokio::time::Instant::now();
    let (mut group, token) = ErrGroup::new(&CancellationToken::new());
    group.set_limit(2);
    for url in ["a.example", "bad.example", "slow.example"] {
        group.spawn(fetch(url, token.clone())).await; // the third waits for a slot
    }
    let result = group.wait().await;
    println!(
        "wait: {result:?} after {:?}; token cancelled: {}",
        start.elapsed(),
        token.is_cancelled()
    );

    // For a fixed set of futures on one task, try_join! is errgroup in one line:
    // the first Err returns, and the other futures are dropped.
    let fresh = CancellationToken::new();
    let start = tokio::time::Instant::now();
    let quick = tokio::try_join!(
        fetch("slow.example", fresh.clone()),
        fetch("bad.example", fresh.clone())
    );
    println!("try_join!: {quick:?} after {:?}", start.elapsed());
}
// ANCHOR_END: use

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::time::Duration;
    use tokio::time::{Instant, sleep};

    fn group() -> (ErrGroup<String>, CancellationToken) {
        ErrGroup::new(&CancellationToken::new())
    }

    /// "Wait ... returns the first non-nil error (if any) from them."
    #[tokio::test(start_paused = true)]
    async fn wait_returns_the_first_error() {
        let (mut g, _) = group();
        for (ms, name) in [(30, "third"), (10, "first"), (20, "second")] {
            g.spawn(async move {
                sleep(Duration::from_millis(ms)).await;
                Err(name.to_string())
            })
            .await;
        }
        assert_eq!(g.wait().await, Err("first".to_string()));
    }

    /// "The derived Context is canceled the first time a function passed to Go
    /// returns a non-nil error ..."
    #[tokio::test(start_paused = true)]
    async fn the_first_error_cancels_the_token() {
        let (mut g, token) = group();
        g.spawn(async {
            sleep(Duration::from_millis(10)).await;
            Err("boom".to_string())
        })
        .await;
        let start = Instant::now();
        token.cancelled().await;
        assert_eq!(start.elapsed(), Duration::from_millis(10));
        assert!(g.wait().await.is_err());
    }

    /// "... or the first time Wait returns, whichever occurs first."
    #[tokio::test(start_paused = true)]
    async fn wait_cancels_the_token_even_without_errors() {
        let (mut g, token) = group();
        g.spawn(async { Ok(()) }).await;
        assert!(!token.is_cancelled());
        assert_eq!(g.wait().await, Ok(()));
        assert!(token.is_cancelled());
    }

    /// "Wait blocks until all function calls from the Go method have returned."
    #[tokio::test(start_paused = true)]
    async fn wait_waits_for_every_task_even_after_an_error() {
        let (mut g, _) = group();
        let finished = Arc::new(AtomicUsize::new(0));
        let done = Arc::clone(&finished);
        g.spawn(async move {
            sleep(Duration::from_millis(50)).await; // ignores the token
            done.fetch_add(1, SeqCst);
            Ok(())
        })
        .await;
        g.spawn(async { Err("early".to_string()) }).await;
        let start = Instant::now();
        assert!(g.wait().await.is_err());
        assert_eq!(start.elapsed(), Duration::from_millis(50));
        assert_eq!(finished.load(SeqCst), 1);
    }

    /// SetLimit "limits the number of active goroutines in this group to at most n."
    #[tokio::test(start_paused = true)]
    async fn the_limit_bounds_active_tasks() {
        let (mut g, _) = group();
        g.set_limit(3);
        let (active, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        for _ in 0..20 {
            let (active, peak) = (Arc::clone(&active), Arc::clone(&peak));
            g.spawn(async move {
                peak.fetch_max(active.fetch_add(1, SeqCst) + 1, SeqCst);
                sleep(Duration::from_millis(5)).await;
                active.fetch_sub(1, SeqCst);
                Ok(())
            })
            .await;
        }
        assert_eq!(g.wait().await, Ok(()));
        assert_eq!(peak.load(SeqCst), 3);
    }

    /// "TryGo calls the given function in a new goroutine only if the number of
    /// active goroutines in the group is currently below the configured limit."
    #[tokio::test(start_paused = true)]
    async fn try_spawn_refuses_at_the_limit() {
        let (mut g, _) = group();
        g.set_limit(1);
        assert!(g.try_spawn(async {
            sleep(Duration::from_millis(10)).await;
            Ok(())
        }));
        assert!(!g.try_spawn(async { Ok(()) }));
        assert_eq!(g.wait().await, Ok(()));
    }

    /// "A zero Group is valid, has no limit on the number of active goroutines":
    /// here, a group on which set_limit was never called.
    #[tokio::test(start_paused = true)]
    async fn without_a_limit_every_task_runs_at_once() {
        let (mut g, _) = group();
        let active = Arc::new(AtomicUsize::new(0));
        for _ in 0..100 {
            let active = Arc::clone(&active);
            assert!(g.try_spawn(async move {
                active.fetch_add(1, SeqCst);
                sleep(Duration::from_millis(5)).await;
                Ok(())
            }));
        }
        sleep(Duration::from_millis(1)).await; // every task has started; none has finished
        assert_eq!(active.load(SeqCst), 100);
        assert_eq!(g.wait().await, Ok(()));
    }
}
