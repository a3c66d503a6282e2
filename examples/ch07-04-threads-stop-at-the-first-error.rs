use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::thread;

/// Checks one chunk; bails out early when another thread has already failed.
fn check_chunk(chunk: &[u32], stop: &AtomicBool) -> Result<u32, String> {
    let mut checked = 0;
    for &n in chunk {
        if stop.load(Relaxed) {
            return Ok(checked); // someone else failed: no point going on
        }
        if n == 13 {
            stop.store(true, Relaxed); // tell the siblings
            return Err(format!("bad record {n}"));
        }
        checked += 1;
    }
    Ok(checked)
}

// ANCHOR: scope
/// Checks all records on 4 threads; the first error stops the others, and the
/// first in chunk order is what the caller gets (errgroup's Wait returns the
/// first in time).
fn check_all(records: &[u32]) -> Result<u32, String> {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(records.len().div_ceil(4))
            .map(|chunk| s.spawn(|| check_chunk(chunk, &stop)))
            .collect();
        // Join every thread (the scope would anyway), then collect: the first
        // Err in order wins, and `?` inside `sum` stops at it.
        let results: Vec<Result<u32, String>> =
            handles.into_iter().map(|h| h.join().unwrap()).collect();
        results.into_iter().sum()
    })
}
// ANCHOR_END: scope

fn main() {
    let good: Vec<u32> = (100..200).collect();
    println!("all good: {:?}", check_all(&good));
    let mut bad = good.clone();
    bad[42] = 13;
    println!("one bad:  {:?}", check_all(&bad));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_error_is_returned_and_every_thread_has_ended() {
        let mut records: Vec<u32> = (100..10_000).collect();
        records[5_000] = 13;
        assert_eq!(super::check_all(&records), Err("bad record 13".into()));
        // thread::scope returned, so every thread had ended: nothing to leak.
    }
}
