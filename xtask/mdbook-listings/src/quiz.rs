//! Quizzes: `src/quizzes/NAME.toml`, shown with `{{#quiz NAME}}`.
//!
//! A question about a program takes its answer from reality, and a change
//! of the program that makes the answer wrong is a problem (so `cargo xtask
//! check` and the build fail):
//!
//! - `type = "output"`: "what does it print?" The program is a listing of
//!   `examples/` with an exact recorded stdout; the chosen answer must be
//!   that output, and no other choice may be.
//! - `type = "compiles"`: "does it compile?" The program is a listing (it
//!   compiles) or a compile-fail listing (it does not, and its recorded
//!   error is shown with the answer); `answer` must say which.
//! - `type = "choice"`: a judgment. Its `why` must link to the section that
//!   argues it.
//!
//! Every question has a `why`, shown once the reader has answered (or, with
//! no JavaScript, behind a reveal). `theme/js/quiz.js` makes the choices
//! clickable and keeps the score in the browser.

use std::fmt::Write as _;

use inventory::{Inventory, Kind, Listing};
use serde::Deserialize;

use crate::{Problem, Shown, problem};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, tag = "type", rename_all = "lowercase")]
enum Question {
    Output {
        program: String,
        prompt: String,
        choices: Vec<String>,
        answer: usize,
        why: String,
    },
    Compiles {
        program: String,
        prompt: String,
        answer: bool,
        why: String,
    },
    Choice {
        prompt: String,
        choices: Vec<String>,
        answer: usize,
        why: String,
    },
}

/// Writes quiz `name` into `out`; returns the listings it shows.
pub(crate) fn write(
    name: &str,
    inventory: &Inventory,
    to_root: &str,
    line: usize,
    out: &mut String,
) -> Result<Vec<Shown>, Problem> {
    let file = inventory
        .quizzes
        .iter()
        .find(|q| q.file_stem().is_some_and(|s| s == name))
        .ok_or_else(|| {
            let names: Vec<String> = inventory
                .quizzes
                .iter()
                .filter_map(|q| Some(q.file_stem()?.to_string_lossy().into_owned()))
                .collect();
            problem(
                format!("no quiz is named `{name}`"),
                format!("name a file of src/quizzes/: {}", names.join(", ")),
            )
        })?;
    let path = inventory.path(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| problem(format!("{}: {e}", file.display()), "restore it"))?;
    let quiz: QuizFile = toml::from_str(&text).map_err(|e| {
        problem(
            format!("{} cannot be read: {e}", file.display()),
            "see xtask/mdbook-listings/src/quiz.rs for the questions' shape",
        )
    })?;
    let mut shown = Vec::new();
    writeln!(out, "<div class=\"quiz\" data-quiz=\"{name}\">\n").unwrap();
    for (n, question) in quiz.question.iter().enumerate() {
        let at = |what: String| {
            problem(
                format!("{} question {}: {what}", file.display(), n + 1),
                "make the question agree with the program: its recorded output \
                 (`cargo xtask bless NAME` records it again) or whether it compiles",
            )
        };
        let (prompt, why) = match question {
            Question::Output { prompt, why, .. }
            | Question::Compiles { prompt, why, .. }
            | Question::Choice { prompt, why, .. } => (prompt, why),
        };
        let (choices, answer, program) = check(question, inventory).map_err(at)?;
        writeln!(out, "<div class=\"question\" data-answer=\"{answer}\">\n").unwrap();
        writeln!(out, "**{}.** {prompt}\n", n + 1).unwrap();
        if let Some(listing) = program {
            // A `quiz-…` program is the quiz's own; a listing of the page
            // that a question asks about again is shown there whole.
            shown.push(Shown {
                line,
                id: listing.id(),
                part: !listing.name.starts_with("quiz-"),
            });
            // No Run button: running it would give the answer away.
            let source = listing.source.display();
            writeln!(
                out,
                "```rust,noplayground\n{{{{#include {to_root}{source}}}}}\n```\n"
            )
            .unwrap();
        }
        for choice in &choices {
            writeln!(out, "<div class=\"choice\">\n\n{choice}\n\n</div>").unwrap();
        }
        let error = match (question, program) {
            (Question::Compiles { .. }, Some(l)) if l.kind == Kind::CompileFail => {
                l.stderr.as_ref()
            }
            _ => None,
        };
        writeln!(
            out,
            "\n<details class=\"why\">\n<summary>The answer</summary>\n\n{why}\n"
        )
        .unwrap();
        if let Some(stderr) = error {
            writeln!(
                out,
                "```text\n{{{{#include {to_root}{}}}}}\n```\n",
                stderr.display()
            )
            .unwrap();
        }
        writeln!(out, "</details>\n</div>\n").unwrap();
    }
    writeln!(out, "</div>").unwrap();
    Ok(shown)
}

/// The choices as the page shows them, the right one's index, and the
/// program, after checking the answer against reality.
fn check<'a>(
    question: &Question,
    inventory: &'a Inventory,
) -> Result<(Vec<String>, usize, Option<&'a Listing>), String> {
    let program =
        |id: &str| crate::lookup(inventory, id).map_err(|p| format!("{} ({})", p.what, p.fix));
    match question {
        Question::Output {
            program: id,
            choices,
            answer,
            ..
        } => {
            let listing = program(id)?;
            if listing.kind != Kind::Rust
                || !listing.output.varies.is_empty()
                || listing.output.any_order
            {
                return Err(format!(
                    "`{id}` must be a Rust listing whose output is exact"
                ));
            }
            let stdout = listing
                .stdout
                .as_ref()
                .ok_or_else(|| format!("`{id}` has no recorded stdout"))?;
            let printed =
                std::fs::read_to_string(inventory.path(stdout)).map_err(|e| e.to_string())?;
            let right: Vec<usize> = (0..choices.len())
                .filter(|&c| choices[c].trim_end() == printed.trim_end())
                .collect();
            if right != [*answer] {
                return Err(format!(
                    "the answer must be the one choice equal to what `{id}` printed ({}), \
                     which is choice {right:?}, not {answer}: the program changed, or the choices",
                    stdout.display()
                ));
            }
            let shown = choices
                .iter()
                .map(|c| format!("```text\n{}\n```", c.trim_end()))
                .collect();
            Ok((shown, *answer, Some(listing)))
        }
        Question::Compiles {
            program: id,
            answer,
            ..
        } => {
            let listing = program(id)?;
            let compiles = match listing.kind {
                Kind::Rust => true,
                Kind::CompileFail => false,
                _ => return Err(format!("`{id}` must be a Rust or compile-fail listing")),
            };
            if compiles != *answer {
                return Err(format!(
                    "`answer = {answer}`, but `{id}` {}",
                    if compiles {
                        "compiles"
                    } else {
                        "does not compile"
                    }
                ));
            }
            let choices = vec!["It compiles.".to_owned(), "It does not compile.".to_owned()];
            Ok((choices, usize::from(!compiles), Some(listing)))
        }
        Question::Choice {
            choices,
            answer,
            why,
            ..
        } => {
            if *answer >= choices.len() {
                return Err(format!(
                    "answer {answer} is not one of the {} choices",
                    choices.len()
                ));
            }
            if !why.contains("](") {
                return Err("a judgment's `why` links to the section that argues it".to_owned());
            }
            Ok((choices.clone(), *answer, None))
        }
    }
}
