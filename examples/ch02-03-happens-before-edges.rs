use std::sync::atomic::{AtomicBool, Ordering::Acquire, Ordering::Release};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;

fn main() {
    // ANCHOR: edges
    let mut config = vec!["written before spawn"];
    // 1. spawn: everything before it happens-before the new thread starts.
    let worker = thread::spawn(move || {
        config.push("written in the thread");
        config
    });
    // 2. join: everything the thread did happens-before join() returns.
    let config = worker.join().unwrap();
    println!("after join: {config:?}");

    // 3. a channel: a send happens-before the matching receive completes.
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || tx.send(String::from("sent through a channel")).unwrap());
    println!("after recv: {}", rx.recv().unwrap());

    // 4. a mutex: an unlock happens-before the next lock of the same mutex.
    let log = Arc::new(Mutex::new(Vec::new()));
    let writer = Arc::clone(&log);
    thread::spawn(move || writer.lock().unwrap().push("written under the lock"))
        .join()
        .unwrap();
    println!("after lock: {:?}", log.lock().unwrap());

    // 5. atomics: a Release store happens-before an Acquire load that reads it.
    let ready = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&ready);
    thread::spawn(move || flag.store(true, Release));
    while !ready.load(Acquire) {
        std::hint::spin_loop();
    }
    println!("after Acquire load: saw the Release store");
    // ANCHOR_END: edges
}
