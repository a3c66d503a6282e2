//! The crates a listing may use: the `[dependencies]` of the `listings`
//! package in Cargo.toml, at the versions Cargo.lock resolves them to,
//! read with `cargo metadata`. The local runner links exactly these; the
//! playground's list (`src/playground-crates.json`) is checked against them.

use std::path::Path;

use anyhow::{Context, Result};
use cargo_metadata::{DependencyKind, MetadataCommand};

/// The package whose dependencies the listings use.
pub const LISTINGS_PACKAGE: &str = "listings";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crate {
    /// As Cargo.toml writes it: `tokio-util`.
    pub package: String,
    /// As code names it: `tokio_util`.
    pub lib: String,
    /// The version Cargo.lock resolves.
    pub version: cargo_metadata::semver::Version,
    /// The features the listings turn on, in `[dependencies]` and
    /// `[dev-dependencies]` together (tokio's `test-util` is a dev one).
    pub features: Vec<String>,
}

pub fn of_project(root: &Path) -> Result<Vec<Crate>> {
    let metadata = MetadataCommand::new()
        .manifest_path(root.join("Cargo.toml"))
        // --locked: the versions are Cargo.lock's, never a fresh resolution.
        .other_options(vec!["--locked".to_owned()])
        .exec()
        .context("cargo metadata (the crates a listing may use)")?;
    let listings = metadata
        .packages
        .iter()
        .find(|p| p.name.as_str() == LISTINGS_PACKAGE)
        .with_context(|| format!("Cargo.toml has no package `{LISTINGS_PACKAGE}`"))?;
    let resolve = metadata
        .resolve
        .as_ref()
        .context("cargo metadata resolved nothing")?;
    let node = resolve
        .nodes
        .iter()
        .find(|n| n.id == listings.id)
        .context("the listings package is not in the resolve graph")?;
    let mut crates = Vec::new();
    for dependency in &listings.dependencies {
        if dependency.kind != DependencyKind::Normal {
            continue;
        }
        let resolved = node
            .deps
            .iter()
            .filter_map(|d| metadata.packages.iter().find(|p| p.id == d.pkg))
            .find(|p| p.name.as_str() == dependency.name)
            .with_context(|| format!("Cargo.lock does not resolve `{}`", dependency.name))?;
        let mut features: Vec<String> = listings
            .dependencies
            .iter()
            .filter(|d| d.name == dependency.name)
            .flat_map(|d| d.features.iter().cloned())
            .collect();
        features.sort();
        features.dedup();
        crates.push(Crate {
            package: dependency.name.clone(),
            lib: dependency.name.replace('-', "_"),
            version: resolved.version.clone(),
            features,
        });
    }
    crates.sort_by(|a, b| a.lib.cmp(&b.lib));
    Ok(crates)
}
