use crossbeam::channel;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::thread;
use std::time::Duration;

const LIMIT: usize = 3;
const JOBS: usize = 30;

// ANCHOR: tokens
/// A thread per job, but never more than LIMIT at once: Go's
/// `sem := make(chan struct{}, LIMIT)` idiom, with a bounded channel of tokens.
fn run_bounded() -> usize {
    let (take, give_back) = channel::bounded::<()>(LIMIT);
    let (running, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
    thread::scope(|s| {
        for _ in 0..JOBS {
            take.send(()).unwrap(); // blocks while LIMIT tokens are out
            let (give_back, running, peak) = (give_back.clone(), &running, &peak);
            s.spawn(move || {
                peak.fetch_max(running.fetch_add(1, SeqCst) + 1, SeqCst);
                thread::sleep(Duration::from_millis(2)); // the work
                running.fetch_sub(1, SeqCst);
                give_back.recv().unwrap(); // return the token as the job ends
            });
        }
    });
    peak.into_inner()
}
// ANCHOR_END: tokens

fn main() {
    println!(
        "{JOBS} jobs, limit {LIMIT}: at most {} ran at once",
        run_bounded()
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn never_more_than_the_limit_in_flight() {
        for _ in 0..5 {
            let peak = super::run_bounded();
            assert!(peak <= super::LIMIT, "peak {peak}");
            assert!(peak >= 1);
        }
    }
}
