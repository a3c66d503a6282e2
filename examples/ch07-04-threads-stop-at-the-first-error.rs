use std::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};
use std::thread;
use std::time::Duration;

/// Checks one chunk, each record a unit of work of 1 ms; bails out early
/// when another thread has already failed. Counts what it checked in `done`.
fn check_chunk(chunk: &[u32], stop: &AtomicBool, done: &AtomicU32) -> Result<u32, String> {
    let mut checked = 0;
    for &n in chunk {
        if stop.load(Relaxed) {
            return Ok(checked); // someone else failed: no point going on
        }
        thread::sleep(Duration::from_millis(1));
        if n == 13 {
            stop.store(true, Relaxed); // tell the siblings
            return Err(format!("bad record {n}"));
        }
        checked += 1;
        done.fetch_add(1, Relaxed);
    }
    Ok(checked)
}

// ANCHOR: scope
/// Checks all records on 4 threads; the first error stops the others, and the
/// first in chunk order is what the caller gets (errgroup's Wait returns the
/// first in time).
fn check_all(records: &[u32], done: &AtomicU32) -> Result<u32, String> {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(records.len().div_ceil(4))
            .map(|chunk| s.spawn(|| check_chunk(chunk, &stop, done)))
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
    // ANCHOR: measure
    let good: Vec<u32> = (100..200).collect();
    let done = AtomicU32::new(0);
    println!(
        "all good: {:?}, {} records checked",
        check_all(&good, &done),
        done.load(Relaxed)
    );
    let mut bad = good.clone();
    bad[26] = 13; // the second record of the second thread's chunk
    let done = AtomicU32::new(0);
    println!("one bad:  {:?}", check_all(&bad, &done));
    let unchecked = 100 - 1 - done.load(Relaxed);
    println!(
        "records the siblings skipped after the error: more than 10: {}",
        unchecked > 10
    );
    // ANCHOR_END: measure
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_error_is_returned_and_every_thread_has_ended() {
        let mut records: Vec<u32> = (100..500).collect();
        records[20] = 13;
        let done = std::sync::atomic::AtomicU32::new(0);
        assert_eq!(
            super::check_all(&records, &done),
            Err("bad record 13".into())
        );
        // The first thread failed early in its 100 records; the others stopped
        // soon after, far from the end of theirs.
        assert!(done.into_inner() < 300);
        // thread::scope returned, so every thread had ended: nothing to leak.
    }
}
