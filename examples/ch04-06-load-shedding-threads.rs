// output: varies \d+ served, \d+ refused
use crossbeam::channel::{self, TrySendError};
use std::thread;
use std::time::Duration;

const CAPACITY: usize = 4;
const REQUESTS: u32 = 100;

// ANCHOR: shed
/// Requests arrive faster than one worker can serve them. When the queue is
/// full, new requests are refused at once instead of waiting.
fn serve() -> (u32, u32, usize) {
    let (queue_tx, queue) = channel::bounded(CAPACITY);
    let worker = thread::spawn(move || {
        let mut served = 0;
        for _request in &queue {
            thread::sleep(Duration::from_micros(200)); // serving takes time
            served += 1;
        }
        served
    });
    let (mut refused, mut longest) = (0, 0);
    for request in 0..REQUESTS {
        match queue_tx.try_send(request) {
            Ok(()) => longest = longest.max(queue_tx.len()),
            Err(TrySendError::Full(_)) => refused += 1, // "503: try again later"
            Err(TrySendError::Disconnected(_)) => unreachable!("the worker is alive"),
        }
        thread::sleep(Duration::from_micros(20)); // a new request every 20 µs
    }
    drop(queue_tx);
    let served = worker.join().unwrap();
    (served, refused, longest)
}
// ANCHOR_END: shed

fn main() {
    let (served, refused, longest) = serve();
    println!("{REQUESTS} requests: {served} served, {refused} refused at the door");
    println!("the queue never held more than {longest} (capacity {CAPACITY})");
    assert_eq!(served + refused, REQUESTS);
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_request_is_served_or_refused_and_the_queue_stays_bounded() {
        let (served, refused, longest) = super::serve();
        assert_eq!(served + refused, super::REQUESTS);
        assert!(longest <= super::CAPACITY);
        assert!(refused > 0, "the load was never high enough to shed");
    }
}
