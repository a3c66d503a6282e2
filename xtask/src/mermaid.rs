//! Mermaid blocks, checked twice: by Mermaid's own parser (the pinned
//! version, in headless Chromium, answers kept until a diagram changes), and
//! by a quick lint for slips that parse but draw the wrong picture, such as
//! a label that Mermaid's Markdown reads as a list.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

use crate::optional;

pub use mdbook_listings::diagrams::SCRIPT;
use mdbook_listings::diagrams::{self, CHROMIUM};

/// What Mermaid itself says of each block: `None` where it parses, its
/// error where it does not. Runs the pinned Mermaid in headless Chromium
/// (about a second), once per change of the diagrams: the answers are kept
/// in `target/mermaid-parse/`. `Ok(None)` when Chromium or the script is
/// missing, with a notice (in CI, a missing Chromium is an error).
pub fn parse(root: &Path, blocks: &[&str]) -> Result<Option<Vec<Option<String>>>> {
    let script = root.join(SCRIPT);
    let Ok(meta) = script.metadata() else {
        eprintln!(
            "xtask check: SKIPPED parsing the diagrams with Mermaid: {SCRIPT} is not there yet \
             (`cargo xtask build` installs it)"
        );
        return Ok(None);
    };
    static FOUND: OnceLock<bool> = OnceLock::new();
    let needs = format!("{CHROMIUM} (apt-get install -y chromium)");
    if !optional::tool(
        &FOUND,
        || Path::new(CHROMIUM).exists(),
        "parsing the diagrams with Mermaid",
        &needs,
    )? {
        return Ok(None);
    }
    let mut hasher = DefaultHasher::new();
    (meta.len(), meta.modified().ok(), blocks).hash(&mut hasher);
    let dir = root.join("target/mermaid-parse");
    let answers = dir.join(format!("{:016x}.json", hasher.finish()));
    if let Ok(kept) = std::fs::read_to_string(&answers) {
        return Ok(Some(serde_json::from_str(&kept)?));
    }
    std::fs::create_dir_all(&dir)?;
    let json = serde_json::to_string(blocks)?.replace("</", "<\\/");
    let html = PARSE_PAGE
        .replace(
            "SCRIPT",
            &format!("file://{}", script.canonicalize()?.display()),
        )
        .replace("BLOCKS", &json);
    let out =
        diagrams::in_chromium(Path::new(CHROMIUM), &dir, &html).map_err(anyhow::Error::msg)?;
    let results: Vec<Option<String>> =
        serde_json::from_str(&out).with_context(|| format!("Mermaid's answer: {out}"))?;
    if results.len() != blocks.len() {
        bail!(
            "Mermaid answered for {} of {} diagrams",
            results.len(),
            blocks.len()
        );
    }
    std::fs::write(&answers, serde_json::to_string(&results)?)?;
    Ok(Some(results))
}

/// The line, within its block, that Mermaid's error names (`Parse error on
/// line 3:`), counting the block's first line as 1.
pub fn error_line(error: &str) -> Option<usize> {
    let rest = error.split_once("on line ")?.1;
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

const PARSE_PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><script src="SCRIPT"></script></head>
<body><pre id="out">pending</pre>
<script id="blocks" type="application/json">BLOCKS</script>
<script>
mermaid.initialize({ startOnLoad: false });
(async () => {
  const blocks = JSON.parse(document.getElementById("blocks").textContent);
  const results = [];
  for (const text of blocks) {
    try {
      await mermaid.parse(text);
      results.push(null);
    } catch (e) {
      results.push(String((e && e.message) || e));
    }
  }
  document.getElementById("out").textContent = JSON.stringify(results);
})();
</script></body></html>
"#;

/// Diagram types mermaid 11 (bundled by mdbook-mermaid 0.17) understands.
const KINDS: &[&str] = &[
    "flowchart",
    "graph",
    "sequenceDiagram",
    "stateDiagram-v2",
    "stateDiagram",
    "classDiagram",
    "erDiagram",
    "gantt",
    "pie",
    "journey",
    "gitGraph",
    "mindmap",
    "timeline",
    "quadrantChart",
    "requirementDiagram",
    "sankey-beta",
    "xychart-beta",
    "block-beta",
    "packet-beta",
    "architecture-beta",
];

/// Problems in one block: (line offset within the block, what is wrong, fix).
pub fn lint(block: &str) -> Vec<(usize, String, String)> {
    let mut problems = Vec::new();
    let mut lines = block
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((first_at, first)) = lines.next() else {
        return vec![(
            0,
            "an empty mermaid block".into(),
            "draw something, or remove the block".into(),
        )];
    };
    let kind = first.split_whitespace().next().unwrap_or_default();
    if !KINDS.contains(&kind) {
        problems.push((
            first_at,
            format!("`{kind}` is not a Mermaid diagram type"),
            format!("start the block with one of: {}", KINDS[..6].join(", ")),
        ));
    }
    let state_diagram = kind.starts_with("stateDiagram");
    for (at, line) in block.lines().enumerate() {
        if state_diagram
            && line.contains("-->")
            && line
                .split_once(':')
                .is_some_and(|(_, label)| label.contains("::"))
        {
            problems.push((
                at,
                "a `::` in a state transition's label".into(),
                "Mermaid reads `::` there as its own syntax and fails to parse: write the path without `::`".into(),
            ));
        }
        if line.matches('"').count() % 2 != 0 {
            problems.push((
                at,
                "an unclosed `\"` in a label".into(),
                "close the quote on the same line".into(),
            ));
        }
        for (open, close) in [('[', ']'), ('(', ')'), ('{', '}')] {
            let quoted = strip_quoted(line);
            if quoted.matches(open).count() != quoted.matches(close).count() {
                problems.push((
                    at,
                    format!("unbalanced `{open}{close}` outside quotes"),
                    "balance the brackets, or put the label text in quotes".into(),
                ));
            }
        }
        for label in quoted_labels(line) {
            let numbered = label
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if numbered {
                problems.push((
                    at,
                    format!("the label \"{label}\" starts like a numbered list"),
                    "Mermaid renders it as \"Unsupported markdown: list\": drop the number".into(),
                ));
            }
        }
    }
    problems
}

fn strip_quoted(line: &str) -> String {
    line.split('"').step_by(2).collect()
}

fn quoted_labels(line: &str) -> Vec<&str> {
    line.split('"').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::lint;

    #[test]
    fn a_good_diagram_passes() {
        assert!(lint("flowchart LR\n    a[\"one (1)\"] --> b{{two}}\n").is_empty());
    }

    #[test]
    fn common_slips_are_caught() {
        assert!(
            lint("flowchat LR\n a --> b\n")[0]
                .1
                .contains("not a Mermaid diagram type")
        );
        assert!(
            lint("flowchart LR\n a[\"open] --> b\n")
                .iter()
                .any(|p| p.1.contains("unclosed"))
        );
        assert!(
            lint("flowchart LR\n a -- \"1. first\" --> b\n")[0]
                .1
                .contains("numbered list")
        );
        assert!(
            lint("flowchart LR\n a[one --> b\n")[0]
                .1
                .contains("unbalanced")
        );
    }
}
