use crossbeam::channel::{self, select};
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: select
    let (orders_tx, orders) = channel::unbounded();
    let (alerts_tx, alerts) = channel::unbounded();
    let producer = orders_tx.clone();
    thread::spawn(move || {
        for n in 1..=3 {
            producer.send(format!("order {n}")).unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    });
    let alarm = alerts_tx.clone();
    thread::spawn(move || alarm.send("disk almost full".to_string()).unwrap());

    let mut handled = Vec::new();
    for _ in 0..4 {
        // Blocks until one of the two operations can proceed, then does that one only.
        select! {
            recv(orders) -> order => handled.push(order.unwrap()),
            recv(alerts) -> alert => handled.push(alert.unwrap()),
        }
    }
    handled.sort();
    println!("handled 4 messages from 2 channels (sorted): {handled:?}");
    // ANCHOR_END: select
    drop((orders_tx, alerts_tx));
}
