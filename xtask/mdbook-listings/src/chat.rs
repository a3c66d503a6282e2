//! The chat server's parts on a page. A step is a folder of files, hundreds
//! of lines in all, so a page shows it by its anchors: each anchor's lines,
//! then a caption that names the file and how to run the step. With
//! `| diff`, each anchor is shown as what changed since the step before
//! (the same anchor there), or whole, and said to be new, if that step did
//! not have it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use inventory::{Inventory, Kind, Listing};

use crate::{Notes, Problem, Spec, problem};

/// The session of step `name`, `examples/chat/sessions/NAME.txt`.
pub(crate) fn session(inventory: &Inventory, name: &str) -> Result<PathBuf, Problem> {
    let found = inventory
        .sessions
        .iter()
        .find(|s| s.file_stem().is_some_and(|f| f == name));
    found.cloned().ok_or_else(|| {
        let names: Vec<String> = inventory
            .sessions
            .iter()
            .filter_map(|s| Some(s.file_stem()?.to_string_lossy().into_owned()))
            .collect();
        problem(
            format!("no session is named `{name}`"),
            format!(
                "write {}/{name}.txt, or name one of: {}",
                inventory::CHAT_SESSIONS,
                names.join(", ")
            ),
        )
    })
}

pub(crate) fn write(
    out: &mut String,
    spec: &Spec,
    notes: Notes,
    to_root: &str,
    inventory: &Inventory,
) -> Result<(), Problem> {
    let listing = spec.listing;
    if spec.anchors.is_empty() {
        return Err(problem(
            format!(
                "`{}` is a folder of files, too long to show whole",
                listing.id()
            ),
            format!("name the anchors to show: {}:ANCHOR", listing.reference()),
        ));
    }
    let fence = match listing.kind {
        Kind::ChatGo => "go",
        _ => "rust,noplayground",
    };
    let before = match notes.diff {
        true => Some(previous_step(listing, inventory)?),
        false => None,
    };
    let mut files: Vec<&Path> = Vec::new();
    let mut new = Vec::new();
    for anchor in &spec.anchors {
        if !files.contains(&anchor.file.as_path()) {
            files.push(&anchor.file);
        }
        let was = before.and_then(|b| b.anchors.iter().find(|a| a.name == anchor.name));
        let Some(was) = was else {
            if before.is_some() {
                new.push(format!("`{}`", anchor.name));
            }
            let file = anchor.file.display();
            writeln!(
                out,
                "```{fence}\n{{{{#include {to_root}{file}:{}}}}}\n```\n",
                anchor.name
            )
            .unwrap();
            continue;
        };
        let now = anchored(&inventory.path(&anchor.file), &anchor.name)?;
        let then = anchored(&inventory.path(&was.file), &anchor.name)?;
        if now == then {
            return Err(problem(
                format!(
                    "`| diff`: `{}` is the same in `{}`",
                    anchor.name,
                    before.unwrap().id()
                ),
                "show it without `| diff`, or show an anchor that changed",
            ));
        }
        writeln!(out, "```diff\n{}```\n", unified(&then, &now)).unwrap();
    }
    let names: Vec<String> = files.iter().map(|f| format!("`{}`", f.display())).collect();
    let mut caption = names.join(", ");
    if let Some(before) = before {
        write!(caption, " · what changed since `{}`", before.name).unwrap();
        if !new.is_empty() {
            write!(caption, " ({} new)", new.join(", ")).unwrap();
        }
    }
    if !notes.part {
        write!(caption, " · `{}`", listing.run_command()).unwrap();
        if let Some(note) = notes.caption {
            write!(caption, "; {note}").unwrap();
        }
    }
    writeln!(out, "<span class=\"caption\">{caption}</span>\n").unwrap();
    Ok(())
}

/// The same part of the chat server one step earlier.
fn previous_step<'a>(listing: &Listing, inventory: &'a Inventory) -> Result<&'a Listing, Problem> {
    let number: Option<u32> = listing
        .name
        .strip_prefix("step-")
        .and_then(|n| n.parse().ok());
    let earlier = number
        .filter(|&n| n > 1)
        .map(|n| format!("{}step-{:02}", listing.kind.prefix(), n - 1))
        .and_then(|id| inventory.get(&id));
    earlier.ok_or_else(|| {
        problem(
            format!(
                "`| diff` of `{}`, which has no step before it",
                listing.id()
            ),
            "show the first step, the library and the load generator as they are",
        )
    })
}

/// An anchor's lines, as `{{#include FILE:ANCHOR}}` shows them.
fn anchored(path: &Path, name: &str) -> Result<String, Problem> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| problem(format!("{}: {e}", path.display()), "restore the file"))?;
    let (mut open, mut lines) = (false, String::new());
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(anchor) = trimmed.strip_prefix("// ANCHOR:") {
            open |= anchor.trim() == name;
        } else if let Some(anchor) = trimmed.strip_prefix("// ANCHOR_END:") {
            open &= anchor.trim() != name;
        } else if open {
            lines.push_str(line);
            lines.push('\n');
        }
    }
    Ok(lines)
}

/// `then` to `now` as unified diff hunks, three lines of context each, the
/// file headers and line numbers left out.
pub(crate) fn unified(then: &str, now: &str) -> String {
    let diff = similar::TextDiff::from_lines(then, now);
    let mut out = String::new();
    for (i, hunk) in diff
        .unified_diff()
        .context_radius(3)
        .iter_hunks()
        .enumerate()
    {
        if i > 0 {
            out.push_str("@@\n");
        }
        for change in hunk.iter_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
                similar::ChangeTag::Equal => ' ',
            };
            out.push(sign);
            out.push_str(change.value().trim_end_matches('\n'));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_diff_has_its_changes_and_their_context_only() {
        let then = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
        let now = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nK\n";
        assert_eq!(
            super::unified(then, now),
            " a\n-b\n+B\n c\n d\n e\n@@\n h\n i\n j\n-k\n+K\n"
        );
    }
}
