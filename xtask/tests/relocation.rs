//! The tools act on the checkout they run in, never on the one they were
//! built in. The `xtask` binary under test was built in this checkout; here
//! it runs in a copy of it, as it would after the checkout was copied with
//! its `target/` or moved, and must read and write the copy only.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// This checkout: cargo sets the variable when it runs the test.
fn original() -> PathBuf {
    let xtask = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test");
    Path::new(&xtask).parent().unwrap().to_path_buf()
}

/// A copy of the checkout's tracked files (the build output is not needed:
/// the binary built here stands for a copied `target/`).
fn copy_of(original: &Path) -> tempfile_dir::Dir {
    let dir = tempfile_dir::Dir::new("relocation");
    let listed = Command::new("git")
        .args(["ls-files", "-z", "--cached"])
        .current_dir(original)
        .output()
        .expect("git lists the checkout's files");
    assert!(listed.status.success(), "git ls-files failed");
    for file in listed.stdout.split(|&b| b == 0).filter(|f| !f.is_empty()) {
        let file = std::str::from_utf8(file).unwrap();
        let (from, to) = (original.join(file), dir.path().join(file));
        if from.is_file() {
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&from, &to).unwrap();
        }
    }
    dir
}

fn xtask(args: &[&str], cwd: &Path, manifest_dir: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("CARGO_MANIFEST_DIR");
    if let Some(dir) = manifest_dir {
        command.env("CARGO_MANIFEST_DIR", dir);
    }
    command.output().expect("xtask runs")
}

#[test]
fn a_copy_writes_only_into_itself() {
    let original = original();
    let copy = copy_of(&original);
    let summary_before = fs::read_to_string(original.join("src/SUMMARY.md")).unwrap();
    // Found from the working directory, as when the binary is run by hand.
    let out = xtask(
        &["new-chapter", "97", "Relocated"],
        &copy.path().join("src"),
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(copy.path().join("src/ch97-relocated/index.md").is_file());
    assert!(!original.join("src/ch97-relocated").exists());
    let summary_after = fs::read_to_string(original.join("src/SUMMARY.md")).unwrap();
    assert_eq!(
        summary_before, summary_after,
        "the original's SUMMARY.md changed"
    );
    assert!(
        fs::read_to_string(copy.path().join("src/SUMMARY.md"))
            .unwrap()
            .contains("ch97-relocated")
    );
}

#[test]
fn a_copy_checks_itself() {
    let original = original();
    let copy = copy_of(&original);
    let page = copy.path().join("src/ch01-goroutines/basics.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, format!("{text}\n[broken](no-such-page.md)\n")).unwrap();
    // Found from CARGO_MANIFEST_DIR, as `cargo xtask` sets it, run from elsewhere.
    let out = xtask(&["check"], Path::new("/"), Some(&copy.path().join("xtask")));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the copy's broken link was not seen");
    assert!(
        stderr.contains("src/ch01-goroutines/basics.md") && stderr.contains("no-such-page.md"),
        "{stderr}"
    );
}

/// A temporary directory, removed when dropped (std only).
mod tempfile_dir {
    use std::path::{Path, PathBuf};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new(what: &str) -> Dir {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos();
            let path =
                std::env::temp_dir().join(format!("xtask-{what}-{}-{nanos}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
