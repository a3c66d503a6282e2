//! The playground's crate list (`src/playground-crates.json`), which tells
//! `theme/js/playground.js` online whether the Rust playground can run a
//! listing, names every crate a listing may use, at a version compatible
//! with the one Cargo.lock resolves.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::Problem;
use crate::model::Book;

pub const FILE: &str = "src/playground-crates.json";

/// The file's shape; `about`, `taken` and `source` say where it comes from,
/// for its readers: the rules read only `has` and `lacks`.
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaygroundCrates {
    pub about: String,
    pub taken: String,
    pub source: String,
    /// Crate (as code names it) -> what the playground offers.
    pub has: BTreeMap<String, Offered>,
    pub lacks: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offered {
    pub version: String,
    pub features: Vec<String>,
}

/// The line of the file that names `lib`, or its first.
fn line_of(book: &Book, lib: &str) -> usize {
    let text = fs::read_to_string(book.root.join(FILE)).unwrap_or_default();
    let quoted = format!("\"{lib}\"");
    text.lines()
        .position(|l| l.contains(&quoted))
        .map_or(1, |n| n + 1)
}

fn read(book: &Book) -> Result<PlaygroundCrates, Problem> {
    let path = book.root.join(FILE);
    let unreadable = |what: String| {
        Problem::new(
            Path::new(FILE),
            1,
            what,
            "restore src/playground-crates.json from git, or fix it to the shape in \
             xtask/src/check/playground.rs",
        )
    };
    let text = fs::read_to_string(&path).map_err(|_| {
        unreadable(
            "the playground's crate list is missing; online, no Run button would know \
             whether the playground can run its listing"
                .into(),
        )
    })?;
    serde_json::from_str(&text).map_err(|e| unreadable(format!("cannot read it: {e}")))
}

pub fn lists_every_crate(book: &Book) -> Vec<Problem> {
    let list = match read(book) {
        Ok(list) => list,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    for krate in &book.crates {
        if !list.has.contains_key(&krate.lib) && !list.lacks.contains(&krate.lib) {
            problems.push(Problem::new(
                Path::new(FILE),
                1,
                format!(
                    "the dependency `{}` is in neither `has` nor `lacks`",
                    krate.lib
                ),
                "look it up in the playground's crate list and record it, with the date",
            ));
        }
    }
    for listed in list.has.keys().chain(&list.lacks) {
        if !book.crates.iter().any(|k| &k.lib == listed) {
            problems.push(Problem::new(
                Path::new(FILE),
                line_of(book, listed),
                format!("`{listed}` is not a dependency of the listings"),
                "remove it: the list names only Cargo.toml's [dependencies]",
            ));
        }
    }
    problems
}

/// A listing tested against one version may not compile on the playground's
/// if the two are semver-incompatible. A compatible older minor version may
/// still lack an API a listing uses: online, Run is the playground's best
/// effort; locally, the runner links exactly the tested versions.
pub fn versions_match_the_lock(book: &Book) -> Vec<Problem> {
    let Ok(list) = read(book) else {
        return Vec::new(); // reported by lists_every_crate
    };
    let mut problems = Vec::new();
    for krate in &book.crates {
        let Some(offered) = list.has.get(&krate.lib) else {
            continue;
        };
        let compatible = cargo_metadata::semver::Version::parse(&offered.version).is_ok_and(|v| {
            let locked = &krate.version;
            v.major == locked.major && (v.major > 0 || v.minor == locked.minor)
        });
        if !compatible {
            problems.push(Problem::new(
                Path::new(FILE),
                line_of(book, &krate.lib),
                format!(
                    "the playground offers {} {}, semver-incompatible with Cargo.lock's {}",
                    krate.lib, offered.version, krate.version
                ),
                "move the listing to the playground's version, or list the crate under `lacks` \
                 (its Run button is then hidden online)",
            ));
        }
    }
    problems
}
