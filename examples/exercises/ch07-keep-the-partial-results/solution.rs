//! A solution to the exercise "three of four is still an answer".
// practises: 7.3
// level: warm-up

/// Each service's answer, or its error.
fn ask(service: &str) -> Result<String, String> {
    if service == "weather" {
        Err("weather: timed out".to_owned())
    } else {
        Ok(format!("{service}: ok"))
    }
}

/// The answers that came, and the errors, each in the services' order.
pub fn gather(services: &[&str]) -> (Vec<String>, Vec<String>) {
    let results: Vec<Result<String, String>> = std::thread::scope(|s| {
        let asking: Vec<_> = services
            .iter()
            .map(|name| s.spawn(move || ask(name)))
            .collect();
        asking.into_iter().map(|a| a.join().unwrap()).collect()
    });
    // Keep both sides: a partial failure is data, not a reason to drop it.
    let (mut answers, mut errors) = (Vec::new(), Vec::new());
    for result in results {
        match result {
            Ok(answer) => answers.push(answer),
            Err(error) => errors.push(error),
        }
    }
    (answers, errors)
}

fn main() {
    println!("{:?}", gather(&["news", "weather"]));
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_answers_and_one_error() {
        let (answers, errors) = gather(&["news", "weather", "mail", "stocks"]);
        assert_eq!(answers, ["news: ok", "mail: ok", "stocks: ok"]);
        assert_eq!(errors, ["weather: timed out"]);
    }
}
// ANCHOR_END: tests
