use crossbeam::channel;
use std::thread;

const WORKERS: usize = 4;
const ITEMS: u32 = 100;

// ANCHOR: fan_out
/// Sends ITEMS to WORKERS threads over one shared queue; returns
/// (item, worker) for every item processed.
fn fan_out() -> Vec<(u32, usize)> {
    let (queue_tx, queue) = channel::bounded(8);
    let (done_tx, done) = channel::unbounded();
    thread::scope(|s| {
        for worker in 0..WORKERS {
            let (queue, done_tx) = (queue.clone(), done_tx.clone());
            s.spawn(move || {
                for item in queue {
                    // Each item is received by exactly one worker.
                    done_tx.send((item, worker)).unwrap();
                }
            });
        }
        (0..ITEMS).for_each(|item| queue_tx.send(item).unwrap());
        drop(queue_tx); // closing the queue ends every worker's loop
    }); // the scope joins every worker before returning
    drop(done_tx);
    done.iter().collect()
}
// ANCHOR_END: fan_out

fn main() {
    let threads_before = os_threads();
    let mut items: Vec<u32> = fan_out().into_iter().map(|(item, _)| item).collect();
    items.sort();
    let exactly_once = items == (0..ITEMS).collect::<Vec<_>>();
    println!(
        "{ITEMS} items fanned out to {WORKERS} threads; each processed exactly once: {exactly_once}"
    );
    println!(
        "threads left running afterwards: {}",
        threads_left(threads_before)
    );
}

/// Threads beyond `before` still alive once exiting ones have had up to a
/// second to leave (a joined thread may take a moment to disappear).
fn threads_left(before: usize) -> usize {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    while os_threads() > before && std::time::Instant::now() < deadline {
        thread::sleep(std::time::Duration::from_millis(1));
    }
    os_threads() - before
}

/// The process's thread count, from Linux's /proc/self/status.
fn os_threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line[8..].trim().parse().unwrap()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_item_is_processed_exactly_once() {
        for _ in 0..20 {
            let mut items: Vec<u32> = super::fan_out().into_iter().map(|(i, _)| i).collect();
            items.sort();
            assert_eq!(items, (0..super::ITEMS).collect::<Vec<_>>());
        }
    }
}
