//! Every listing of the inventory is shown, whole, exactly once, with its
//! recorded output; nothing recorded is left over from a listing that is gone.

use std::collections::BTreeMap;
use std::path::PathBuf;

use inventory::Kind;

use super::Problem;
use crate::model::Book;

/// Where each listing is shown: id -> [(page, line, part)].
fn shown(book: &Book) -> BTreeMap<String, Vec<(PathBuf, usize, bool)>> {
    let mut shown: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for page in &book.pages {
        for s in &page.expanded.shown {
            let place = (page.path.clone(), s.line, s.part);
            shown.entry(s.id.clone()).or_default().push(place);
        }
    }
    shown
}

pub fn each_is_shown_once(book: &Book) -> Vec<Problem> {
    let shown = shown(book);
    let mut problems = Vec::new();
    for listing in &book.inventory.listings {
        let id = listing.id();
        let whole: Vec<_> = shown
            .get(&id)
            .into_iter()
            .flatten()
            .filter(|(_, _, part)| !part)
            .collect();
        match whole.as_slice() {
            [] => problems.push(Problem::new(
                &listing.source,
                1,
                "this listing is shown on no page",
                match listing.kind {
                    Kind::ChatGo | Kind::ChatRust => format!(
                        "show it, with its twin, on the page of the chapter it belongs to: \
                         {{{{#go-rust chat/{0}:ANCHOR chat/{0}:ANCHOR}}}}",
                        listing.name
                    ),
                    Kind::Go => format!(
                        "show it beside its Rust counterpart where it is explained: \
                         {{{{#go-rust {} RUST-NAME.rs:ANCHOR}}}}",
                        listing.name
                    ),
                    _ => format!(
                        "show it where it is explained: {{{{#listing {}:ANCHOR}}}}",
                        listing.reference()
                    ),
                },
            )),
            [_] => {}
            [(first, line, _), again @ ..] => {
                for (page, at, _) in again {
                    problems.push(Problem::new(
                        page,
                        *at,
                        format!("`{id}` is already shown at {}:{line}", first.display()),
                        "show a listing once; elsewhere, show a piece of it with `| part`, \
                         or link to its section",
                    ));
                }
            }
        }
    }
    problems
}

/// Every exercise is on exactly one page, of its own chapter.
pub fn each_exercise_is_shown_once_in_its_chapter(book: &Book) -> Vec<Problem> {
    let shown = shown(book);
    let mut problems = Vec::new();
    for exercise in &book.inventory.exercises {
        let places = shown.get(&exercise.id()).map_or(&[][..], Vec::as_slice);
        let chapter = exercise.chapter().map(|n| format!("src/ch{n:02}-"));
        match places {
            [] => problems.push(Problem::new(
                &exercise.starter,
                1,
                "this exercise is shown on no page",
                format!(
                    "show it on its chapter's exercises page: {{{{#exercise {}}}}}",
                    exercise.name
                ),
            )),
            [(page, line, _), again @ ..] => {
                let in_chapter = chapter
                    .as_deref()
                    .is_some_and(|c| page.to_string_lossy().starts_with(c));
                if !in_chapter {
                    problems.push(Problem::new(
                        page,
                        *line,
                        format!("`{}` is named for another chapter", exercise.id()),
                        "show it in the chapter its name starts with (chNN-), or rename it",
                    ));
                }
                for (page, at, _) in again {
                    problems.push(Problem::new(
                        page,
                        *at,
                        format!(
                            "`{}` is already shown at {}:{line}",
                            exercise.id(),
                            places[0].0.display()
                        ),
                        "show an exercise once",
                    ));
                }
            }
        }
    }
    problems
}

