//! Makes every listing with a loom model (the inventory says which: it calls
//! `loom::model`) a module of tests/models.rs, so adding a model never means
//! editing a list.

use std::env;
use std::fs;
use std::path::PathBuf;

use inventory::{Inventory, Kind};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("..");
    let inventory = Inventory::scan(&root).unwrap_or_else(|e| panic!("{e}"));
    // Relative to this package, so that cargo watches the files of the
    // checkout it builds in, even from a target/ copied from another one.
    for path in inventory.watched() {
        let relative = path.strip_prefix(&root).unwrap_or(&path);
        println!("cargo:rerun-if-changed=../{}", relative.display());
    }
    let models: Vec<_> = inventory
        .of(Kind::Rust)
        .filter(|listing| listing.loom_model)
        .collect();
    // No model found is a broken inventory, not a pass with nothing checked.
    assert!(
        !models.is_empty(),
        "no listing has a loom model (`loom::model`)"
    );
    let mut modules = String::new();
    for listing in models {
        let path = fs::canonicalize(inventory.path(&listing.source)).unwrap();
        let module = listing.name.replace('-', "_");
        modules += &format!("#[path = {path:?}]\n#[allow(dead_code)]\nmod {module};\n");
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("models.rs");
    fs::write(out, modules).unwrap();
}
