//! Reading the folders: which files are listings, what is recorded beside
//! them, and what their sources say (anchors, directives).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::{
    Anchor, CHAT_GO, CHAT_RUST, CHAT_SESSIONS, EXERCISES, Error, Exercise, GO_BENCH, GO_MODULE,
    Inventory, Kind, Listing, OutputRule, QUIZZES, RUST_BENCH, error,
};

impl Inventory {
    pub(crate) fn scan_rust(&mut self, dir: &str, kind: Kind) -> Result<(), Error> {
        let entries = sorted_entries(&self.root.join(dir))?;
        let present: BTreeSet<&PathBuf> = entries.iter().collect();
        for path in &entries {
            let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
                continue;
            };
            if let Some(name) = file.strip_suffix(".rs") {
                let source = Path::new(dir).join(file);
                let beside = |ext: &str| {
                    let p = path.with_file_name(format!("{name}.{ext}"));
                    present
                        .contains(&p)
                        .then(|| Path::new(dir).join(format!("{name}.{ext}")))
                };
                let mut listing = read_listing(&self.root, kind, name, source)?;
                listing.stdout = beside("stdout").filter(|_| kind == Kind::Rust);
                listing.stderr = beside("stderr");
                listing.bench_txt = beside("bench.txt").filter(|_| kind == Kind::Rust);
                listing.loom_txt = beside("loom.txt").filter(|_| kind == Kind::Rust);
                self.listings.push(listing);
            } else if let Some(stem) = recorded_stem(file, kind)
                && !present.contains(&path.with_file_name(format!("{stem}.rs")))
            {
                self.strays.push(Path::new(dir).join(file));
            }
        }
        Ok(())
    }

    /// The quiz files, `src/quizzes/*.toml`. Optional, as the folder is.
    pub(crate) fn scan_quizzes(&mut self) -> Result<(), Error> {
        let dir = self.root.join(QUIZZES);
        if !dir.is_dir() {
            return Ok(());
        }
        for file in sorted_entries(&dir)? {
            if file.extension().is_some_and(|e| e == "toml") {
                self.quizzes
                    .push(Path::new(QUIZZES).join(file.file_name().unwrap()));
            }
        }
        Ok(())
    }

    /// The exercises, each a folder of `examples/exercises/`. Optional, as
    /// the folder is: a book may have none yet.
    pub(crate) fn scan_exercises(&mut self) -> Result<(), Error> {
        let dir = self.root.join(EXERCISES);
        if !dir.is_dir() {
            return Ok(());
        }
        for folder in sorted_entries(&dir)? {
            if !folder.is_dir() {
                continue;
            }
            let name = folder.file_name().unwrap().to_string_lossy().into_owned();
            let relative = Path::new(EXERCISES).join(&name);
            for file in ["starter.rs", "solution.rs", "hints.md"] {
                if !folder.join(file).is_file() {
                    return Err(error(
                        &folder,
                        0,
                        format!(
                            "an exercise needs starter.rs, solution.rs and hints.md; {file} is missing"
                        ),
                    ));
                }
            }
            let starter = relative.join("starter.rs");
            let path = self.root.join(&starter);
            let text = fs::read_to_string(&path)
                .map_err(|e| error(&path, 0, format!("cannot read it: {e}")))?;
            let (mut practises, mut level) = (Vec::new(), None);
            for (n, line) in text.lines().enumerate() {
                if let Some(items) = line.trim().strip_prefix("// practises:") {
                    for item in items.split_whitespace() {
                        let parsed = item
                            .split_once('.')
                            .and_then(|(c, i)| Some((c.parse().ok()?, i.parse().ok()?)));
                        let Some(item) = parsed else {
                            return Err(error(
                                &path,
                                n + 1,
                                format!(
                                    "`{item}` is no roadmap item; write CHAPTER.ITEM, e.g. 1.11"
                                ),
                            ));
                        };
                        practises.push(item);
                    }
                } else if let Some(l) = line.trim().strip_prefix("// level:") {
                    let l = l.trim();
                    if !["warm-up", "medium", "hard"].contains(&l) {
                        return Err(error(
                            &path,
                            n + 1,
                            format!("level `{l}`: write warm-up, medium or hard"),
                        ));
                    }
                    level = Some(l.to_owned());
                }
            }
            let Some(level) = level else {
                return Err(error(
                    &path,
                    0,
                    "no `// level:` line (warm-up, medium or hard)",
                ));
            };
            self.exercises.push(Exercise {
                name,
                starter,
                solution: relative.join("solution.rs"),
                hints: relative.join("hints.md"),
                practises,
                level,
            });
        }
        Ok(())
    }

    /// The Go-vs-Rust benchmarks, which `cargo xtask bench` runs. Optional:
    /// a book may have none.
    pub(crate) fn scan_benchmarks(&mut self) -> Result<(), Error> {
        if self.root.join(GO_BENCH).is_dir() {
            let files: Vec<PathBuf> = sorted_entries(&self.root.join(GO_BENCH))?
                .into_iter()
                .filter(|p| p.to_string_lossy().ends_with("_test.go"))
                .collect();
            if let Some(first) = files.first() {
                let relative = |p: &Path| Path::new(GO_BENCH).join(p.file_name().unwrap());
                let mut listing =
                    read_listing(&self.root, Kind::GoBench, "bench", relative(first))?;
                for other in &files[1..] {
                    let part = read_listing(&self.root, Kind::GoBench, "bench", relative(other))?;
                    listing.anchors.extend(part.anchors);
                }
                self.listings.push(listing);
            }
        }
        if self.root.join(RUST_BENCH).is_dir() {
            for path in sorted_entries(&self.root.join(RUST_BENCH))? {
                let Some(name) = path
                    .file_name()
                    .and_then(|f| f.to_str()?.strip_suffix(".rs"))
                else {
                    continue;
                };
                let source = Path::new(RUST_BENCH).join(format!("{name}.rs"));
                self.listings
                    .push(read_listing(&self.root, Kind::RustBench, name, source)?);
            }
        }
        Ok(())
    }

    pub(crate) fn scan_go(&mut self) -> Result<(), Error> {
        for dir in sorted_entries(&self.root.join(GO_MODULE))? {
            if !dir.is_dir() {
                continue;
            }
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let relative = Path::new(GO_MODULE).join(&name);
            if !dir.join("main.go").is_file() {
                // A package that is no listing (racecheck, the benchmarks); outputs
                // left in it belong to a listing that is gone.
                for output in ["main.stdout", "main.stderr", "main.race.txt"] {
                    if dir.join(output).exists() {
                        self.strays.push(relative.join(output));
                    }
                }
                continue;
            }
            let mut listing = read_listing(&self.root, Kind::Go, &name, relative.join("main.go"))?;
            for other in sorted_entries(&dir)? {
                let file = other.file_name().unwrap().to_string_lossy().into_owned();
                if file.ends_with(".go") && file != "main.go" {
                    let part = read_listing(&self.root, Kind::Go, &name, relative.join(&file))?;
                    listing.anchors.extend(part.anchors);
                }
            }
            let beside = |file: &str| dir.join(file).is_file().then(|| relative.join(file));
            listing.stdout = beside("main.stdout");
            listing.stderr = beside("main.stderr");
            listing.race_txt = beside("main.race.txt");
            self.listings.push(listing);
        }
        Ok(())
    }
}

