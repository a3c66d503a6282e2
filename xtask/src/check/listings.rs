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