/// `| part` shows only code: the whole listing, with its caption and
/// output, must be on the same page.
pub fn parts_stay_beside_their_listing(book: &Book) -> Vec<Problem> {
    let shown = shown(book);
    let mut problems = Vec::new();
    for (id, places) in &shown {
        for (page, line, _) in places.iter().filter(|(_, _, part)| *part) {
            let whole_here = places.iter().any(|(p, _, part)| !part && p == page);
            if !whole_here {
                problems.push(Problem::new(
                    page,
                    *line,
                    format!("a part of `{id}`, whose whole listing is not on this page"),
                    format!(
                        "show it whole here with {{{{#listing {id}:ANCHOR}}}}, or drop `| part`"
                    ),
                ));
            }
        }
    }
    problems
}

/// What a page shows beside a listing must have been recorded by running it.
pub fn outputs_are_recorded(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for listing in &book.inventory.listings {
        let missing = |file: String, how: String| {
            Problem::new(&listing.source, 1, format!("`{file}` is missing"), how)
        };
        let bless = format!("record it with `cargo xtask bless {}`", listing.name);
        match listing.kind {
            Kind::Rust | Kind::Go if listing.stdout.is_none() => {
                problems.push(missing(
                    listing.stdout_path().display().to_string(),
                    bless.clone(),
                ));
            }
            Kind::CompileFail if listing.stderr.is_none() => {
                problems.push(missing(
                    listing.stderr_path().display().to_string(),
                    bless.clone(),
                ));
            }
            _ => {}
        }
        if listing.bench.is_some() && listing.bench_txt.is_none() {
            let file = listing.source.with_extension("bench.txt");
            let how = format!(
                "record it on an idle machine with `cargo xtask bench {}`",
                listing.name
            );
            problems.push(missing(file.display().to_string(), how));
        }
        if listing.loom_model && listing.loom_txt.is_none() {
            let file = listing.source.with_extension("loom.txt");
            problems.push(missing(file.display().to_string(), bless.clone()));
        }
        if listing.race_expected && listing.race_txt.is_none() {
            let file = listing.source.with_file_name("main.race.txt");
            problems.push(missing(file.display().to_string(), bless));
        }
        if let Some(report) = listing.race_txt.as_ref().filter(|_| !listing.race_expected) {
            problems.push(Problem::new(
                report,
                1,
                "a race report, for a listing that does not declare `// race: expected`",
                "delete it, or declare the race at the top of main.go".to_owned(),
            ));
        }
    }
    problems
}

pub fn no_stale_outputs(book: &Book) -> Vec<Problem> {
    book.inventory
        .strays
        .iter()
        .map(|stray| {
            Problem::new(
                stray,
                1,
                "stale recorded output: its listing is gone",
                "delete it (was the listing renamed? record the new name with `cargo xtask bless NAME`)",
            )
        })
        .collect()
}

/// A listing shown in part shows what its section is about: of the code
/// spans its section names (`` `sem <- struct{}{}` ``, `` `JoinSet` ``), the
/// ones that occur in the listing's code, outside comments, are not all in
/// lines the page hides. A section that names nothing of its listing's code
/// says nothing to check.
pub fn each_shows_its_idiom(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in &book.pages {
        let lines: Vec<&str> = page.text.lines().collect();
        for (line, listings) in directives(book, page) {
            let top = (page.headings.iter().map(|h| h.line))
                .filter(|&l| l <= line)
                .max()
                .unwrap_or(1);
            let bottom = (page.headings.iter().map(|h| h.line))
                .find(|&l| l > line)
                .unwrap_or(lines.len() + 1);
            let section = lines[top - 1..bottom - 1].join("\n");
            let named: std::collections::BTreeSet<String> =
                mdbook_listings::sources::code_spans(&section)
                    .into_iter()
                    .map(|(_, code)| code)
                    .filter(|code| is_construct(code))
                    .collect();
            for (listing, anchors) in listings {
                let Some((shown, all)) = code_of(book, listing, &anchors) else {
                    continue;
                };
                let in_code: Vec<&String> =
                    named.iter().filter(|c| all.contains(c.as_str())).collect();
                if !in_code.is_empty() && !in_code.iter().any(|c| shown.contains(c.as_str())) {
                    let names: Vec<String> = in_code.iter().map(|c| format!("`{c}`")).collect();
                    problems.push(Problem::new(
                        &page.path,
                        line,
                        format!(
                            "the section names {}, which {} has only in the lines this page hides",
                            names.join(", "),
                            listing.id()
                        ),
                        "put an anchor around the lines that use it and show that anchor too, or name in the prose what the shown lines use",
                    ));
                }
            }
        }
    }
    problems
}

