use tokio::sync::mpsc;
use tokio::task::yield_now;

const ITEMS: usize = 1_000;
const CAPACITY: usize = 8;

/// The consumer's work on one item: slower than producing it.
async fn slow_work() {
    for _ in 0..3 {
        yield_now().await;
    }
}

// ANCHOR: bounded
/// A fast producer and a slow consumer over a bounded channel. Returns the
/// longest the queue ever got and how often the producer had to wait.
async fn bounded() -> (usize, usize) {
    let (tx, mut rx) = mpsc::channel(CAPACITY);
    let producer = tokio::spawn(async move {
        let mut waited = 0;
        for n in 0..ITEMS {
            if tx.try_send(n).is_err() {
                waited += 1; // full: the channel makes the producer wait...
                tx.send(n).await.unwrap(); // ...until the consumer catches up
            }
        }
        waited
    });
    let mut longest = 0;
    loop {
        longest = longest.max(rx.len()); // what is queued, before taking one
        if rx.recv().await.is_none() {
            break;
        }
        slow_work().await;
    }
    (longest, producer.await.unwrap())
}
// ANCHOR_END: bounded

// ANCHOR: unbounded
async fn unbounded() -> usize {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        for n in 0..ITEMS {
            tx.send(n).unwrap(); // never waits: the queue absorbs everything
        }
    });
    let mut longest = 0;
    loop {
        longest = longest.max(rx.len()); // what is queued, before taking one
        if rx.recv().await.is_none() {
            break;
        }
        slow_work().await;
    }
    producer.await.unwrap();
    longest
}
// ANCHOR_END: unbounded

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (longest, waited) = bounded().await;
    println!("bounded channel({CAPACITY}): the queue never held more than {longest}");
    println!("  and the producer had to wait {waited} times");
    println!("unbounded channel: the queue grew to {}", unbounded().await);
    println!("tasks left running afterwards: {}", tasks_left().await);
}

/// Live tasks, once tasks that are finishing have had up to a second to be
/// released (a JoinHandle can wake before its task is gone).
async fn tasks_left() -> usize {
    let metrics = tokio::runtime::Handle::current().metrics();
    let all_gone = async {
        while metrics.num_alive_tasks() > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), all_gone).await;
    metrics.num_alive_tasks()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_bound_holds_and_slows_the_producer() {
        let (longest, waited) = bounded().await;
        assert!(longest <= CAPACITY, "queue reached {longest}");
        assert!(waited > 0, "the producer never had to wait");
    }

    #[tokio::test]
    async fn without_a_bound_the_queue_grows() {
        assert!(unbounded().await > 10 * CAPACITY);
    }
}
