use std::sync::mpsc;
use std::thread;

#[derive(Debug)]
enum FetchError {
    NotFound(u32),
    Timeout(u32),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::NotFound(id) => write!(f, "page {id}: not found"),
            FetchError::Timeout(id) => write!(f, "page {id}: timed out"),
        }
    }
}

fn fetch(id: u32) -> Result<String, FetchError> {
    match id % 4 {
        1 => Err(FetchError::NotFound(id)),
        3 => Err(FetchError::Timeout(id)),
        _ => Ok(format!("page {id}")),
    }
}

fn main() {
    // ANCHOR: results
    // Go sends on a `chan error` (or a `chan result` struct); Rust sends Result.
    let (tx, results) = mpsc::channel::<Result<String, FetchError>>();
    thread::scope(|s| {
        for id in 0..8 {
            let tx = tx.clone();
            s.spawn(move || tx.send(fetch(id)).unwrap());
        }
    });
    drop(tx);
    let (ok, failed): (Vec<_>, Vec<_>) = results.iter().partition(Result::is_ok);
    println!("{} fetched, {} failed", ok.len(), failed.len());
    let mut errors: Vec<String> = failed
        .into_iter()
        .map(|e| e.unwrap_err().to_string())
        .collect();
    errors.sort();
    println!("errors: {errors:?}");
    // ANCHOR_END: results
}
