use std::sync::mpsc;
use std::thread;

const PRODUCERS: u32 = 3;
const EACH: u32 = 5;

// ANCHOR: fan_in
/// Merges the output of PRODUCERS threads into one channel.
fn fan_in() -> Vec<(u32, u32)> {
    let (tx, merged) = mpsc::channel();
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|id| {
            let tx = tx.clone(); // one Sender per producer
            thread::spawn(move || (0..EACH).for_each(|n| tx.send((id, n)).unwrap()))
        })
        .collect();
    drop(tx); // only the producers hold Senders now
    // Ends when the last producer is done and has dropped its Sender.
    let received = merged.iter().collect();
    producers.into_iter().for_each(|p| p.join().unwrap());
    received
}
// ANCHOR_END: fan_in

fn main() {
    let received = fan_in();
    let from_each: Vec<usize> = (0..PRODUCERS)
        .map(|id| received.iter().filter(|(p, _)| *p == id).count())
        .collect();
    println!(
        "merged {} messages; from each producer: {from_each:?}",
        received.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_arrives_once_in_each_producers_order() {
        for _ in 0..20 {
            let received = fan_in();
            for id in 0..PRODUCERS {
                let mine: Vec<u32> = received.iter().filter(|m| m.0 == id).map(|m| m.1).collect();
                assert_eq!(mine, (0..EACH).collect::<Vec<_>>());
            }
        }
    }
}
