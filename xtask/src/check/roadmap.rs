//! The roadmap page and the sections agree: every item of a written chapter
//! links to the section headed by its own words, and a section that shows a
//! Rust listing starts from the Go one, side by side.

use std::collections::BTreeMap;
use std::path::Path;

use inventory::Kind;

use super::Problem;
use crate::model::{Book, ROADMAP};

pub fn items_link_to_their_sections(book: &Book) -> Vec<Problem> {
    let Some(roadmap) = &book.roadmap else {
        return vec![Problem::new(
            Path::new(ROADMAP),
            1,
            "the roadmap page is missing",
            "restore src/roadmap.md",
        )];
    };
    let chapters = book.chapters();
    let mut problems = Vec::new();
    for item in &roadmap.items {
        let written = chapters.get(&item.chapter).copied().unwrap_or(false);
        let Some(dest) = &item.link else {
            if written {
                problems.push(Problem::new(
                    Path::new(ROADMAP),
                    item.line,
                    format!(
                        "`{}` belongs to a written chapter but links nowhere",
                        item.words
                    ),
                    "link it to its section: `- [item words](chNN-*/page.md#heading-id)`",
                ));
            }
            continue;
        };
        let Some(page) = book.page(&Book::target_of(dest).0) else {
            let what = format!("`{dest}`: no such page");
            problems.push(Problem::new(
                Path::new(ROADMAP),
                item.line,
                what,
                "link to an existing page",
            ));
            continue;
        };
        if page.section(&item.words).is_none() {
            problems.push(Problem::new(
                &page.path,
                1,
                format!(
                    "has no `## {}` section for its roadmap item ({ROADMAP}:{})",
                    item.words, item.line
                ),
                "head the item's section with the item's own words",
            ));
        }
    }
    problems
}

pub fn sections_start_from_go(book: &Book) -> Vec<Problem> {
    let Some(roadmap) = &book.roadmap else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for item in &roadmap.items {
        let Some(dest) = item.link.as_deref() else {
            continue;
        };
        let Some(page) = book.page(&Book::target_of(dest).0) else {
            continue;
        };
        let Some((line, lines)) = page.section(&item.words) else {
            continue;
        };
        let kinds: Vec<Kind> = page
            .expanded
            .shown
            .iter()
            .filter(|s| lines.contains(&s.line) && !s.part)
            .filter_map(|s| book.inventory.get(&s.id).map(|l| l.kind))
            .collect();
        if kinds.contains(&Kind::Rust) && !kinds.contains(&Kind::Go) {
            problems.push(Problem::new(
                &page.path,
                line,
                format!("the section `## {}` has no Go listing beside its Rust one", item.words),
                "add examples/go/chNN-MM-slug/main.go and show it with the section's first Rust \
                 listing: {{#go-rust GO-NAME:ANCHOR RUST-NAME:ANCHOR}} (CONTRIBUTING.md, \"Go listings\")",
            ));
        }
    }
    problems
}

/// A listing named for roadmap item NN.MM (`chNN-MM-slug`) is shown, whole
/// or in part, in that item's section: its name says where it belongs.
/// Listings of items the roadmap does not have (Chapter 2, 4.9) may sit
/// anywhere.
pub fn listings_sit_in_their_items_sections(book: &Book) -> Vec<Problem> {
    let Some(roadmap) = &book.roadmap else {
        return Vec::new();
    };
    // Listing id -> every place it is shown: (page, line, in its section).
    let mut places: BTreeMap<&str, Vec<(&Path, usize, bool)>> = BTreeMap::new();
    for page in &book.pages {
        for shown in &page.expanded.shown {
            let name = shown.id.rsplit('/').next().unwrap_or_default();
            let number = |range: std::ops::Range<usize>| name.get(range)?.parse::<u32>().ok();
            let (Some(chapter), Some(item)) = (number(2..4), number(5..7)) else {
                continue;
            };
            let Some(dest) = roadmap.item(chapter, item).and_then(|i| i.link.as_deref()) else {
                continue;
            };
            let (path, fragment) = Book::target_of(dest);
            let here = page.path == path
                && page
                    .section_with_id(fragment.unwrap_or_default())
                    .is_some_and(|(_, lines)| lines.contains(&shown.line));
            places
                .entry(&shown.id)
                .or_default()
                .push((&page.path, shown.line, here));
        }
    }
    places
        .into_iter()
        .filter(|(_, at)| !at.iter().any(|(_, _, here)| *here))
        .map(|(id, at)| {
            let (page, line, _) = at[0];
            Problem::new(
                page,
                line,
                format!("`{id}` is named for a roadmap item whose section shows no part of it"),
                "show it (or a `| part` of it) in the section its number names, or rename it \
                 for the item whose section shows it",
            )
        })
        .collect()
}
