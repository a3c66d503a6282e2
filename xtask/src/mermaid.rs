//! A quick lint of Mermaid blocks, for mistakes that render as an error box
//! or as the wrong picture. The browser tests render every diagram for real;
//! this catches the common slips in a second, with the line.

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
