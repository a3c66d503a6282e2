//! `mdbook-listings`: the book's preprocessor, as mdBook runs it (see
//! book.toml). `cargo xtask` installs it into `.tools/bin`; the expansion
//! itself is the library, `mdbook_listings::expand`.

use std::io;
use std::process::ExitCode;

use inventory::Inventory;
use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::errors::{Error, Result};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

struct Listings;

impl Preprocessor for Listings {
    fn name(&self) -> &str {
        "listings"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let inventory = Inventory::scan(&ctx.root)?;
        // The releases whose sources the book cites: book.toml's Go and Rust,
        // and Cargo.lock's crates.
        let release = |key: &str| -> Result<String> {
            ctx.config
                .get(&format!("preprocessor.listings.{key}"))?
                .ok_or_else(|| {
                    Error::msg(format!("book.toml: [preprocessor.listings] needs {key}"))
                })
        };
        let lock = std::fs::read_to_string(ctx.root.join("Cargo.lock"))?;
        let releases = mdbook_listings::sources::Releases {
            go: release("go-source")?,
            rust: release("rust-source")?,
            crates: mdbook_listings::sources::Releases::crates_of_lock(&lock),
        };
        let src = ctx.config.book.src.clone();
        let mut problems = Vec::new();
        book.for_each_mut(|item| {
            let BookItem::Chapter(chapter) = item else {
                return;
            };
            let Some(source) = &chapter.source_path else {
                return;
            };
            let page = src.join(source);
            let expanded = mdbook_listings::expand(&chapter.content, &page, &inventory);
            for p in expanded.problems {
                problems.push(format!(
                    "{}:{}: {}\n    fix: {}",
                    page.display(),
                    p.line,
                    p.what,
                    p.fix
                ));
            }
            chapter.content = mdbook_listings::sources::link_sources(&expanded.text, &releases);
        });
        if !problems.is_empty() {
            return Err(Error::msg(problems.join("\n")));
        }
        Ok(book)
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("supports") => return ExitCode::SUCCESS, // every renderer
        Some("--version") => {
            println!("mdbook-listings {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let result = mdbook_preprocessor::parse_input(io::stdin()).and_then(|(ctx, book)| {
        if ctx.mdbook_version != mdbook_preprocessor::MDBOOK_VERSION {
            eprintln!(
                "mdbook-listings: built for mdBook {}, run by {}",
                mdbook_preprocessor::MDBOOK_VERSION,
                ctx.mdbook_version
            );
        }
        let book = Listings.run(&ctx, book)?;
        serde_json::to_writer(io::stdout(), &book)?;
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ERROR mdbook-listings: {e:#}");
            ExitCode::FAILURE
        }
    }
}
