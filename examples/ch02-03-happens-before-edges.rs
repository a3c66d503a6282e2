use std::sync::atomic::{
    AtomicBool, AtomicU64, Ordering::Acquire, Ordering::Relaxed, Ordering::Release,
};
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
    thread::spawn(move || writer.lock().unwrap().push("written under the lock"));
    let seen = loop {
        let entries = log.lock().unwrap(); // no join: only the lock orders the two threads
        if !entries.is_empty() {
            break entries.clone();
        }
    };
    println!("after lock: {seen:?}");

    // 5. atomics: a Release store happens-before an Acquire load that reads it,
    //    so data written before the store is visible after the load.
    let (data, ready) = (
        Arc::new(AtomicU64::new(0)),
        Arc::new(AtomicBool::new(false)),
    );
    let (payload, flag) = (Arc::clone(&data), Arc::clone(&ready));
    thread::spawn(move || {
        payload.store(42, Relaxed);
        flag.store(true, Release);
    });
    while !ready.load(Acquire) {
        std::hint::spin_loop();
    }
    println!("after Acquire load: data = {}", data.load(Relaxed));
    // ANCHOR_END: edges
}
