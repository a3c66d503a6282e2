//! Exercise: three of four is still an answer
//! A dashboard asks four services and shows what it gets. `gather` collects
//! the answers with `collect::<Result<Vec<_>, _>>()`, so one failing service
//! blanks the whole dashboard. Return every answer that came, and every
//! failure, so that the page can show three panels and an error.
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
    let answers: Result<Vec<String>, String> = std::thread::scope(|s| {
        let asking: Vec<_> = services
            .iter()
            .map(|name| s.spawn(move || ask(name)))
            .collect();
        asking.into_iter().map(|a| a.join().unwrap()).collect()
    });
    match answers {
        Ok(all) => (all, Vec::new()),
        Err(e) => (Vec::new(), vec![e]),
    }
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
