use crossbeam::channel::{self, select};

fn main() {
    // ANCHOR: default
    let (tx, rx) = channel::bounded::<&str>(1);
    for attempt in 1..=2 {
        // With a default branch, select! never blocks: it polls once.
        select! {
            recv(rx) -> msg => println!("attempt {attempt}: got {:?}", msg.unwrap()),
            default => println!("attempt {attempt}: nothing ready, moving on"),
        }
        tx.send("job").unwrap();
    }

    // A send with a default branch drops work instead of waiting: load shedding.
    select! {
        send(tx, "another job") -> res => println!("queued: {res:?}"),
        default => println!("queue full: shed \"another job\""),
    }
    // ANCHOR_END: default

    // ANCHOR: try
    // The single-channel forms of the same thing:
    println!("try_recv: {:?}", rx.try_recv());
    println!("try_recv: {:?}", rx.try_recv());
    // ANCHOR_END: try
}
