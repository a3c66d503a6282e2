//! Diagrams drawn before the reader arrives. Each ```` ```mermaid ```` block
//! becomes inline SVG, drawn at build time by the Mermaid the book bundles
//! (`src/mermaid/mermaid.min.js`) in headless Chromium: once in Mermaid's
//! `default` theme and once in its `dark` one, each in a fresh page, so that
//! the two drawings differ only in their style sheets. The page then carries
//! one drawing with both style sheets, the dark one applying on screen under
//! the book's dark themes (`DARK_THEMES`); a diagram whose two drawings differ
//! otherwise is carried twice, and `theme/css/diagrams.css` shows the one
//! that fits. A page then needs no 2.6 MB script, and the diagrams are there
//! in the print page (light) and without JavaScript.
//!
//! Drawings are kept in `target/mermaid-svg/`, by a hash of the block and of
//! the script, so a rebuild draws only the diagrams that changed. Without
//! Chromium or the script, the blocks are left as they are: mdbook-mermaid
//! turns them into `<pre class="mermaid">`, which `theme/js/mermaid-loader.js`
//! draws in the browser, as before; the pages with diagrams then carry that
//! script inline (`LOADER`).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

/// The script that draws the diagrams in the browser, where they could not
/// be drawn at build time (linted with the book's other scripts).
pub const LOADER: &str = include_str!("../../../theme/js/mermaid-loader.js");

/// Debian's Chromium, where the browser tests find it too.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The script mdbook-mermaid 0.17.1 bundles (`cargo xtask` writes it).
pub const SCRIPT: &str = "src/mermaid/mermaid.min.js";
/// Mermaid's two themes, as the drawings' file names and CSS classes say them.
const THEMES: [(&str, &str); 2] = [("light", "default"), ("dark", "dark")];
/// mdBook's dark themes, under which a diagram shows its dark style sheet.
pub const DARK_THEMES: [&str; 3] = ["coal", "navy", "ayu"];
/// Changes when drawings are made differently, so kept ones are redrawn.
const DRAWING: &str = "one fresh page per drawing, v2";

/// Every fenced ```` ```mermaid ```` block of a page: its range (the fences
/// included) and its text.
pub fn mermaid_blocks(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut body = String::new();
    for (event, range) in new_cmark_parser(text, &MarkdownOptions::default()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.trim() == "mermaid" =>
            {
                open = Some(range);
                body.clear();
            }
            Event::Text(t) if open.is_some() => body.push_str(&t),
            Event::End(_) if open.is_some() => {
                found.push((open.take().unwrap(), std::mem::take(&mut body)));
            }
            _ => {}
        }
    }
    found
}

/// A diagram drawn in both themes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub light: String,
    pub dark: String,
}

/// The markup that replaces a block: one drawing with both style sheets, or,
/// if the two drawings differ in more than style, both. Each SVG is on one
/// line, so that it stays one HTML block in Markdown.
pub fn markup(drawn: &Drawn) -> String {
    let (_, light_body) = split_style(&drawn.light);
    let (dark_style, dark_body) = split_style(&drawn.dark);
    let Some(id) = svg_id(&drawn.light) else {
        return String::new();
    };
    if light_body == dark_body {
        // `#ID .node` becomes `:is(html.coal, …) #ID .node`: more specific than
        // the light rule it overrides, and only on screen, never on paper.
        let dark_themes: Vec<String> = DARK_THEMES.iter().map(|t| format!("html.{t}")).collect();
        // Only the rules the dark sheet changes.
        let light_rules = rules(split_style(&drawn.light).0);
        let changed: String = rules(dark_style)
            .into_iter()
            .filter(|rule| !light_rules.contains(rule))
            .collect();
        let scoped = changed.replace(
            &format!("#{id}"),
            &format!(":is({}) #{id}", dark_themes.join(", ")),
        );
        let svg = drawn.light.replacen(
            "</style>",
            &format!("</style><style>@media screen {{ {scoped} }}</style>"),
            1,
        );
        return format!("\n<div class=\"diagram\">{svg}</div>\n");
    }
    // Two drawings on one page need two ids.
    let dark = drawn.dark.replace(&id, &format!("{id}-dark"));
    format!(
        "\n<div class=\"diagram\">\n<div class=\"diagram-light\">{}</div>\n<div class=\"diagram-dark\">{dark}</div>\n</div>\n",
        drawn.light
    )
}

