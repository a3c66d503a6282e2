//! Go's `sync.Map` has no std counterpart either. A map split into shards,
//! each behind its own `RwLock`, lets threads that touch different keys
//! proceed in parallel; one lock over the whole map would serialize them.
//!
//! Run it with `cargo run --example ch04-21-a-sharded-map`.
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, RandomState};
use std::sync::RwLock;
use std::thread;

// ANCHOR: sharded
struct ShardedMap<K, V> {
    shards: Vec<RwLock<HashMap<K, V>>>,
    hasher: RandomState,
}

impl<K: Hash + Eq, V: Clone> ShardedMap<K, V> {
    fn new(shards: usize) -> Self {
        let shards = (0..shards).map(|_| RwLock::new(HashMap::new())).collect();
        ShardedMap {
            shards,
            hasher: RandomState::new(),
        }
    }
    fn shard(&self, key: &K) -> &RwLock<HashMap<K, V>> {
        let index = self.hasher.hash_one(key) as usize % self.shards.len();
        &self.shards[index]
    }
    /// Go's LoadOrStore: the value already there, or `value`, now stored.
    fn load_or_store(&self, key: K, value: V) -> (V, bool) {
        if let Some(found) = self.shard(&key).read().unwrap().get(&key) {
            return (found.clone(), true); // the common, read-only path
        }
        let mut shard = self.shard(&key).write().unwrap();
        match shard.get(&key) {
            Some(found) => (found.clone(), true), // stored in between: keep it
            None => {
                shard.insert(key, value.clone());
                (value, false)
            }
        }
    }
    fn len(&self) -> usize {
        self.shards.iter().map(|s| s.read().unwrap().len()).sum()
    }
}
// ANCHOR_END: sharded

fn main() {
    // ANCHOR: use
    let map = ShardedMap::new(16);
    let stored: usize = thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|t| {
                let map = &map;
                // Each thread stores keys 0..1000; thread t offers the value t.
                s.spawn(move || (0..1000).filter(|&k| !map.load_or_store(k, t).1).count())
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    println!(
        "4 threads offered 1000 keys each: {stored} stored, {} in the map",
        map.len()
    );
    // ANCHOR_END: use
}
