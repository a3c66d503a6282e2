use tokio::sync::mpsc::{self, error::TryRecvError};

const CAPACITY: usize = 2;

/// The states the chapter's diagram draws, read off a real channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    OpenEmpty,
    PartlyFull,
    Full,
    ClosedDraining,
    ClosedEmpty,
}

/// A bounded channel whose last Sender can be dropped: that is how it closes.
struct Channel {
    tx: Option<mpsc::Sender<u32>>,
    rx: mpsc::Receiver<u32>,
}

impl Channel {
    // ANCHOR: observe
    fn state(&self) -> State {
        match (self.rx.is_closed(), self.rx.len()) {
            (false, 0) => State::OpenEmpty,
            (false, n) if n < CAPACITY => State::PartlyFull,
            (false, _) => State::Full,
            (true, 0) => State::ClosedEmpty,
            (true, _) => State::ClosedDraining,
        }
    }

    /// Applies one operation and names its outcome as the diagram does.
    fn apply(&mut self, operation: &str) -> &'static str {
        match operation {
            "try_send" => match self.tx.as_ref().expect("only an open channel").try_send(1) {
                Ok(()) => "Ok",
                Err(mpsc::error::TrySendError::Full(_)) => "Full",
                Err(mpsc::error::TrySendError::Closed(_)) => "Closed",
            },
            "try_recv" => match self.rx.try_recv() {
                Ok(_) => "Ok",
                Err(TryRecvError::Empty) => "Empty",
                Err(TryRecvError::Disconnected) => "Disconnected",
            },
            "drop_sender" => {
                self.tx = None;
                "closed"
            }
            other => panic!("the diagram uses an unknown operation `{other}`"),
        }
    }
    // ANCHOR_END: observe

    /// A fresh channel brought into `state` (ClosedDraining holds one value).
    fn in_state(state: State) -> Channel {
        let (tx, rx) = mpsc::channel(CAPACITY);
        let fill = match state {
            State::OpenEmpty | State::ClosedEmpty => 0,
            State::PartlyFull | State::ClosedDraining => 1,
            State::Full => CAPACITY,
        };
        (0..fill).for_each(|_| tx.try_send(0).unwrap());
        let mut channel = Channel { tx: Some(tx), rx };
        if matches!(state, State::ClosedDraining | State::ClosedEmpty) {
            channel.apply("drop_sender");
        }
        assert_eq!(channel.state(), state);
        channel
    }
}

// ANCHOR: main
fn main() {
    use State::*;
    for from in [OpenEmpty, PartlyFull, Full, ClosedDraining, ClosedEmpty] {
        let operations = match from {
            ClosedDraining | ClosedEmpty => &["try_recv"][..], // no Sender is left
            _ => &["try_send", "try_recv", "drop_sender"][..],
        };
        for &operation in operations {
            let mut channel = Channel::in_state(from);
            let outcome = channel.apply(operation);
            let to = channel.state();
            println!("{from:?} --{operation}: {outcome}--> {to:?}");
        }
    }
}
// ANCHOR_END: main

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The diagram's transitions, parsed from the chapter's page itself.
    fn diagram() -> Vec<(String, String, String, String)> {
        let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
        let page = format!("{root}/src/ch03-channels/advanced.md");
        let page = std::fs::read_to_string(page).unwrap();
        let start = page
            .find("```mermaid\nstateDiagram-v2")
            .expect("the state diagram");
        let end = start + page[start..].find("\n```\n").unwrap();
        let edge = Regex::new(r"^\s*(\w+) --> (\w+): (\w+) / (.+)$").unwrap();
        page[start..end]
            .lines()
            .filter_map(|line| edge.captures(line))
            .map(|c| (c[1].into(), c[3].into(), c[4].trim().into(), c[2].into()))
            .collect()
    }

    fn parse(name: &str) -> State {
        use State::*;
        [OpenEmpty, PartlyFull, Full, ClosedDraining, ClosedEmpty]
            .into_iter()
            .find(|s| format!("{s:?}") == name)
            .unwrap_or_else(|| panic!("the diagram names an unknown state `{name}`"))
    }

    #[test]
    fn every_transition_in_the_diagram_is_what_the_channel_does() {
        let edges = diagram();
        assert!(edges.len() >= 10, "too few transitions parsed: {edges:?}");
        for (from, operation, outcome, to) in &edges {
            let mut channel = Channel::in_state(parse(from));
            let seen = channel.apply(operation);
            assert_eq!(
                (seen, channel.state()),
                (outcome.as_str(), parse(to)),
                "diagram: {from} --{operation} / {outcome}--> {to}"
            );
        }
    }

    #[test]
    fn the_diagram_draws_every_operation_from_every_state() {
        let edges = diagram();
        for from in [
            "OpenEmpty",
            "PartlyFull",
            "Full",
            "ClosedDraining",
            "ClosedEmpty",
        ] {
            let open = from.starts_with("Open") || from == "PartlyFull" || from == "Full";
            let expected: &[&str] = if open {
                &["try_send", "try_recv", "drop_sender"]
            } else {
                &["try_recv"] // closed: no Sender is left to send or to drop
            };
            for op in expected {
                let n = edges.iter().filter(|e| e.0 == from && e.1 == *op).count();
                assert_eq!(n, 1, "{from} should have exactly one `{op}` transition");
            }
        }
    }
}