/// A style sheet's top-level rules (`@keyframes` blocks whole).
fn rules(style: &str) -> Vec<&str> {
    let (mut found, mut depth, mut start) = (Vec::new(), 0usize, 0);
    for (at, c) in style.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    found.push(style[start..=at].trim());
                    start = at + 1;
                }
            }
            _ => {}
        }
    }
    found
}

/// The `id` of a drawing's root `<svg>`.
fn svg_id(svg: &str) -> Option<String> {
    let open = &svg[..svg.find('>')?];
    let at = open.find(" id=\"")? + 5;
    Some(open[at..].split('"').next()?.to_owned())
}

/// A drawing's first style sheet, and the drawing without it.
fn split_style(svg: &str) -> (&str, String) {
    let Some(start) = svg.find("<style>") else {
        return ("", svg.to_owned());
    };
    let Some(len) = svg[start..].find("</style>") else {
        return ("", svg.to_owned());
    };
    let style = &svg[start + 7..start + len];
    (
        style,
        format!("{}{}", &svg[..start], &svg[start + len + 8..]),
    )
}

/// `text` with each block that `drawn` has a drawing for replaced by it.
pub fn inline(text: &str, drawn: &dyn Fn(&str) -> Option<Drawn>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, body) in mermaid_blocks(text) {
        if let Some(d) = drawn(&body) {
            out.push_str(&text[at..range.start]);
            out.push_str(&markup(&d));
            at = range.end;
        }
    }
    out.push_str(&text[at..]);
    out
}

