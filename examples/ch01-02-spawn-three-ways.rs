use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: spawn
    let greeting = String::from("hello");

    // An OS thread: the closure moves to the new thread; join() returns its value.
    let g = greeting.clone();
    let thread = thread::spawn(move || format!("{g} from an OS thread"));
    println!("{}", thread.join().unwrap());

    // A tokio task: it needs a runtime, and its JoinHandle is a future.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let g = greeting.clone();
    let task = runtime.spawn(async move { format!("{g} from a tokio task") });
    println!("{}", runtime.block_on(task).unwrap());

    // A rayon job: no handle at all; the result comes back on a channel.
    let (tx, rx) = mpsc::channel();
    rayon::spawn(move || tx.send(format!("{greeting} from a rayon job")).unwrap());
    println!("{}", rx.recv().unwrap());
    // ANCHOR_END: spawn

    // ANCHOR: snapshot
    let mut n = 1;
    let handle = thread::spawn(move || n); // `move` copies n as it is now
    n = 2;
    println!(
        "the thread saw {}, main now has {n}",
        handle.join().unwrap()
    );
    // ANCHOR_END: snapshot
}