/// A code span that names code: not a path, a command or a bare `main`.
fn is_construct(code: &str) -> bool {
    code.len() >= 3
        && code.chars().any(|c| c.is_ascii_alphabetic())
        && !code.contains('/')
        && !code.starts_with("cargo ")
        && !code.starts_with("go ")
        && !["main", "fn main", "func main", "main()"].contains(&code)
}

/// A listing a directive shows, with the anchors it names.
type ShownPart<'b> = (&'b inventory::Listing, Vec<String>);

/// The listings each directive of a page shows, at the directive's line.
fn directives<'b>(book: &'b Book, page: &crate::model::Page) -> Vec<(usize, Vec<ShownPart<'b>>)> {
    let lines: Vec<&str> = page.text.lines().collect();
    let mut found: Vec<(usize, Vec<ShownPart<'b>>)> = Vec::new();
    for shown in &page.expanded.shown {
        let Some(text) = lines.get(shown.line.wrapping_sub(1)) else {
            continue;
        };
        let Some(args) = ["{{#listing ", "{{#go-rust "]
            .iter()
            .find_map(|d| text.trim().strip_prefix(d))
        else {
            continue;
        };
        let specs: Vec<&str> = args
            .split(['|', '}'])
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let Some(listing) = book.inventory.get(&shown.id) else {
            continue;
        };
        // The n-th listing shown at this line is the n-th spec.
        let at = match found.last_mut() {
            Some((l, listings)) if *l == shown.line => listings,
            _ => {
                found.push((shown.line, Vec::new()));
                &mut found.last_mut().unwrap().1
            }
        };
        let Some(spec) = specs.get(at.len()) else {
            continue;
        };
        let anchors = spec
            .split_once(':')
            .map(|(_, a)| a.split(',').map(str::to_owned).collect())
            .unwrap_or_default();
        at.push((listing, anchors));
    }
    found
}

/// A listing's code as the page shows it (its anchors' lines, or the whole
/// file) and whole, both without comments. None for a benchmark half.
fn code_of(
    book: &Book,
    listing: &inventory::Listing,
    anchors: &[String],
) -> Option<(String, String)> {
    let strip = |text: &str| -> String {
        text.lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    };
    if !matches!(listing.kind, Kind::Rust | Kind::Go | Kind::CompileFail) {
        return None;
    }
    let mut files: Vec<PathBuf> = vec![listing.source.clone()];
    for anchor in &listing.anchors {
        if !files.contains(&anchor.file) {
            files.push(anchor.file.clone());
        }
    }
    let (mut shown, mut all) = (String::new(), String::new());
    for file in &files {
        let text = std::fs::read_to_string(book.inventory.path(file)).ok()?;
        all += &strip(&text);
        if anchors.is_empty() {
            if file == &listing.source {
                shown += &strip(&text);
            }
            continue;
        }
        let mut open: Vec<&str> = Vec::new();
        for line in text.lines() {
            let trimmed = line.trim();
            if let Some(name) = trimmed.strip_prefix("// ANCHOR:") {
                open.push(name.trim());
            } else if let Some(name) = trimmed.strip_prefix("// ANCHOR_END:") {
                open.retain(|n| *n != name.trim());
            } else if open.iter().any(|n| anchors.iter().any(|a| a == n)) {
                shown += &strip(line);
                shown.push('\n');
            }
        }
    }
    Some((shown, all))
}