impl Inventory {
    /// The chat server, if the book has one: its library, each binary (a
    /// step, the load generator) and their Go twins, each a listing whose
    /// anchors may be in any of its files; and the steps' sessions.
    pub(crate) fn scan_chat(&mut self) -> Result<(), Error> {
        if self.root.join(CHAT_RUST).is_dir() {
            let lib = Path::new(CHAT_RUST).join("src");
            self.chat_listing(Kind::ChatRust, "lib", &lib, "lib.rs")?;
            let bins = lib.join("bin");
            for dir in sorted_entries(&self.root.join(&bins))? {
                if dir.is_dir() {
                    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                    self.chat_listing(Kind::ChatRust, &name, &bins.join(&name), "main.rs")?;
                }
            }
        }
        if self.root.join(CHAT_GO).is_dir() {
            let lib = Path::new(CHAT_GO);
            self.chat_listing(Kind::ChatGo, "lib", lib, "protocol.go")?;
            for dir in sorted_entries(&self.root.join(lib))? {
                if dir.is_dir() {
                    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                    self.chat_listing(Kind::ChatGo, &name, &lib.join(&name), "main.go")?;
                }
            }
        }
        if self.root.join(CHAT_SESSIONS).is_dir() {
            for file in sorted_entries(&self.root.join(CHAT_SESSIONS))? {
                if file.extension().is_some_and(|e| e == "txt") {
                    let name = file.file_name().unwrap();
                    self.sessions.push(Path::new(CHAT_SESSIONS).join(name));
                }
            }
        }
        Ok(())
    }

