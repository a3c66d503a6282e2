//! A step's session: a transcript that its page shows, replayed against a
//! server of each language. Its lines, in the order they happen:
//!
//! ```text
//! # a comment                  shown on the page, skipped here
//! server: --idle 300ms         the server's arguments (first, if any)
//! u1 > (connects)              a client connects
//! u1 > hello                   it sends a line
//! u1 < MSG lobby u1 hello      the next line it reads must be this one;
//!                              `[..]` stands for any word (a number that
//!                              differs between Go and Rust)
//! u1 < (closed)                the server has closed its connection
//! ```

use std::collections::HashMap;
use std::path::Path;

use regex::Regex;
use tokio::net::TcpStream;

use crate::{Client, Spec, clients};

pub fn replay(spec: &Spec, path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut steps = Vec::new();
    let mut args = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = format!("{}:{}", path.display(), n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("server:") {
            args.extend(rest.split_whitespace().map(str::to_owned));
            continue;
        }
        let parsed = [" > ", " < "].iter().find_map(|arrow| {
            line.split_once(arrow)
                .map(|(who, what)| (who, *arrow, what))
        });
        let Some((who, arrow, what)) = parsed else {
            return Err(format!(
                "{at}: write `NAME > LINE`, `NAME < LINE` or `# comment`"
            ));
        };
        steps.push((at, who.to_owned(), arrow == " > ", what.to_owned()));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let server = spec.start(&args)?;
    let addr = server.addr().to_owned();
    clients(async move {
        let mut clients: HashMap<String, Client> = HashMap::new();
        for (at, who, sends, what) in steps {
            if sends && what == "(connects)" {
                let socket = TcpStream::connect(&addr)
                    .await
                    .map_err(|e| format!("{at}: connect: {e}"))?;
                let mut client = Client::unnamed(socket);
                client.name = who.clone();
                clients.insert(who, client);
                continue;
            }
            let client = clients
                .get_mut(&who)
                .ok_or_else(|| format!("{at}: `{who}` has not connected"))?;
            if sends {
                client.send(&what).await?;
                continue;
            }
            let got = client.line().await.map_err(|e| format!("{at}: {e}"))?;
            let matches = match (&got, what.as_str()) {
                (None, "(closed)") => true,
                (Some(line), want) => pattern(want).is_match(line),
                (None, _) => false,
            };
            if !matches {
                let got = got.unwrap_or_else(|| "(closed)".into());
                return Err(format!("{at}: expected `{what}`, the server sent `{got}`"));
            }
        }
        Ok(())
    })?;
    server.stop(false).map(drop)
}

/// The line as written, `[..]` standing for one word.
fn pattern(want: &str) -> Regex {
    let parts: Vec<String> = want.split("[..]").map(regex::escape).collect();
    Regex::new(&format!("^{}$", parts.join(r"\S+"))).unwrap()
}
