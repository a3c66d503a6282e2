use std::thread;

// ANCHOR: named
fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn main() {
    let text = "the quick brown fox";

    // A named function is the whole body: spawn needs a closure only to pass `text`.
    let by_name = thread::spawn(move || count_words(text));
    // An anonymous closure, written in place.
    let anonymous = thread::spawn(move || text.len());
    println!(
        "{} words, {} bytes",
        by_name.join().unwrap(),
        anonymous.join().unwrap()
    );
    // ANCHOR_END: named

    // ANCHOR: identity
    // A thread can carry a name, which shows in panics, debuggers and `top -H`.
    let worker = thread::Builder::new()
        .name("parser-1".into())
        .spawn(|| format!("I am {:?}", thread::current().name().unwrap()))
        .unwrap();
    println!("{}", worker.join().unwrap());

    // A tokio task has an id, readable inside it and on its JoinHandle.
    // (One thread: a multi-thread runtime numbers its workers' start-up
    // tasks too, so the first id would depend on the machine's cores.)
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let task = runtime.spawn(async { format!("I am task {}", tokio::task::id()) });
    let id = task.id();
    println!("{} (its handle says {id})", runtime.block_on(task).unwrap());
    // ANCHOR_END: identity
}
