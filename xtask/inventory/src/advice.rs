//! What a listing should declare when two of its runs print different
//! things: `// output: any-order` when only the order of its lines changed,
//! `// output: varies REGEX` (a narrow pattern, suggested here) when only
//! values changed: a time, an id, a count. Used by `cargo xtask bless`, which
//! runs a listing several times and refuses output that changes, and by the
//! harness when a run differs from the recording.

use regex::Regex;

use crate::OutputRule;

/// How two runs differ, beyond what the listing already declares.
#[derive(Debug, PartialEq, Eq)]
pub enum Varies {
    /// The same lines, in another order.
    Order,
    /// The same lines but for values that these patterns match; `and_order`
    /// when their order changed too.
    Values {
        patterns: Vec<String>,
        and_order: bool,
    },
    /// More than values or order: words, or the number of lines.
    Content,
}

impl Varies {
    /// The advice: what to write at the top of the listing, or what to do.
    pub fn advice(&self) -> String {
        match self {
            Varies::Order => "only the order of its lines changes from run to run: if that \
                 order is not the lesson, add `// output: any-order` at the top of the listing; \
                 if it is, make the order certain (join before printing, or send the lines to \
                 one printer)"
                .into(),
            Varies::Values {
                patterns,
                and_order,
            } => {
                let mut lines: Vec<String> = patterns
                    .iter()
                    .map(|p| format!("// output: varies {p}"))
                    .collect();
                if *and_order {
                    lines.push("// output: any-order".into());
                }
                format!(
                    "only values change from run to run (times, ids, counts): if they are not \
                     the lesson, add at the top of the listing\n        {}\n    or print \
                     something that does not vary (a ratio, a count, a yes or no)",
                    lines.join("\n        ")
                )
            }
            Varies::Content => "its lines themselves change from run to run: make the \
                 listing deterministic (set what the lesson needs: a CPU count, a seed, an \
                 order), or print only what does not vary"
                .into(),
        }
    }
}

/// How `second` differs from `first` beyond `rule`, or `None` when the rule
/// already makes them equal.
pub fn between(rule: &OutputRule, first: &str, second: &str) -> Option<Varies> {
    let (a, b) = (masked(rule, first), masked(rule, second));
    if same(&a, &b, rule.any_order) {
        return None;
    }
    if same(&a, &b, true) {
        return Some(Varies::Order);
    }
    if a.len() != b.len() {
        return Some(Varies::Content);
    }
    // Pair the lines as printed; if that fails, as sorted with their digits
    // masked (values and order both changed).
    let by_digits = |lines: &[String]| {
        let digits = Regex::new(r"\d+").unwrap();
        let mut sorted = lines.to_vec();
        sorted.sort_by_key(|l| digits.replace_all(l, "0").into_owned());
        sorted
    };
    let mut found: Vec<Varies> = Vec::new();
    let sorted = |lines: &[String]| {
        let mut sorted = lines.to_vec();
        sorted.sort();
        sorted
    };
    for (x, y, sorted) in [
        (a.clone(), b.clone(), false),
        (sorted(&a), sorted(&b), true),
        (by_digits(&a), by_digits(&b), true),
    ] {
        let Some(patterns) = patterns_for(&x, &y) else {
            continue;
        };
        let wider = OutputRule {
            varies: patterns.iter().map(|p| Regex::new(p).unwrap()).collect(),
            ..OutputRule::default()
        };
        let (x, y) = (masked(&wider, &a.concat()), masked(&wider, &b.concat()));
        if same(&x, &y, false) || same(&x, &y, true) {
            let and_order = !same(&x, &y, false) && !rule.any_order;
            found.push(Varies::Values {
                patterns,
                and_order: and_order || (sorted && !same(&x, &y, false)),
            });
        }
    }
    // The narrowest: the fewest values masked.
    let masks = |v: &Varies| match v {
        Varies::Values { patterns, .. } => patterns.iter().map(|p| p.matches("\\d").count()).sum(),
        _ => usize::MAX,
    };
    Some(
        found
            .into_iter()
            .min_by_key(masks)
            .unwrap_or(Varies::Content),
    )
}

