//! Figures the book gives on more than one page (`src/figures.json`): the
//! same quantity, read from each recording that shows it, must agree within
//! a stated factor, or the book must say why they differ.

use std::fs;

use regex::Regex;
use serde::Deserialize;

use super::Problem;
use crate::model::Book;

pub const FILE: &str = "src/figures.json";

#[derive(Deserialize)]
struct Figures {
    figures: Vec<Figure>,
}

#[derive(Deserialize)]
struct Figure {
    quantity: String,
    factor: f64,
    /// The section that explains a difference beyond `factor`.
    explained: Option<String>,
    sources: Vec<Source>,
}

#[derive(Deserialize)]
struct Source {
    file: String,
    pattern: String,
    unit: String,
    per: f64,
}

/// A value in the base unit of its kind: seconds or bytes.
fn in_base_unit(value: f64, unit: &str) -> Option<f64> {
    let scale = match unit {
        "ns" => 1e-9,
        "µs" | "us" => 1e-6,
        "ms" => 1e-3,
        "s" => 1.0,
        "B" => 1.0,
        "KiB" => 1024.0,
        "MiB" => 1024.0 * 1024.0,
        _ => return None,
    };
    Some(value * scale)
}

/// Each figure's recordings agree within its factor, or its `explained`
/// section exists.
pub fn figures_agree(book: &Book) -> Vec<Problem> {
    let path = std::path::Path::new(FILE);
    let problem = |line: usize, what: String, fix: &str| Problem::new(path, line, what, fix);
    let Ok(text) = fs::read_to_string(book.root.join(FILE)) else {
        return vec![problem(
            1,
            format!("{FILE} is missing"),
            "restore it from git",
        )];
    };
    let figures: Figures = match serde_json::from_str(&text) {
        Ok(f) => f,
        Err(e) => return vec![problem(e.line(), format!("{FILE}: {e}"), "fix the JSON")],
    };
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map_or(1, |n| n + 1)
    };
    let mut problems = Vec::new();
    for figure in &figures.figures {
        let line = line_of(&figure.quantity);
        let mut values = Vec::new();
        for source in &figure.sources {
            let recorded = fs::read_to_string(book.root.join(&source.file)).unwrap_or_default();
            let value = Regex::new(&source.pattern)
                .ok()
                .and_then(|re| re.captures(&recorded))
                .and_then(|c| c.get(1)?.as_str().parse::<f64>().ok())
                .and_then(|v| in_base_unit(v / source.per, &source.unit));
            match value {
                Some(v) => values.push((v, &source.file)),
                None => problems.push(problem(
                    line_of(&source.pattern.replace('\\', "\\\\")),
                    format!(
                        "{}: `{}` finds no number in {} ({})",
                        figure.quantity, source.pattern, source.file, source.unit
                    ),
                    "fix the pattern or the unit: the recording changed",
                )),
            }
        }
        let (Some(low), Some(high)) = (
            values.iter().min_by(|a, b| a.0.total_cmp(&b.0)),
            values.iter().max_by(|a, b| a.0.total_cmp(&b.0)),
        ) else {
            continue;
        };
        if high.0 <= low.0 * figure.factor {
            continue;
        }
        let explained = figure.explained.as_ref().is_some_and(|at| {
            let (file, id) = at.split_once('#').unwrap_or((at, ""));
            book.page(&std::path::Path::new("src").join(file))
                .is_some_and(|p| id.is_empty() || p.headings.iter().any(|h| h.id == id))
        });
        if !explained {
            problems.push(problem(
                line,
                format!(
                    "{}: {} gives {:.3e} and {} gives {:.3e}, {:.1}x apart (more than {}x)",
                    figure.quantity,
                    low.1,
                    low.0,
                    high.1,
                    high.0,
                    high.0 / low.0,
                    figure.factor
                ),
                "re-record the one that is off, or explain the difference on a page and \
                 point `explained` at its section",
            ));
        }
    }
    problems
}
