//! Finds every listing in ../examples that has a loom model (it mentions
//! `loom::model`) and makes it a module of tests/models.rs, so adding a model
//! never means editing a list.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let examples = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../examples");
    println!("cargo:rerun-if-changed={}", examples.display());
    let mut listings: Vec<PathBuf> = fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| fs::read_to_string(p).unwrap().contains("loom::model"))
        .collect();
    // No model found is a broken inventory, not a pass with nothing checked.
    assert!(
        !listings.is_empty(),
        "no listing in {} has a loom model (`loom::model`)",
        examples.display()
    );
    listings.sort();
    let mut modules = String::new();
    for path in &listings {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .replace('-', "_");
        let path = fs::canonicalize(path).unwrap();
        modules += &format!("#[path = {:?}]\n#[allow(dead_code)]\nmod {name};\n", path);
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("models.rs");
    fs::write(out, modules).unwrap();
}
