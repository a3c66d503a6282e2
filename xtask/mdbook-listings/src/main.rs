//! `mdbook-listings`: the book's preprocessor, as mdBook runs it (see
//! book.toml). `cargo xtask` installs it into `.tools/bin`; the expansion
//! itself is the library, `mdbook_listings::expand`.

use std::io;
use std::process::ExitCode;

use inventory::Inventory;
use mdbook_listings::diagrams;
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
            let assets = mdbook_listings::page_assets(&expanded.text);
            chapter.content =
                mdbook_listings::sources::link_sources(&expanded.text, &releases) + &assets;
        });
        if !problems.is_empty() {
            return Err(Error::msg(problems.join("\n")));
        }
        draw_diagrams(&ctx.root, &mut book);
        Ok(book)
    }
}

/// Every page's Mermaid blocks, drawn as inline SVG in one Chromium run
/// (`mdbook_listings::diagrams`). If they cannot be drawn here, they are left
/// for the browser to draw, with a notice.
fn draw_diagrams(root: &std::path::Path, book: &mut Book) {
    let mut bodies = Vec::new();
    book.for_each_chapter_mut(|chapter| {
        let blocks = diagrams::mermaid_blocks(&chapter.content);
        bodies.extend(blocks.into_iter().map(|(_, body)| body));
    });
    if bodies.is_empty() {
        return;
    }
    let chromium = std::env::var_os("MDBOOK_LISTINGS_CHROMIUM")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| diagrams::CHROMIUM.into());
    match diagrams::draw(root, &chromium, &bodies) {
        Ok(drawn) => {
            let drawn: std::collections::HashMap<&str, &diagrams::Drawn> =
                bodies.iter().map(String::as_str).zip(&drawn).collect();
            let mut texts = Vec::new();
            book.for_each_chapter_mut(|chapter| {
                let text = diagrams::inline(&chapter.content, &|body| {
                    drawn.get(body).map(|d| (*d).clone())
                });
                texts.push(text);
            });
            let mut texts = texts.into_iter();
            book.for_each_chapter_mut(|chapter| chapter.content = texts.next().unwrap());
        }
        Err(why) => {
            eprintln!("mdbook-listings: the diagrams are left for the browser to draw: {why}");
            // Only these pages need the script that draws them, so only
            // they carry it (book.toml does not list it for every page).
            book.for_each_chapter_mut(|chapter| {
                if !diagrams::mermaid_blocks(&chapter.content).is_empty() {
                    chapter.content += &format!("\n\n<script>\n{}</script>\n", diagrams::LOADER);
                }
            });
        }
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
