//! The server's command line. Every step reads the same flags and uses the
//! ones it has a use for, so that the tests start every step, Go or Rust,
//! the same way: `--listen 127.0.0.1:0 --idle 300ms`. Durations are written
//! as Go's `flag` package reads them: `300ms`, `2s`, `5m`, `0`.

use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Config {
    /// `--listen ADDR`, once per address (from step 6 on, several).
    pub listen: Vec<String>,
    /// `--max-conns N`: connections served at once; one more is refused.
    pub max_conns: usize,
    /// `--max-rooms N`: rooms that may exist.
    pub max_rooms: usize,
    /// `--idle D`: a client that sends nothing for this long is closed.
    pub idle: Duration,
    /// `--queue N`: the messages a client's outbound queue holds.
    pub queue: usize,
    /// `--workers N`: the filter's worker threads.
    pub workers: usize,
    /// `--block WORD`, repeatable: a message with this word is refused.
    pub block: Vec<String>,
    /// `--filter-cost D`: the work the filter does per message, standing in
    /// for a real one's (a spam model, say).
    pub filter_cost: Duration,
    /// `--filter-timeout D`: the deadline of one message's filtering.
    pub filter_timeout: Duration,
    /// `--write-timeout D`: the deadline of one write to a client.
    pub write_timeout: Duration,
    /// `--drain D`: how long a graceful shutdown may take.
    pub drain: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: Vec::new(),
            max_conns: 10_000,
            max_rooms: 1_000,
            idle: Duration::from_secs(300),
            queue: 256,
            workers: 4,
            block: Vec::new(),
            filter_cost: Duration::ZERO,
            filter_timeout: Duration::from_secs(1),
            write_timeout: Duration::from_secs(10),
            drain: Duration::from_secs(5),
        }
    }
}

impl Config {
    /// The process's arguments; a bad one ends the process with status 2,
    /// as Go's `flag` package does.
    pub fn from_args() -> Config {
        let args: Vec<String> = std::env::args().skip(1).collect();
        Config::parse(&args).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        })
    }

    pub fn parse(args: &[String]) -> Result<Config, String> {
        let mut config = Config::default();
        for (name, value) in flags(args)? {
            let bad = |e: String| format!("invalid value {value:?} for flag -{name}: {e}");
            let number = || value.parse::<usize>().map_err(|e| bad(e.to_string()));
            let duration = || parse_duration(&value).map_err(bad);
            match name.as_str() {
                "listen" => config.listen.push(value.clone()),
                "max-conns" => config.max_conns = number()?,
                "max-rooms" => config.max_rooms = number()?,
                "idle" => config.idle = duration()?,
                "queue" => config.queue = number()?,
                "workers" => config.workers = number()?,
                "block" => config.block.push(value.to_lowercase()),
                "filter-cost" => config.filter_cost = duration()?,
                "filter-timeout" => config.filter_timeout = duration()?,
                "write-timeout" => config.write_timeout = duration()?,
                "drain" => config.drain = duration()?,
                _ => return Err(format!("flag provided but not defined: -{name}")),
            }
        }
        if config.listen.is_empty() {
            config.listen.push("127.0.0.1:7878".into());
        }
        Ok(config)
    }
}

/// `--name value`, `-name value` or `--name=value`, as Go's `flag` package
/// reads them, in order.
pub fn flags(args: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut flags = Vec::new();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let Some(name) = flag.strip_prefix('-') else {
            return Err(format!("not a flag: {flag}"));
        };
        let name = name.strip_prefix('-').unwrap_or(name);
        let (name, value) = match name.split_once('=') {
            Some((name, value)) => (name, value.to_owned()),
            None => {
                let value = args
                    .next()
                    .ok_or(format!("flag needs an argument: {flag}"))?;
                (name, value.clone())
            }
        };
        flags.push((name.to_owned(), value));
    }
    Ok(flags)
}

/// `0`, or a number and a unit: `ms`, `s` or `m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or("missing unit")?;
    let (number, unit) = text.split_at(split);
    let n: u64 = number.parse().map_err(|_| "not a number")?;
    match unit {
        "ms" => Ok(Duration::from_millis(n)),
        "s" => Ok(Duration::from_secs(n)),
        "m" => Ok(Duration::from_secs(60 * n)),
        _ => Err(format!("unknown unit {unit:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_as_go_reads_them() {
        let args: Vec<String> = ["--listen", "127.0.0.1:0", "-idle=300ms", "--block", "Spam"]
            .map(String::from)
            .into();
        let config = Config::parse(&args).unwrap();
        assert_eq!(config.listen, ["127.0.0.1:0"]);
        assert_eq!(config.idle, Duration::from_millis(300));
        assert_eq!(config.block, ["spam"]);
        assert!(Config::parse(&["--nope".into(), "1".into()]).is_err());
    }
}
