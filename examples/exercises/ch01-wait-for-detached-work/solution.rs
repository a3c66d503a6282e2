//! A solution to the exercise "wait for the work you started".
// practises: 1.14
// level: medium

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinSet;

pub type Store = Arc<Mutex<Vec<u32>>>;

async fn save(record: u32, store: Store) {
    tokio::time::sleep(Duration::from_millis(5)).await; // the disk
    store.lock().unwrap().push(record);
}

/// Saves every record, concurrently, and returns once all are saved.
pub async fn save_all(records: Vec<u32>, store: Store) {
    let mut saving = JoinSet::new();
    for record in records {
        saving.spawn(save(record, Arc::clone(&store)));
    }
    // join_all waits for every task, and a panic in one resumes here.
    saving.join_all().await;
}

#[tokio::main]
async fn main() {
    let store = Store::default();
    save_all(vec![1, 2, 3], Arc::clone(&store)).await;
    println!("saved: {:?}", store.lock().unwrap());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn every_record_is_saved_when_save_all_returns() {
        let store = Store::default();
        let started = tokio::time::Instant::now();
        save_all((1..=50).collect(), Arc::clone(&store)).await;
        let mut saved = store.lock().unwrap().clone();
        saved.sort();
        assert_eq!(
            saved,
            (1..=50).collect::<Vec<_>>(),
            "saved when save_all returned"
        );
        // Concurrently: 50 saves of 5 ms each took 5 ms, not 250.
        assert!(
            started.elapsed() < Duration::from_millis(50),
            "{:?}",
            started.elapsed()
        );
    }
}
// ANCHOR_END: tests
