//! The book's JavaScript (`theme/js`, the script in `theme/head.hbs`,
//! `browser-tests/js`) held to the same
//! standard as its Rust: formatted by Prettier and linted by ESLint, both
//! pinned in `package.json` and `package-lock.json` and installed from the
//! npm registry with `npm ci`. Without Node.js the steps are skipped with a
//! notice, except in CI, where that is a failure.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use xshell::{Shell, cmd};

use crate::optional;

/// What the tools read.
const SOURCES: [&str; 3] = ["theme/js", "theme/head.hbs", "browser-tests/js"];

/// Installs the pinned tools when `node_modules` is missing or older than
/// the lock file; returns false when there is no npm (and not in CI).
fn ready(sh: &Shell) -> Result<bool> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let probe = || {
        cmd!(sh, "npm --version")
            .quiet()
            .ignore_stdout()
            .run()
            .is_ok()
    };
    let needs = "`npm` (Node.js 20.19+, 22.13+ or 24+, for ESLint 10)";
    if !optional::tool(&FOUND, probe, "the JavaScript checks", needs)? {
        return Ok(false);
    }
    let root = sh.current_dir();
    if stale(
        &root.join("node_modules/.package-lock.json"),
        &root.join("package-lock.json"),
    ) {
        cmd!(sh, "npm ci --no-audit --no-fund --loglevel=error")
            .run()
            .context("installing the pinned ESLint and Prettier (npm ci)")?;
    }
    Ok(true)
}

/// Whether `installed` is missing or older than `lock`.
fn stale(installed: &Path, lock: &Path) -> bool {
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    match (modified(installed), modified(lock)) {
        (Some(installed), Some(lock)) => installed < lock,
        _ => true,
    }
}

pub fn format(sh: &Shell) -> Result<()> {
    if !ready(sh)? {
        return Ok(());
    }
    cmd!(
        sh,
        "npx --no-install prettier --check --log-level warn {SOURCES...}"
    )
    .run()
    .context("run `npx prettier --write theme/js theme/head.hbs browser-tests/js` to fix")
}

pub fn lint(sh: &Shell) -> Result<()> {
    if !ready(sh)? {
        return Ok(());
    }
    cmd!(sh, "npx --no-install eslint --max-warnings 0 {SOURCES...}")
        .run()
        .context("ESLint found problems in the book's JavaScript")
}
