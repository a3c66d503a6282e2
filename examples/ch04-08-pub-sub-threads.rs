use crossbeam::channel::{self, Receiver, Sender};
use std::thread;

// ANCHOR: broker
/// A broker: one inbox per subscriber, every message cloned into each.
struct Broker<T> {
    subscribers: Vec<Sender<T>>,
}

impl<T: Clone> Broker<T> {
    fn subscribe(&mut self) -> Receiver<T> {
        let (tx, rx) = channel::bounded(16);
        self.subscribers.push(tx);
        rx
    }

    fn publish(&mut self, message: T) {
        // A subscriber that went away is dropped from the list.
        self.subscribers.retain(|s| s.send(message.clone()).is_ok());
    }
}
// ANCHOR_END: broker

fn main() {
    let mut broker = Broker {
        subscribers: Vec::new(),
    };
    let readers: Vec<_> = (0..3)
        .map(|id| {
            let inbox = broker.subscribe();
            thread::spawn(move || (id, inbox.iter().collect::<Vec<String>>()))
        })
        .collect();
    for n in 1..=5 {
        broker.publish(format!("news {n}"));
    }
    drop(broker); // closes every inbox: each reader's loop ends
    for reader in readers {
        let (id, got) = reader.join().unwrap();
        println!(
            "subscriber {id} got {} messages: {}",
            got.len(),
            got.join(", ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subscriber_gets_every_message_in_order() {
        let mut broker = Broker {
            subscribers: Vec::new(),
        };
        let inboxes: Vec<_> = (0..3).map(|_| broker.subscribe()).collect();
        (1..=5).for_each(|n| broker.publish(n));
        drop(broker);
        for inbox in inboxes {
            assert_eq!(inbox.iter().collect::<Vec<u32>>(), [1, 2, 3, 4, 5]);
        }
    }
}
