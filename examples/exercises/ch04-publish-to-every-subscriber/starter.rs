//! Exercise: every subscriber gets every message
//! `Hub` fans each published message out to its subscribers. With the
//! starter's single shared queue, each message goes to one subscriber only.
//! Give every subscriber every message, in order.
// practises: 4.8
// level: medium

use crossbeam::channel::{self, Receiver, Sender};

/// Publishes each message to every subscriber.
pub struct Hub {
    tx: Sender<String>,
    rx: Receiver<String>,
}

impl Hub {
    pub fn new() -> Hub {
        let (tx, rx) = channel::unbounded();
        Hub { tx, rx }
    }

    /// A new subscriber, which receives what is published from now on.
    pub fn subscribe(&mut self) -> Receiver<String> {
        self.rx.clone()
    }

    pub fn publish(&self, message: &str) {
        self.tx.send(message.to_owned()).unwrap();
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
