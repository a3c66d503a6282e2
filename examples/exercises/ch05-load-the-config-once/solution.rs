//! A solution to the exercise "load it once, whoever asks first".
// practises: 5.6
// level: warm-up

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// How many times the configuration was loaded: what the test reads.
pub static LOADS: AtomicUsize = AtomicUsize::new(0);

#[derive(Debug, PartialEq)]
pub struct Config {
    pub workers: usize,
}

fn load() -> Config {
    LOADS.fetch_add(1, SeqCst);
    std::thread::sleep(std::time::Duration::from_millis(20)); // reading a file
    Config { workers: 4 }
}

/// The configuration, loaded on first use.
pub fn config() -> &'static Config {
    // The first caller runs `load`; the others wait for it, then share it.
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(load)
}

fn main() {
    println!("{:?}", config());
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_callers_one_load() {
        let configs: Vec<&'static Config> = std::thread::scope(|s| {
            let callers: Vec<_> = (0..8).map(|_| s.spawn(config)).collect();
            callers.into_iter().map(|c| c.join().unwrap()).collect()
        });
        assert_eq!(LOADS.load(SeqCst), 1, "loads");
        assert!(
            configs.iter().all(|c| std::ptr::eq(*c, configs[0])),
            "one shared value"
        );
    }
}
// ANCHOR_END: tests
