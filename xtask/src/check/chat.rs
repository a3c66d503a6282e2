//! The chat server the book builds: each step in both languages, each
//! session shown, each step's page naming the roadmap items it applies,
//! only the listings' crates, and a design diagram that draws the tasks
//! and channels the code has.
//!
//! The code says what it starts and makes: every spawn (`go`, `.Go(`,
//! `spawn(`) and every channel it makes (`make(chan`, `mpsc::channel(`, …)
//! carries a comment on its line or the line above,
//!
//! ```text
//! // task: NAME[; why]                   a task, goroutine or thread: NAME
//! // channel: NAME, FROM -> TO[; why]    a channel from task FROM to task TO
//! // task: not drawn; WHY                (the same for a channel)
//! ```
//!
//! and a Mermaid flowchart that says `%% tasks and channels of chat/step-NN`
//! draws exactly those: a node per task (its id the task's name), a solid
//! edge `FROM -- "NAME: …" --> TO` per channel. A node or edge whose label
//! says `(Go only)` or `(Rust only)` is drawn for that language alone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use inventory::{Kind, Listing};
use regex::Regex;

use super::Problem;
use crate::model::Book;

/// The marker of a diagram of a step's tasks and channels.
const DIAGRAM: &str = "%% tasks and channels of ";

pub fn steps_have_both_languages(book: &Book) -> Vec<Problem> {
    let chat =
        |kind| -> BTreeSet<&str> { (book.inventory.of(kind)).map(|l| l.name.as_str()).collect() };
    let (rust, go) = (chat(Kind::ChatRust), chat(Kind::ChatGo));
    let mut problems = Vec::new();
    for (has, lacks, dir) in [
        (&rust, &go, inventory::CHAT_GO),
        (&go, &rust, inventory::CHAT_RUST),
    ] {
        for name in has.difference(lacks) {
            problems.push(Problem::new(
                Path::new(dir),
                0,
                format!("the chat server's `{name}` is missing here, and its twin is not"),
                "write every part of the chat server in both languages",
            ));
        }
    }
    for session in &book.inventory.sessions {
        let step = session.file_stem().unwrap_or_default().to_string_lossy();
        if !rust.contains(step.as_ref()) {
            problems.push(Problem::new(
                session,
                1,
                format!("a session of `{step}`, which is no step of the chat server"),
                "name it after its step: step-NN.txt",
            ));
        }
    }
    problems
}

/// Every session is on the page that shows its step, once.
pub fn sessions_are_shown_with_their_step(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for session in &book.inventory.sessions {
        let step = session.file_stem().unwrap_or_default().to_string_lossy();
        let id = format!("session/{step}");
        let places: Vec<(&Path, usize)> = (book.pages.iter())
            .flat_map(|p| p.expanded.shown.iter().map(move |s| (p, s)))
            .filter(|(_, s)| s.id == id)
            .map(|(p, s)| (p.path.as_path(), s.line))
            .collect();
        let with_step = |page: &Path| {
            let step_id = format!("chat/{step}");
            book.page(page)
                .is_some_and(|p| p.expanded.shown.iter().any(|s| s.id == step_id && !s.part))
        };
        match places.as_slice() {
            [] => problems.push(Problem::new(
                session,
                1,
                "this session is shown on no page",
                format!("show it on its step's page: {{{{#chat-session {step}}}}}"),
            )),
            [(page, line), again @ ..] => {
                if !with_step(page) {
                    problems.push(Problem::new(
                        page,
                        *line,
                        format!("`{step}`'s session, away from its step"),
                        "show a session on the page that shows its step",
                    ));
                }
                for (page, line) in again {
                    problems.push(Problem::new(
                        page,
                        *line,
                        "a session shown twice",
                        "show it once",
                    ));
                }
            }
        }
    }
    problems
}

/// A page that shows a step links the roadmap items of its chapter that
/// the step applies (at least one, if the chapter has items).
pub fn step_pages_link_their_roadmap_items(book: &Book) -> Vec<Problem> {
    let Some(roadmap) = &book.roadmap else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for page in &book.pages {
        let shows_step = page
            .expanded
            .shown
            .iter()
            .find(|s| !s.part && s.id.starts_with("chat/step-"));
        let Some(shown) = shows_step else { continue };
        let chapter: Option<u32> = (page.path.components().nth(1))
            .and_then(|c| c.as_os_str().to_str()?.get(2..4)?.parse().ok());
        let items: Vec<PathBuf> = (roadmap.items.iter())
            .filter(|i| Some(i.chapter) == chapter)
            .filter_map(|i| i.link.as_deref())
            .map(|dest| target(Book::target_of(dest)))
            .collect();
        if items.is_empty() {
            continue;
        }
        let dir = page.path.parent().unwrap_or(Path::new(""));
        let links = page.links.iter().map(|l| {
            let (file, fragment) = l.dest.split_once('#').unwrap_or((&l.dest, ""));
            let file = if file.is_empty() {
                page.path.clone()
            } else {
                dir.join(file)
            };
            crate::normalize(&file).join(fragment)
        });
        if !links.into_iter().any(|l| items.contains(&l)) {
            problems.push(Problem::new(
                &page.path,
                shown.line,
                format!(
                    "`{}` is shown here, and no roadmap item of this chapter is linked",
                    shown.id
                ),
                "say which of the chapter's items the step applies, and link each to its section",
            ));
        }
    }
    problems
}

