//! The book's JavaScript (`theme/js`, `browser-tests/js`) held to the same
//! standard as its Rust: formatted by Prettier and linted by ESLint, both
//! pinned in `package.json` and `package-lock.json` and installed from the
//! npm registry with `npm ci`. Without Node.js the steps are skipped with a
//! notice, except in CI, where that is a failure.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

/// What the tools read.
const SOURCES: [&str; 2] = ["theme/js", "browser-tests/js"];

/// Installs the pinned tools when `node_modules` is missing or older than
/// the lock file; returns false when there is no npm (and not in CI).
fn ready(sh: &Shell) -> Result<bool> {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let found = *FOUND.get_or_init(|| {
        let found = cmd!(sh, "npm --version")
            .quiet()
            .ignore_stdout()
            .run()
            .is_ok();
        if !found && !in_ci {
            eprintln!(
                "SKIPPED the JavaScript checks: `npm` is not installed (Node.js 20 runs them)"
            );
        }
        found
    });
    if !found {
        if in_ci {
            bail!("`npm` is missing; CI needs Node.js to lint the book's JavaScript");
        }
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
    .context("run `npx prettier --write theme/js browser-tests/js` to fix")
}

pub fn lint(sh: &Shell) -> Result<()> {
    if !ready(sh)? {
        return Ok(());
    }
    cmd!(sh, "npx --no-install eslint --max-warnings 0 {SOURCES...}")
        .run()
        .context("ESLint found problems in the book's JavaScript")
}
