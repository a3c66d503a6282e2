// output: varies \(\d+\) panicked
use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: lifecycle
    // Runs to completion: join() waits for it and hands back its return value.
    let done = thread::spawn(|| 6 * 7);
    println!("finished: {:?}", done.join());

    // Panics: the panic unwinds this thread only, and join() reports it as Err.
    let failed = thread::spawn(|| -> u32 { panic!("disk on fire") });
    let payload = failed.join().unwrap_err();
    println!("panicked: {:?}", payload.downcast_ref::<&str>());

    // Detached: dropping the handle lets the thread run on, unobserved.
    let (tx, rx) = mpsc::channel();
    drop(thread::spawn(move || {
        tx.send("the detached thread still ran")
    }));
    println!("{}", rx.recv().unwrap());
    // ANCHOR_END: lifecycle
}