fn target((path, fragment): (PathBuf, Option<&str>)) -> PathBuf {
    path.join(fragment.unwrap_or_default())
}

/// The chat server's crates are the listings' own.
pub fn uses_only_the_listings_crates(book: &Book) -> Vec<Problem> {
    let manifest = Path::new(inventory::CHAT_RUST).join("Cargo.toml");
    let Ok(text) = std::fs::read_to_string(book.root.join(&manifest)) else {
        return Vec::new();
    };
    let Ok(parsed) = text.parse::<toml::Table>() else {
        return vec![Problem::new(&manifest, 1, "not valid TOML", "fix it")];
    };
    let dependencies = parsed.get("dependencies").and_then(|d| d.as_table());
    let mut problems = Vec::new();
    for name in dependencies.into_iter().flat_map(|d| d.keys()) {
        if !book.crates.iter().any(|c| &c.package == name) {
            let line = text.lines().position(|l| l.starts_with(name.as_str()));
            problems.push(Problem::new(
                &manifest,
                line.map_or(1, |l| l + 1),
                format!("`{name}` is not one of the crates the listings use"),
                "teach with the book's crates (the `listings` package's [dependencies])",
            ));
        }
    }
    problems
}

/// A spawn or a channel, as the code marks it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Task(String),
    Channel(String, String, String),
}

impl std::fmt::Display for Mark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mark::Task(name) => write!(f, "the task `{name}`"),
            Mark::Channel(name, from, to) => write!(f, "the channel `{name}` ({from} -> {to})"),
        }
    }
}

/// Every spawn and channel of a step is marked; what a step's diagram draws
/// is what its code marks, in each language.
pub fn the_design_diagram_is_the_code(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut marks: std::collections::BTreeMap<String, BTreeSet<Mark>> = Default::default();
    for listing in book.inventory.listings.iter().filter(|l| l.kind.is_chat()) {
        if !listing.name.starts_with("step-") {
            continue;
        }
        let (found, unmarked) = marks_of(book, listing);
        problems.extend(unmarked);
        marks.insert(listing.id(), found);
    }
    let mut drawn = BTreeSet::new();
    for page in &book.pages {
        for block in page.code.iter().filter(|c| c.info == "mermaid") {
            let Some(step) = block
                .body
                .lines()
                .find_map(|l| l.trim().strip_prefix(DIAGRAM))
            else {
                continue;
            };
            let step = step.trim();
            drawn.insert(step.to_owned());
            for (kind, language, other) in
                [(Kind::ChatGo, "Go", "Rust"), (Kind::ChatRust, "Rust", "Go")]
            {
                let id = format!("{}{}", kind.prefix(), step.trim_start_matches("chat/"));
                let Some(code) = marks.get(&id) else {
                    problems.push(Problem::new(
                        &page.path,
                        block.line,
                        format!("a diagram of `{step}`, which is no step of the chat server"),
                        "name a step: %% tasks and channels of chat/step-NN",
                    ));
                    break;
                };
                let picture = drawing(&block.body, &format!("({other} only)"));
                for (what, is, fix) in [
                    (
                        code.difference(&picture),
                        "in the code, not in the diagram",
                        "draw it",
                    ),
                    (
                        picture.difference(code),
                        "in the diagram, not in the code",
                        "remove it",
                    ),
                ] {
                    for mark in what {
                        problems.push(Problem::new(
                            &page.path,
                            block.line,
                            format!("{step}: {mark} is {is} ({language})"),
                            format!(
                                "{fix}; what one language alone has says `({language} only)` in its label"
                            ),
                        ));
                    }
                }
            }
        }
    }
    let last = book
        .inventory
        .chat_steps()
        .last()
        .map(|s| format!("chat/{}", s.name));
    if let Some(last) = last.filter(|l| !drawn.contains(l)) {
        problems.push(Problem::new(
            Path::new(inventory::CHAT_RUST),
            0,
            format!("the chat server's last step, `{last}`, is drawn nowhere"),
            format!(
                "draw its tasks and channels in a Mermaid flowchart that says `{DIAGRAM}{last}`"
            ),
        ));
    }
    problems
}

