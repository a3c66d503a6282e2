//! The pinned book tools: found on PATH or in `.tools/`, else installed into
//! `.tools/` with `cargo install --locked` (from crates.io, nothing else).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

pub const MDBOOK: Tool = Tool {
    name: "mdbook",
    version: "0.5.4",
};
pub const MDBOOK_MERMAID: Tool = Tool {
    name: "mdbook-mermaid",
    version: "0.17.1",
};

/// The tools are built at `opt-level = 1`, not release's 3: measured here,
/// mdBook then installs in 136 s instead of 198 s, and builds the book in
/// 1.6 s instead of 1.0 s. All three share it, and so their build directory.
const OPT_LEVEL: (&str, &str) = ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1");

/// Where project-local tools live, so a reader's own `mdbook` is left alone.
pub fn tools_root(sh: &Shell) -> PathBuf {
    sh.current_dir().join(".tools")
}

/// The PATH the book is built with: `.tools/bin` first.
pub fn path_with_tools(sh: &Shell) -> Result<std::ffi::OsString> {
    let mut dirs = vec![tools_root(sh).join("bin")];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    Ok(std::env::join_paths(dirs)?)
}

/// The binary of `tool` at exactly its pinned version, in `.tools/` or on
/// the PATH; else what was found instead.
fn find(sh: &Shell, tool: &Tool) -> std::result::Result<PathBuf, Vec<String>> {
    let local = tools_root(sh).join("bin").join(tool.name);
    let mut found = Vec::new();
    for candidate in [local, PathBuf::from(tool.name)] {
        match version_of(sh, &candidate) {
            Some(v) if v == tool.version => return Ok(candidate),
            Some(v) => found.push(format!("{} is {v}", candidate.display())),
            None => {}
        }
    }
    Err(found)
}

/// Whether `tool` is there at its pinned version, without installing it.
pub fn installed(sh: &Shell, tool: &Tool) -> Option<PathBuf> {
    find(sh, tool).ok()
}

/// Returns the path of a binary of `tool` at exactly its pinned version,
/// installing it first when there is none.
pub fn ensure(sh: &Shell, tool: &Tool) -> Result<PathBuf> {
    let local = tools_root(sh).join("bin").join(tool.name);
    let found = match find(sh, tool) {
        Ok(path) => return Ok(path),
        Err(found) => found,
    };
    let why = if found.is_empty() {
        "not installed".to_owned()
    } else {
        found.join(", ")
    };
    let started = std::time::Instant::now();
    eprintln!(
        "xtask: installing {} {} into .tools/ ({why}); this compiles it once and takes a few minutes",
        tool.name, tool.version
    );
    let (name, version, root) = (tool.name, tool.version, tools_root(sh));
    // One build directory for mdBook, mdbook-mermaid and the book's own
    // preprocessor: the crates they share (mdbook-preprocessor, serde,
    // pulldown-cmark, ...) compile once.
    let target = sh.current_dir().join("target/tools");
    cmd!(
        sh,
        "cargo install --locked --quiet {name} --version {version} --root {root} --target-dir {target}"
    )
    .env(OPT_LEVEL.0, OPT_LEVEL.1)
    .run()
    .with_context(|| format!("installing {name} {version}"))?;
    eprintln!(
        "xtask: installed {} {} ({} s)",
        tool.name,
        tool.version,
        started.elapsed().as_secs()
    );
    match version_of(sh, &local) {
        Some(v) if v == tool.version => Ok(local),
        other => bail!(
            "after installing, {} reports version {other:?}",
            local.display()
        ),
    }
}

/// The book's own preprocessor (`xtask/mdbook-listings`), installed like the
/// pinned tools, with `cargo install --locked`, into `.tools/bin`, where
/// book.toml's `command` finds it. Its build directory is kept
/// (`target/tools`), so an unchanged preprocessor installs in a second.
pub fn ensure_listings_preprocessor(sh: &Shell) -> Result<PathBuf> {
    let (root, target) = (tools_root(sh), sh.current_dir().join("target/tools"));
    if !root.join("bin/mdbook-listings").exists() {
        eprintln!("xtask: installing the book's preprocessor (xtask/mdbook-listings) into .tools/");
    }
    cmd!(
        sh,
        "cargo install --locked --quiet --path xtask/mdbook-listings --root {root} --target-dir {target}"
    )
    .env(OPT_LEVEL.0, OPT_LEVEL.1)
    .quiet()
    .run()
    .context("installing the book's preprocessor, mdbook-listings")?;
    Ok(root.join("bin/mdbook-listings"))
}

/// `mdbook --version` prints `mdbook v0.5.4`; `mdbook-mermaid` prints
/// `mdbook-mermaid 0.17.1`.
fn version_of(sh: &Shell, bin: &Path) -> Option<String> {
    let out = cmd!(sh, "{bin} --version")
        .quiet()
        .ignore_stderr()
        .read()
        .ok()?;
    let word = out.split_whitespace().nth(1)?;
    Some(word.trim_start_matches('v').to_owned())
}

/// Writes mermaid's script (bundled in the pinned mdbook-mermaid) to
/// `src/mermaid/mermaid.min.js`, so that mdBook copies it into the book and
/// `theme/js/mermaid-loader.js` can load it on the pages that need it. It is
/// generated, not committed, so it always matches the pinned version.
pub fn ensure_mermaid_assets(sh: &Shell, mdbook_mermaid: &Path) -> Result<()> {
    let scratch = sh.create_temp_dir()?;
    let dir = scratch.path();
    sh.write_file(dir.join("book.toml"), "[book]\n")?;
    cmd!(sh, "{mdbook_mermaid} install {dir}")
        .quiet()
        .ignore_stderr()
        .run()?;
    let new = sh.read_binary_file(dir.join("mermaid.min.js"))?;
    let target = sh.current_dir().join("src/mermaid/mermaid.min.js");
    if sh.read_binary_file(&target).ok().as_deref() != Some(&new[..]) {
        sh.create_dir(target.parent().unwrap())?;
        sh.write_file(&target, new)?;
    }
    Ok(())
}
