//! Exercise: an error is a value to send
//! Workers parse their inputs and send the numbers back on a channel. A
//! worker that meets a bad input panics, and its error never reaches the
//! caller, who only sees a number missing. Send every worker's result, error
//! included, and let the caller see which input failed and why.
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
            let n: u32 = input.parse().unwrap();
            tx.send((i, Ok(n))).unwrap();
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
