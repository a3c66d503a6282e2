//! A solution to the exercise "an error is a value to send".
// practises: 7.1
// level: warm-up

use std::sync::mpsc;
use std::thread;

/// Each input's number or error, in the inputs' order.
pub fn parse_all(inputs: &[&str]) -> Vec<Result<u32, String>> {
    let (tx, rx) = mpsc::channel();
    for (i, input) in inputs.iter().enumerate() {
        let (tx, input) = (tx.clone(), input.to_string());
        thread::spawn(move || {
            // The error travels like the value: Go's `chan result` with an
            // `err` field, here a Result.
            let parsed = input.parse::<u32>().map_err(|e| format!("{input:?}: {e}"));
            tx.send((i, parsed)).unwrap();
        });
    }
    drop(tx);
    let mut results: Vec<(usize, Result<u32, String>)> = rx.iter().collect();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn main() {
    println!("{:?}", parse_all(&["1", "2"]));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_reports_its_number_or_its_error() {
        let results = parse_all(&["7", "x1", "42"]);
        assert_eq!(results.len(), 3, "a result for every input: {results:?}");
        assert_eq!(results[0], Ok(7));
        assert!(
            results[1].as_ref().is_err_and(|e| e.contains("x1")),
            "the error names the input: {:?}",
            results[1]
        );
        assert_eq!(results[2], Ok(42));
    }
}
// ANCHOR_END: tests
