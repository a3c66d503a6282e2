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
//! server > SIGTERM             the server is sent SIGTERM (or SIGINT)
//! server < stopped: left=0     the next line the server prints must be this
//! ```
//!
//! A session that signals the server ends with the server's end, which must
//! be clean (exit 0, nothing left running); any other is stopped after it.

use std::collections::HashMap;
use std::path::Path;

use regex::Regex;
use tokio::net::TcpStream;

use crate::{Client, Spec};

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
    let mut server = spec.start(&args)?;
    let addr = server.addr().to_owned();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut clients: HashMap<String, Client> = HashMap::new();
    for (at, who, sends, what) in steps {
        if who == "server" {
            match (sends, what.as_str()) {
                (true, "SIGINT") => server.signal(false)?,
                (true, "SIGTERM") => server.signal(true)?,
                (true, _) => return Err(format!("{at}: the server is sent SIGINT or SIGTERM")),
                (false, want) => {
                    let got = server.next_line().map_err(|e| format!("{at}: {e}"))?;
                    if !pattern(want).is_match(&got) {
                        return Err(format!(
                            "{at}: expected `{want}`, the server printed `{got}`"
                        ));
                    }
                }
            }
            continue;
        }
        runtime.block_on(client_step(&mut clients, &addr, &at, who, sends, &what))?;
    }
    drop(clients);
    match server.signalled {
        Some(_) => server.finish().map(drop),
        None => server.stop(false).map(drop),
    }
}

/// One line of a client's: it connects, sends, or reads.
async fn client_step(
    clients: &mut HashMap<String, Client>,
    addr: &str,
    at: &str,
    who: String,
    sends: bool,
    what: &str,
) -> Result<(), String> {
    if sends && what == "(connects)" {
        let socket = TcpStream::connect(addr)
            .await
            .map_err(|e| format!("{at}: connect: {e}"))?;
        let mut client = Client::unnamed(socket);
        client.name = who.clone();
        clients.insert(who, client);
        return Ok(());
    }
    let client = clients
        .get_mut(&who)
        .ok_or_else(|| format!("{at}: `{who}` has not connected"))?;
    if sends {
        return client.send(what).await;
    }
    let got = client.line().await.map_err(|e| format!("{at}: {e}"))?;
    let matches = match (&got, what) {
        (None, "(closed)") => true,
        (Some(line), want) => pattern(want).is_match(line),
        (None, _) => false,
    };
    if !matches {
        let got = got.unwrap_or_else(|| "(closed)".into());
        return Err(format!("{at}: expected `{what}`, the server sent `{got}`"));
    }
    Ok(())
}

/// The line as written, `[..]` standing for one word.
fn pattern(want: &str) -> Regex {
    let parts: Vec<String> = want.split("[..]").map(regex::escape).collect();
    Regex::new(&format!("^{}$", parts.join(r"\S+"))).unwrap()
}
