//! SUMMARY.md and the pages agree: each entry has its page, each page an entry.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Problem;
use crate::model::{Book, SUMMARY};

pub fn every_entry_has_its_page(book: &Book) -> Vec<Problem> {
    book.summary_links()
        .into_iter()
        .filter_map(|(name, location, line)| {
            let location = location?; // a draft: listed, not yet written
            book.page(&location).is_none().then(|| {
                Problem::new(
                    Path::new(SUMMARY),
                    line,
                    format!(
                        "`{name}` names {}, which does not exist",
                        location.display()
                    ),
                    "create the page, or make the entry a draft chapter: `- [Title]()`",
                )
            })
        })
        .collect()
}

pub fn every_page_is_listed(book: &Book) -> Vec<Problem> {
    let listed: BTreeSet<PathBuf> = book
        .summary_links()
        .into_iter()
        .filter_map(|(_, location, _)| location)
        .collect();
    book.pages
        .iter()
        .filter(|p| p.path != Path::new(SUMMARY) && !listed.contains(&p.path))
        .map(|p| {
            Problem::new(
                &p.path,
                1,
                "this page is not in SUMMARY.md, so the book never shows it",
                "add it to src/SUMMARY.md, or delete it",
            )
        })
        .collect()
}
