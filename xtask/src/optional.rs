//! The rule for a tool a contributor's machine may lack (Go, npm, Chromium):
//! without it, its checks are skipped with a notice, except in CI
//! (`CI=true`), where its absence is an error.

use std::sync::OnceLock;

use anyhow::{Result, bail};

/// Whether the tool is here, asking `probe` once per run (`found` keeps the
/// answer), so that the notice is printed once. `what` names the checks it
/// runs, `needs` the tool and how to get it.
pub fn tool(
    found: &OnceLock<bool>,
    probe: impl FnOnce() -> bool,
    what: &str,
    needs: &str,
) -> Result<bool> {
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let mut first = false;
    let here = *found.get_or_init(|| {
        first = true;
        probe()
    });
    if here {
        return Ok(true);
    }
    if in_ci {
        bail!("{needs} is missing, and CI needs it for {what}");
    }
    if first {
        eprintln!("xtask test: SKIPPED {what}: {needs} is missing");
    }
    Ok(false)
}