/// The lines of `text`, each with what `rule` says varies masked.
fn masked(rule: &OutputRule, text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = rule.varies.iter().fold(line.to_owned(), |line, re| {
                re.replace_all(&line, "[..]").into_owned()
            });
            line + "\n"
        })
        .collect()
}

fn same(a: &[String], b: &[String], any_order: bool) -> bool {
    if !any_order {
        return a == b;
    }
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort();
    b.sort();
    a == b
}

/// A pattern per differing pair of lines (deduplicated), or `None` when a
/// pair differs in more than values.
fn patterns_for(a: &[String], b: &[String]) -> Option<Vec<String>> {
    let mut patterns = Vec::new();
    for (x, y) in a.iter().zip(b) {
        if x != y {
            let pattern = pattern_for(x.trim_end(), y.trim_end())?;
            if !patterns.contains(&pattern) {
                patterns.push(pattern);
            }
        }
    }
    Some(patterns)
}

fn is_token(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '_'
}

/// A narrow pattern that matches where `a` and `b` differ: the differing
/// tokens generalized, with the word before and after as context.
fn pattern_for(a: &str, b: &str) -> Option<String> {
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut p = ac.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let most = ac.len().min(bc.len()) - p;
    let mut s = ac
        .iter()
        .rev()
        .zip(bc.iter().rev())
        .take(most)
        .take_while(|(x, y)| x == y)
        .count();
    // Whole tokens only: `1.234ms` and `0.987ms` differ in the whole token.
    while p > 0 && is_token(ac[p - 1]) {
        p -= 1;
    }
    while s > 0 && is_token(ac[ac.len() - s]) {
        s -= 1;
    }
    let (prefix, suffix) = (&ac[..p], &ac[ac.len() - s..]);
    let middle = |chars: &[char]| chars[p..chars.len() - s].iter().collect::<String>();
    let (ma, mb) = (middle(&ac), middle(&bc));
    let (ta, tb) = (tokens(&ma), tokens(&mb));
    if ta.len() != tb.len() {
        return None;
    }
    let mut generalized = String::new();
    for (x, y) in ta.iter().zip(&tb) {
        if x == y {
            generalized += &regex::escape(x);
        } else if x.chars().all(is_token) && y.chars().all(is_token) {
            generalized += &class(x, y)?;
        } else {
            return None;
        }
    }
    // Context: the word before (with its space) and the word after.
    let before: String = {
        let text: String = prefix.iter().collect();
        let trimmed = text.trim_end();
        let word_start = trimmed
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + trimmed[i..].chars().next().unwrap().len_utf8());
        text[word_start..].to_owned()
    };
    let after: String = suffix
        .iter()
        .take_while(|c| !c.is_whitespace())
        .take(20)
        .collect();
    let before: String = before
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Some(format!(
        "{}{generalized}{}",
        regex::escape(&before),
        regex::escape(&after)
    ))
}

/// Tokens and the separators between them, in order.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<bool> = None;
    for c in text.chars() {
        let kind = is_token(c);
        match out.last_mut() {
            Some(current) if last == Some(kind) && kind => current.push(c),
            _ => out.push(c.to_string()),
        }
        last = Some(kind);
    }
    out
}

/// A character class for two different values, or `None` for two words.
fn class(x: &str, y: &str) -> Option<String> {
    let number = Regex::new(r"^(\d+)(\.\d+)?([a-zµ]*)$").unwrap();
    let hex = Regex::new(r"^(0x)?[0-9a-f]+$").unwrap();
    if let (Some(cx), Some(cy)) = (number.captures(x), number.captures(y)) {
        let fraction = cx.get(2).is_some() || cy.get(2).is_some();
        // A duration's unit changes with the machine's speed: 900µs, 1.2ms.
        let duration = |u: &str| ["ns", "µs", "us", "ms", "s"].contains(&u);
        let unit = match (&cx[3], &cy[3]) {
            (u, v) if duration(u) && duration(v) => "(ns|µs|us|ms|s)".into(),
            (u, v) if u == v => regex::escape(u),
            _ => "[a-zµ]*".into(),
        };
        let number = if fraction { r"\d+(\.\d+)?" } else { r"\d+" };
        return Some(format!("{number}{unit}"));
    }
    if hex.is_match(x) && hex.is_match(y) {
        return Some("(0x)?[0-9a-f]+".into());
    }
    None
}