fn key(script_len: u64, body: &str) -> String {
    let mut hasher = DefaultHasher::new();
    (DRAWING, script_len, body).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Draws `bodies` (kept drawings are reused), or says why it cannot: no
/// Chromium at `chromium`, no script, or a drawing that failed.
pub fn draw(root: &Path, chromium: &Path, bodies: &[String]) -> Result<Vec<Drawn>, String> {
    let script = root.join(SCRIPT);
    let len = script
        .metadata()
        .map_err(|_| format!("{SCRIPT} is not there (`cargo xtask build` writes it)"))?
        .len();
    if !chromium.exists() {
        return Err(format!("no Chromium at {}", chromium.display()));
    }
    let dir = root.join("target/mermaid-svg");
    let file = |key: &str, theme: &str| dir.join(format!("{key}-{theme}.svg"));
    let keys: Vec<String> = bodies.iter().map(|b| key(len, b)).collect();
    let mut missing: Vec<(&str, &str)> = Vec::new();
    for (key, body) in keys.iter().zip(bodies) {
        let kept = THEMES.iter().all(|(t, _)| file(key, t).exists());
        if !kept && !missing.iter().any(|(k, _)| k == key) {
            missing.push((key, body));
        }
    }
    if !missing.is_empty() {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let jobs: Vec<serde_json::Value> = missing
            .iter()
            .flat_map(|(key, body)| {
                THEMES.iter().map(move |(_, theme)| {
                    serde_json::json!({ "id": format!("d{}", &key[..10]), "theme": theme, "text": body })
                })
            })
            .collect();
        let json = serde_json::to_string(&jobs).unwrap().replace("</", "<\\/");
        let script = script.canonicalize().map_err(|e| e.to_string())?;
        let page = DRAW_PAGE
            .replace("SCRIPT", &format!("file://{}", script.display()))
            .replace("JOBS", &json);
        let svgs: Vec<String> = serde_json::from_str(&in_chromium(chromium, &dir, &page)?)
            .map_err(|e| format!("Mermaid's drawings: {e}"))?;
        if svgs.len() != jobs.len() {
            return Err(format!(
                "Mermaid drew {} of {} diagrams",
                svgs.len(),
                jobs.len()
            ));
        }
        for ((key, _), pair) in missing.iter().zip(svgs.chunks(2)) {
            for ((theme, _), svg) in THEMES.iter().zip(pair) {
                if let Some(error) = svg.strip_prefix("error: ") {
                    return Err(format!("Mermaid could not draw a diagram: {error}"));
                }
                std::fs::write(file(key, theme), svg.replace('\n', " "))
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    keys.iter()
        .map(|key| {
            let read = |theme| std::fs::read_to_string(file(key, theme)).map_err(|e| e.to_string());
            Ok(Drawn {
                light: read("light")?,
                dark: read("dark")?,
            })
        })
        .collect()
}

const DRAW_PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><script src="SCRIPT"></script></head>
<body><pre id="out">pending</pre>
<script id="jobs" type="application/json">JOBS</script>
<script>
// Each drawing in a fresh page (an iframe) of its own: Mermaid numbers the
// elements it draws with a counter that a previous drawing would have moved.
const FRAME = '<!doctype html><body><script src="SCRIPT"><\/script><script>(async () => {' +
  'const { id, theme, text } = parent.job;' +
  'mermaid.initialize({ startOnLoad: false, theme });' +
  'try { parent.done((await mermaid.render(id, text)).svg); }' +
  'catch (e) { parent.done("error: " + String((e && e.message) || e)); }' +
  '})();<\/script></body>';
(async () => {
  const jobs = JSON.parse(document.getElementById("jobs").textContent);
  const svgs = [];
  for (const job of jobs) {
    svgs.push(await new Promise(resolve => {
      const frame = document.createElement("iframe");
      frame.style.width = "1200px";
      frame.style.height = "800px";
      window.job = job;
      window.done = svg => { frame.remove(); resolve(svg); };
      frame.srcdoc = FRAME;
      document.body.append(frame);
    }));
  }
  document.getElementById("out").textContent = JSON.stringify(svgs);
})();
</script></body></html>
"#;

/// Loads `page` (written into `dir`) in headless Chromium, lets its scripts
/// run, and returns the text it left in `<pre id="out">`.
pub fn in_chromium(chromium: &Path, dir: &Path, page: &str) -> Result<String, String> {
    let file: PathBuf = dir.join(format!("page-{}.html", std::process::id()));
    std::fs::write(&file, page).map_err(|e| e.to_string())?;
    let mut command = Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(["--virtual-time-budget=30000", "--dump-dom"])
        .arg(format!("file://{}", file.display()));
    let limits = supervise::Limits {
        time: Duration::from_secs(120),
        output_bytes: 64 << 20,
        memory_bytes: None,
        tasks: None,
    };
    let run = supervise::run(command, &limits).map_err(|e| format!("running Chromium: {e}"));
    let _ = std::fs::remove_file(&file);
    let run = run?;
    let out = run
        .stdout
        .split_once("<pre id=\"out\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(out, _)| out)
        .ok_or_else(|| {
            format!(
                "Chromium printed no answer ({}):\n{}",
                run.status, run.stderr
            )
        })?;
    Ok(out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Text.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nMore.\n";

    #[test]
    fn blocks_are_found_with_their_fences() {
        let blocks = mermaid_blocks(PAGE);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].1, "flowchart LR\n  a --> b\n");
        assert!(PAGE[blocks[0].0.clone()].starts_with("```mermaid"));
    }

    #[test]
    fn without_chromium_the_blocks_are_left_for_the_browser() {
        let root = std::env::temp_dir().join(format!("diagrams-{}", std::process::id()));
        std::fs::create_dir_all(root.join("src/mermaid")).unwrap();
        std::fs::write(root.join(SCRIPT), "// mermaid").unwrap();
        let why = draw(
            &root,
            Path::new("/nonexistent/chromium"),
            &["graph LR".into()],
        )
        .unwrap_err();
        assert!(why.contains("no Chromium"), "{why}");
        assert_eq!(inline(PAGE, &|_| None), PAGE);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn drawings_that_differ_only_in_style_become_one_with_a_dark_sheet_for_the_screen() {
        let svg = |fill: &str| {
            format!(
                "<svg id=\"dX\"><style>#dX{{fill:{fill};}}@keyframes dash{{to{{x:0;}}}}</style><g class=\"node\"></g></svg>"
            )
        };
        let drawn = Drawn {
            light: svg("#333"),
            dark: svg("#ccc"),
        };
        let html = markup(&drawn);
        assert_eq!(html.matches("<svg").count(), 1, "{html}");
        assert!(
            html.contains("@media screen { :is(html.coal, html.navy, html.ayu) #dX{fill:#ccc;} }"),
            "{html}"
        );
        assert_eq!(
            html.matches("@keyframes").count(),
            1,
            "an unchanged rule is not repeated: {html}"
        );
        assert_eq!(
            inline(PAGE, &|_| Some(drawn.clone())),
            format!("Text.\n\n{html}\n\nMore.\n")
        );
    }

    #[test]
    fn drawings_that_differ_otherwise_are_both_kept_under_two_ids() {
        let drawn = Drawn {
            light: "<svg id=\"dX\"><style>#dX{}</style><rect fill=\"#fff\"/></svg>".into(),
            dark: "<svg id=\"dX\"><style>#dX{}</style><rect fill=\"#000\"/></svg>".into(),
        };
        let html = markup(&drawn);
        assert!(
            html.contains("<div class=\"diagram-light\"><svg id=\"dX\">"),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"diagram-dark\"><svg id=\"dX-dark\">"),
            "{html}"
        );
    }
}