/// The marks of a listing's files, and the spawns and channels unmarked.
fn marks_of(book: &Book, listing: &Listing) -> (BTreeSet<Mark>, Vec<Problem>) {
    let (spawn, channel, ext) = match listing.kind {
        Kind::ChatGo => (r"^\s*go\s|\.Go\(", r"make\(chan\b", "go"),
        _ => (
            r"tokio::spawn\(|\.spawn\(|\.spawn_blocking\(|thread::spawn\(",
            r"mpsc::(unbounded_)?channel\(|oneshot::channel\(|async_channel::(un)?bounded\(|broadcast::channel\(|watch::channel\(",
            "rs",
        ),
    };
    let (spawn, channel) = (Regex::new(spawn).unwrap(), Regex::new(channel).unwrap());
    let task = Regex::new(r"// task: ([\w ]+?)(;.*)?$").unwrap();
    let chan = Regex::new(r"// channel: (\w+), (\w+) -> (\w+)(;.*)?$").unwrap();
    let not_drawn = Regex::new(r"// (task|channel): not drawn;").unwrap();
    let dir = book.inventory.path(listing.source.parent().unwrap());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    let (mut marks, mut problems) = (BTreeSet::new(), Vec::new());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            if let Some(c) = task.captures(line).filter(|_| !not_drawn.is_match(line)) {
                marks.insert(Mark::Task(c[1].trim().to_owned()));
            }
            if let Some(c) = chan.captures(line) {
                marks.insert(Mark::Channel(c[1].into(), c[2].into(), c[3].into()));
            }
            let code = line.split("//").next().unwrap_or_default();
            let above = n
                .checked_sub(1)
                .map(|a| lines[a].trim())
                .unwrap_or_default();
            let marked = |what: &str| {
                let mark = format!("// {what}:");
                line.contains(&mark) || (above.starts_with("//") && above.contains(&mark))
            };
            let relative = file.strip_prefix(&book.root).unwrap_or(&file);
            if spawn.is_match(code) && !marked("task") {
                problems.push(Problem::new(
                    relative,
                    n + 1,
                    "a task started without a `// task:` mark",
                    "say what it is: `// task: NAME`, or `// task: not drawn; WHY`",
                ));
            }
            if channel.is_match(code) && !marked("channel") {
                problems.push(Problem::new(
                    relative,
                    n + 1,
                    "a channel made without a `// channel:` mark",
                    "say what it links: `// channel: NAME, FROM -> TO`, or `// channel: not drawn; WHY`",
                ));
            }
        }
    }
    (marks, problems)
}

/// What a flowchart draws, leaving out what is marked as the other
/// language's only.
fn drawing(body: &str, other_only: &str) -> BTreeSet<Mark> {
    let node = Regex::new(r#"^\s*(\w+)\["([^"]*)"\]\s*$"#).unwrap();
    let edge = Regex::new(r#"^\s*(\w+) -- "(\w+)[^"]*" --> (\w+)\s*$"#).unwrap();
    let mut drawn = BTreeSet::new();
    for line in body.lines().filter(|l| !l.contains(other_only)) {
        if let Some(c) = node.captures(line) {
            drawn.insert(Mark::Task(c[1].to_owned()));
        } else if let Some(c) = edge.captures(line) {
            drawn.insert(Mark::Channel(c[2].into(), c[1].into(), c[3].into()));
        }
    }
    drawn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_is_its_nodes_and_solid_edges_for_one_language() {
        let body = "flowchart LR\n%% tasks and channels of chat/step-07\n\
                    conn[\"conn (one per client)\"]\n\
                    reader[\"reader (Go only)\"]\n\
                    room[\"room\"]\n\
                    conn -- \"cmds: join, leave, publish\" --> room\n\
                    reader -- \"lines (Go only)\" --> conn\n\
                    room -. \"starts\" .-> conn\n";
        let go = drawing(body, "(Rust only)");
        let rust = drawing(body, "(Go only)");
        let task = |n: &str| Mark::Task(n.into());
        let cmds = Mark::Channel("cmds".into(), "conn".into(), "room".into());
        let lines = Mark::Channel("lines".into(), "reader".into(), "conn".into());
        assert_eq!(
            go,
            BTreeSet::from([
                task("conn"),
                task("reader"),
                task("room"),
                cmds.clone(),
                lines
            ])
        );
        assert_eq!(rust, BTreeSet::from([task("conn"), task("room"), cmds]));
    }
}
