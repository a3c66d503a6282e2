//! A solution to the exercise "every subscriber gets every message".
// practises: 4.8
// level: medium

use crossbeam::channel::{self, Receiver, Sender};

/// Publishes each message to every subscriber.
pub struct Hub {
    // A queue per subscriber: a shared queue hands each message to one.
    subscribers: Vec<Sender<String>>,
}

impl Hub {
    pub fn new() -> Hub {
        Hub {
            subscribers: Vec::new(),
        }
    }

    /// A new subscriber, which receives what is published from now on.
    pub fn subscribe(&mut self) -> Receiver<String> {
        let (tx, rx) = channel::unbounded();
        self.subscribers.push(tx);
        rx
    }

    pub fn publish(&mut self, message: &str) {
        // A subscriber that dropped its receiver is forgotten.
        self.subscribers
            .retain(|subscriber| subscriber.send(message.to_owned()).is_ok());
    }
}

fn main() {
    let mut hub = Hub::new();
    let (a, b) = (hub.subscribe(), hub.subscribe());
    hub.publish("hello");
    println!("{:?} {:?}", a.try_recv(), b.try_recv());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_subscriber_receives_every_message_in_order() {
        let mut hub = Hub::new();
        let subscribers: Vec<_> = (0..3).map(|_| hub.subscribe()).collect();
        for m in ["a", "b", "c"] {
            hub.publish(m);
        }
        for (n, subscriber) in subscribers.iter().enumerate() {
            let got: Vec<String> = subscriber.try_iter().collect();
            assert_eq!(got, ["a", "b", "c"], "subscriber {n}");
        }
    }
}
// ANCHOR_END: tests