    /// One part of the chat server: the files of `dir` (not its folders),
    /// `main` first.
    fn chat_listing(
        &mut self,
        kind: Kind,
        name: &str,
        dir: &Path,
        main: &str,
    ) -> Result<(), Error> {
        let ext = if kind == Kind::ChatGo { "go" } else { "rs" };
        if !self.root.join(dir).join(main).is_file() {
            return Err(error(
                &self.root.join(dir),
                0,
                format!("a part of the chat server needs its {main}"),
            ));
        }
        let mut listing = read_listing(&self.root, kind, name, dir.join(main))?;
        for file in sorted_entries(&self.root.join(dir))? {
            let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
            let is_source = file.is_file() && file.extension().is_some_and(|e| e == ext);
            if is_source && file_name != main && !file_name.ends_with("_test.go") {
                let part = read_listing(&self.root, kind, name, dir.join(&file_name))?;
                listing.anchors.extend(part.anchors);
            }
        }
        self.listings.push(listing);
        Ok(())
    }
}

/// The listing stem of a recorded output of `kind`, if `file` is one.
fn recorded_stem(file: &str, kind: Kind) -> Option<&str> {
    let exts: &[&str] = match kind {
        Kind::Rust => &[".stdout", ".stderr", ".bench.txt", ".loom.txt"],
        _ => &[".stderr"],
    };
    exts.iter().find_map(|ext| file.strip_suffix(ext))
}

/// Reads a listing's source for its directives and anchors.
fn read_listing(root: &Path, kind: Kind, name: &str, source: PathBuf) -> Result<Listing, Error> {
    let path = root.join(&source);
    let text =
        fs::read_to_string(&path).map_err(|e| error(&path, 0, format!("cannot read it: {e}")))?;
    let mut listing = Listing {
        kind,
        name: name.to_owned(),
        source,
        stdout: None,
        stderr: None,
        bench_txt: None,
        loom_txt: None,
        race_txt: None,
        race_expected: false,
        output: OutputRule::default(),
        bench: None,
        loom_model: kind == Kind::Rust && text.contains("loom::model"),
        anchors: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let trimmed = line.trim();
        if let Some(anchor) = trimmed.strip_prefix("// ANCHOR:") {
            listing.anchors.push(Anchor {
                name: anchor.trim().to_owned(),
                file: listing.source.clone(),
            });
        } else if let Some(directive) = trimmed.strip_prefix("// output:") {
            match directive.trim().split_once(' ') {
                None if directive.trim() == "any-order" => listing.output.any_order = true,
                Some(("varies", re)) => listing.output.varies.push(
                    Regex::new(re.trim())
                        .map_err(|e| error(&path, line_no, format!("`// output: varies`: {e}")))?,
                ),
                _ => {
                    return Err(error(
                        &path,
                        line_no,
                        format!(
                            "unknown directive `{trimmed}`; write `// output: any-order` \
                             or `// output: varies REGEX`"
                        ),
                    ));
                }
            }
        } else if let Some(status) = trimmed.strip_prefix("// exit:") {
            listing.output.exit = status.trim().parse().map_err(|_| {
                error(
                    &path,
                    line_no,
                    format!("`{trimmed}`: write the exit status as a number, `// exit: 101`"),
                )
            })?;
        } else if let Some(what) = trimmed.strip_prefix("// at-exit:") {
            if what.trim() != "still-running" {
                return Err(error(
                    &path,
                    line_no,
                    format!("unknown directive `{trimmed}`; write `// at-exit: still-running`"),
                ));
            }
            listing.output.still_running = true;
        } else if let Some(what) = trimmed.strip_prefix("// race:") {
            if kind != Kind::Go || what.trim() != "expected" {
                return Err(error(
                    &path,
                    line_no,
                    format!(
                        "unknown directive `{trimmed}`; a Go listing whose lesson is a data race \
                         writes `// race: expected`"
                    ),
                ));
            }
            listing.race_expected = true;
        } else if let Some(args) = trimmed.strip_prefix("// bench:") {
            if kind != Kind::Rust {
                return Err(error(
                    &path,
                    line_no,
                    "only a Rust listing can be a benchmark listing",
                ));
            }
            listing.bench = Some(args.split_whitespace().map(str::to_owned).collect());
        }
    }
    Ok(listing)
}

/// The entries of a folder the book needs, sorted; one that cannot be read
/// is an error, never an empty folder.
fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let cannot = |e: std::io::Error| error(dir, 0, format!("cannot read it: {e}"));
    let mut entries = fs::read_dir(dir)
        .map_err(cannot)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(cannot)?;
    entries.sort();
    Ok(entries)
}
