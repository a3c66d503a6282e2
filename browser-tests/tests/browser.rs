//! The book in a real browser: headless Chromium, driven over WebDriver.
//!
//! `cargo xtask test` runs these after building the book: it serves the book
//! and its local runner (as `cargo xtask serve` does), starts chromedriver,
//! and passes their addresses in `BOOK_URL` and `WEBDRIVER_URL`.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// The tests, which need the book served and chromedriver running: without
/// them (a plain `cargo test --workspace`), they are reported as ignored,
/// with a notice, except in CI, where that is a failure.
fn main() -> ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    let served =
        std::env::var_os("BOOK_URL").is_some() && std::env::var_os("WEBDRIVER_URL").is_some();
    if !served {
        let why = "the browser tests need the book served and chromedriver running; \
                   `cargo xtask test` starts both (xtask/src/browser.rs)";
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            eprintln!("error: {why}");
            return ExitCode::FAILURE;
        }
        eprintln!("SKIPPED: {why}");
    }
    let trials: Vec<libtest_mimic::Trial> = TESTS
        .iter()
        .map(|&(name, test)| {
            libtest_mimic::Trial::test(name, move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?
                    .block_on(test());
                Ok(())
            })
            .with_ignored_flag(!served)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

type Test = fn() -> Pin<Box<dyn Future<Output = ()>>>;

macro_rules! tests {
    ($($name:ident),* $(,)?) => {
        const TESTS: &[(&str, Test)] = &[$((stringify!($name), || Box::pin($name()))),*];
    };
}

tests![
    every_page_loads_light_with_no_console_errors_and_no_mermaid_script,
    every_diagram_is_drawn_at_build_time_as_mermaid_draws_it_in_both_theme_families,
    the_run_button_shows_the_listings_real_output,
    roadmap_progress_survives_a_reload,
    search_finds_a_chapter_1_term,
    go_and_rust_tabs_switch_together_persist_and_fit_every_theme_and_a_phone,
    pairs_sit_side_by_side_on_a_wide_screen_and_become_tabs_on_a_narrower_one,
    the_print_page_shows_both_languages_labelled_and_every_diagram,
    a_go_pane_runs_its_program_through_the_local_runner,
    every_page_is_free_of_serious_axe_violations_in_every_theme,
    an_exercise_fails_as_given_passes_when_solved_and_stays_solved,
    a_quiz_marks_a_wrong_answer_then_the_right_one_and_keeps_the_score,
    a_go_pane_reveals_its_hidden_lines,
];

fn book_url() -> String {
    std::env::var("BOOK_URL").expect("run by `cargo xtask test`, which sets BOOK_URL")
}

fn root() -> PathBuf {
    // At run time, so that a copy of the checkout tests itself.
    Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A fresh Chromium with an empty profile, its console log kept for us.
async fn browser() -> Client {
    let webdriver = std::env::var("WEBDRIVER_URL").expect("set by `cargo xtask test`");
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900"],
        }),
    );
    capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&webdriver)
        .await
        .expect("a WebDriver session")
}

/// chromedriver's log endpoint (`POST /session/{id}/se/log`), which W3C
/// WebDriver leaves out and fantoccini does not wrap.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// A Chrome DevTools Protocol command, through chromedriver
/// (`POST /session/{id}/goog/cdp/execute`): media emulation and the cache.
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

async fn cdp(client: &Client, command: &'static str, params: serde_json::Value) {
    client
        .issue_cmd(Cdp(command, params))
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"));
}

/// One entry of chromedriver's browser log.
#[derive(serde::Deserialize)]
struct LogEntry {
    level: String,
    message: String,
}

/// The console messages of level SEVERE since the last call.
async fn console_errors(client: &Client) -> Vec<String> {
    let log = client.issue_cmd(BrowserLog).await.expect("the browser log");
    let entries: Vec<LogEntry> = serde_json::from_value(log).expect("log entries");
    entries
        .into_iter()
        .filter(|entry| entry.level == "SEVERE")
        .map(|entry| entry.message)
        .collect()
}

/// A script of `browser-tests/js/`: the body of a function that WebDriver
/// runs in the page, with the arguments it is given.
macro_rules! js {
    ($name:literal) => {
        include_str!(concat!("../js/", $name, ".js"))
    };
}

async fn run(client: &Client, script: &str, args: &[serde_json::Value]) -> serde_json::Value {
    client.execute(script, args.to_vec()).await.unwrap()
}

/// Runs `script` in the page until it returns something other than false
/// or null, and returns that.
async fn wait_for(
    client: &Client,
    script: &str,
    args: &[serde_json::Value],
    what: &str,
) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let value = run(client, script, args).await;
        if value != json!(false) && !value.is_null() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn open(client: &Client, page: &str) {
    client.goto(&format!("{}{page}", book_url())).await.unwrap();
    wait_for(
        client,
        js!("page-settled"),
        &[],
        &format!("{page} to settle"),
    )
    .await;
}

/// Every page of the built book, as a path relative to the book's root.
fn pages() -> Vec<String> {
    fn walk(dir: &Path, root: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, found);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    let book = root().join("book");
    let mut found = Vec::new();
    walk(&book, &book, &mut found);
    // 404.html is shown only for a missing page, with its own base URL; toc.html
    // is mdBook's sidebar for browsers without JavaScript, whose favicon link
    // mdBook 0.5.4 gets wrong (a 404 in the console).
    found.retain(|page| page != "404.html" && page != "toc.html");
    found.sort();
    assert!(!found.is_empty(), "no page in the built book");
    found
}

fn built(page: &str) -> String {
    std::fs::read_to_string(root().join("book").join(page)).unwrap()
}

/// The themes mdBook offers, read from its theme menu (`<button
/// class="theme" id="mdbook-theme-NAME">`), but the "default" entry, which
/// picks one of them.
fn themes() -> Vec<String> {
    let html = built("index.html");
    let themes: Vec<String> = html
        .split("class=\"theme\" id=\"mdbook-theme-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .filter(|theme| theme != "default_theme")
        .collect();
    assert!(themes.len() >= 2, "no theme menu in index.html");
    themes
}

/// The roadmap's items that link to their section (the checkboxes of the
/// roadmap page), by chapter number.
fn roadmap_items() -> std::collections::BTreeMap<u32, usize> {
    let roadmap = std::fs::read_to_string(root().join("src/roadmap.md")).unwrap();
    let mut items = std::collections::BTreeMap::new();
    for line in roadmap.lines().filter(|l| l.starts_with("- [")) {
        let chapter = line
            .split("](ch")
            .nth(1)
            .and_then(|rest| rest.get(..2))
            .and_then(|n| n.parse().ok());
        if let Some(chapter) = chapter {
            *items.entry(chapter).or_default() += 1;
        }
    }
    items
}

/// What a page weighs that its own text does not explain: every request
/// but the page itself, its table of contents and its fonts, which grow with
/// the text and would be the same in a plain mdBook book, in bytes
/// transferred (uncompressed, as `mdbook serve` sends them), and the inline
/// scripts and style sheets the page carries (`inline`).
fn machinery(page_url: &str, entries: &[(String, u64)], inline: u64) -> u64 {
    inline
        + entries
            .iter()
            .filter(|(name, _)| {
                name != page_url && !name.contains("/toc-") && !name.contains("/fonts/")
            })
            .map(|(_, size)| size)
            .sum::<u64>()
}

/// A page with diagrams weighs at most this, its machinery and its drawings
/// counted; a page without, at most `PLAIN_FACTOR` times what a plain mdBook
/// page's machinery does.
const WITH_DIAGRAMS_BYTES: u64 = 1_200_000;
const PLAIN_FACTOR: f64 = 1.05;

async fn every_page_loads_light_with_no_console_errors_and_no_mermaid_script() {
    let client = browser().await;
    // Every page as a first visit: nothing from the cache.
    cdp(&client, "Network.enable", json!({})).await;
    cdp(
        &client,
        "Network.setCacheDisabled",
        json!({ "cacheDisabled": true }),
    )
    .await;
    let weigh = |entries: serde_json::Value| -> Vec<(String, u64)> {
        serde_json::from_value(entries).unwrap()
    };
    let plain_url = format!(
        "{}page.html",
        std::env::var("PLAIN_BOOK_URL").expect("set by `cargo xtask test`")
    );
    client.goto(&plain_url).await.unwrap();
    wait_for(&client, js!("page-settled"), &[], "the plain mdBook page").await;
    let plain = weigh(run(&client, js!("resources"), &[]).await);
    let plain_inline = run(&client, js!("inline-bytes"), &[])
        .await
        .as_u64()
        .unwrap();
    let plain_machinery = machinery(&plain_url, &plain, plain_inline);
    // Its Run button asks the real playground, which may be out of reach here.
    console_errors(&client).await;
    let mut failures = Vec::new();
    let (mut heaviest_with, mut heaviest_without) = ((0, String::new()), (0, String::new()));
    let mut heaviest_total = (0, String::new());
    for page in pages() {
        open(&client, &page).await;
        for error in console_errors(&client).await {
            failures.push(format!("{page}: {error}"));
        }
        let entries = weigh(run(&client, js!("resources"), &[]).await);
        if let Some((name, _)) = entries
            .iter()
            .find(|(name, _)| name.contains("mermaid.min.js"))
        {
            failures.push(format!(
                "{page}: requested {name}: a diagram was not drawn at build time"
            ));
        }
        // The print page is every page at once.
        if page == "print.html" {
            continue;
        }
        let total: u64 = entries.iter().map(|(_, size)| size).sum();
        let inline = run(&client, js!("inline-bytes"), &[])
            .await
            .as_u64()
            .unwrap();
        let own = machinery(&format!("{}{page}", book_url()), &entries, inline);
        let drawings = run(&client, js!("diagram-bytes"), &[])
            .await
            .as_u64()
            .unwrap();
        heaviest_total = heaviest_total.max((total, page.clone()));
        if drawings > 0 {
            let weight = own + drawings;
            if weight > WITH_DIAGRAMS_BYTES {
                failures.push(format!(
                    "{page}: machinery {own} and drawings {drawings} bytes, over {WITH_DIAGRAMS_BYTES} for a page with diagrams"
                ));
            }
            heaviest_with = heaviest_with.max((weight, page.clone()));
        } else {
            let ratio = own as f64 / plain_machinery as f64;
            if ratio > PLAIN_FACTOR {
                failures.push(format!(
                    "{page}: its machinery transfers {own} bytes, {ratio:.3} times a plain mdBook page's {plain_machinery}"
                ));
            }
            heaviest_without = heaviest_without.max((own, page.clone()));
        }
    }
    println!(
        "a plain mdBook page: {} bytes in all, {plain_machinery} of machinery\n\
         heaviest page in all: {} ({} bytes)\n\
         heaviest page with diagrams, machinery and drawings: {} ({} bytes)\n\
         heaviest machinery of a page without: {} ({} bytes, {:.3} times the plain page's)",
        plain.iter().map(|(_, s)| s).sum::<u64>(),
        heaviest_total.1,
        heaviest_total.0,
        heaviest_with.1,
        heaviest_with.0,
        heaviest_without.1,
        heaviest_without.0,
        heaviest_without.0 as f64 / plain_machinery as f64,
    );
    client.close().await.unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn every_diagram_is_drawn_at_build_time_as_mermaid_draws_it_in_both_theme_families() {
    let client = browser().await;
    // A page has a drawing for each block of its markdown (print.html repeats
    // them all; index.html is a copy of the first page), and no block is left
    // for the browser to draw.
    let mut with_diagrams = Vec::new();
    let copies = ["print.html", "index.html"];
    for page in pages() {
        let html = built(&page);
        assert!(
            !html.contains("<pre class=\"mermaid\">"),
            "{page}: a diagram left for the browser to draw"
        );
        if copies.contains(&page.as_str()) {
            continue;
        }
        let source = root().join("src").join(page.replace(".html", ".md"));
        let markdown = std::fs::read_to_string(source).unwrap_or_default();
        let blocks: Vec<String> = mdbook_listings::diagrams::mermaid_blocks(&markdown)
            .into_iter()
            .map(|(_, body)| body)
            .collect();
        let drawn = html.matches("<div class=\"diagram\">").count();
        assert_eq!(
            drawn,
            blocks.len(),
            "{page}: drawings, blocks in the markdown"
        );
        if !blocks.is_empty() {
            with_diagrams.push((page, blocks));
        }
    }
    assert!(!with_diagrams.is_empty(), "no page has a diagram");
    type Shown = Vec<(usize, Vec<String>, String)>;
    let shown = async |client: &Client| -> Shown {
        serde_json::from_value(run(client, js!("diagram-labels"), &[]).await).unwrap()
    };
    for (page, blocks) in &with_diagrams {
        open(&client, page).await;
        let live = client
            .execute_async(js!("mermaid-draws"), vec![json!(blocks)])
            .await
            .unwrap();
        let live: Vec<Vec<String>> = serde_json::from_value(live.clone())
            .unwrap_or_else(|_| panic!("{page}: Mermaid in the browser: {live}"));
        for (theme, dark) in [("light", false), ("navy", true)] {
            run(
                &client,
                js!("click"),
                &[json!(format!("#mdbook-theme-{theme}"))],
            )
            .await;
            let drawn = shown(&client).await;
            assert_eq!(
                drawn.len(),
                live.len(),
                "{page}: diagrams drawn, in the {theme} theme"
            );
            for (i, ((count, labels, fill), live)) in drawn.iter().zip(&live).enumerate() {
                let what = format!("{page}: diagram {i} in the {theme} theme");
                assert_eq!(*count, 1, "{what}: drawings shown");
                assert!(!labels.is_empty(), "{what} has no labels");
                assert_eq!(
                    labels, live,
                    "{what}, drawn at build time and by Mermaid here"
                );
                assert_eq!(
                    luminance(fill) > 0.5,
                    dark,
                    "{what}: its text is drawn in {fill}"
                );
            }
        }
    }
    // With no theme picked, the system's preference picks one.
    let page = &with_diagrams[0].0;
    run(&client, js!("clear-storage"), &[]).await;
    let dark_system = json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] });
    cdp(&client, "Emulation.setEmulatedMedia", dark_system).await;
    open(&client, page).await;
    for (i, (count, _, fill)) in shown(&client).await.iter().enumerate() {
        assert!(
            *count == 1 && luminance(fill) > 0.5,
            "{page}: diagram {i} on a dark system: {count} shown, text in {fill}"
        );
    }
    client.close().await.unwrap();
}

/// The relative luminance (0 black to 1 white) of a CSS `rgb(r, g, b)`.
fn luminance(colour: &str) -> f64 {
    let channels: Vec<f64> = colour
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .filter_map(|c| c.trim().parse::<f64>().ok())
        .collect();
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    match channels[..] {
        [r, g, b, ..] => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b),
        _ => panic!("not an rgb() colour: {colour}"),
    }
}

/// The first listing (by name) whose recorded output is exact and complete
/// (no `// output:` wildcard, nothing on stderr, no release-mode numbers),
/// with the page that shows it.
fn a_listing_with_exact_output() -> (inventory::Listing, String) {
    let inventory = inventory::Inventory::scan(&root()).unwrap();
    let caption = |l: &inventory::Listing| format!("<code>{}</code>", l.source.display());
    let listing = inventory
        .of(inventory::Kind::Rust)
        .find(|l| {
            let exact = !l.output.any_order && l.output.varies.is_empty();
            exact && l.stderr.is_none() && l.bench.is_none() && !l.loom_model
        })
        .expect("a listing with an exact output")
        .clone();
    let page = pages()
        .into_iter()
        .find(|page| page != "print.html" && built(page).contains(&caption(&listing)))
        .unwrap_or_else(|| panic!("no page shows {}", listing.id()));
    (listing, page)
}

async fn the_run_button_shows_the_listings_real_output() {
    let client = browser().await;
    let (listing, page) = a_listing_with_exact_output();
    open(&client, &page).await;
    let file = json!(listing.source.display().to_string());
    let ask = |action: &str| [json!(action), file.clone()];
    let found = run(&client, js!("playground"), &ask("find")).await;
    assert_eq!(
        found,
        json!(true),
        "{page} shows {} as a runnable listing",
        listing.id()
    );
    wait_for(&client, js!("playground"), &ask("ready"), "the Run button").await;
    run(&client, js!("playground"), &ask("run")).await;
    let shown = wait_for(&client, js!("playground"), &ask("output"), "the output").await;
    let recorded = std::fs::read_to_string(root().join(listing.stdout_path())).unwrap();
    assert_eq!(
        shown.as_str().unwrap().trim(),
        recorded.trim(),
        "{}",
        listing.id()
    );
    client.close().await.unwrap();
}

async fn roadmap_progress_survives_a_reload() {
    let client = browser().await;
    let items = roadmap_items();
    let all: usize = items.values().sum();
    let (&first, &in_first) = items.iter().next().expect("a roadmap item with a section");
    open(&client, "roadmap.html").await;
    let boxes = run(&client, js!("count"), &[json!(".progress-box")]).await;
    assert_eq!(
        boxes,
        json!(all),
        "a checkbox per roadmap item with a section"
    );
    run(&client, js!("click"), &[json!(".progress-box")]).await;
    client.refresh().await.unwrap();
    wait_for(
        &client,
        js!("is-checked"),
        &[json!(".progress-box")],
        "the box still checked",
    )
    .await;
    let badge = run(&client, js!("text"), &[json!("main h2 .progress-count")]).await;
    assert_eq!(badge, json!(format!("1/{in_first} done")));
    open(&client, "ch03-channels/index.html").await;
    let count = [json!(".progress-count"), json!(format!("1/{in_first}"))];
    let what = format!("the sidebar count for Chapter {first}");
    wait_for(&client, js!("some-text-is"), &count, &what).await;
    client.close().await.unwrap();
}

async fn search_finds_a_chapter_1_term() {
    let client = browser().await;
    open(&client, "index.html").await;
    run(&client, js!("click"), &[json!("#mdbook-search-toggle")]).await;
    let bar = [json!("#mdbook-searchbar")];
    wait_for(&client, js!("count"), &bar, "the search bar").await;
    let bar = client
        .find(fantoccini::Locator::Id("mdbook-searchbar"))
        .await
        .unwrap();
    bar.send_keys("work stealing").await.unwrap();
    let page = [json!("ch01-goroutines/internals.html")];
    wait_for(&client, js!("search-hit"), &page, "a result in Chapter 1").await;
    client.close().await.unwrap();
}

async fn go_and_rust_tabs_switch_together_persist_and_fit_every_theme_and_a_phone() {
    let client = browser().await;
    let page = "ch01-goroutines/basics.html";
    open(&client, page).await;
    let rust = [json!("rust")];
    wait_for(
        &client,
        js!("all-panes-show"),
        &rust,
        "Rust panes by default",
    )
    .await;
    let pairs = built(page).matches("<div class=\"go-rust\">").count();
    assert!(pairs > 0, "{page} has no Go/Rust pair");
    let tabs = run(&client, js!("count"), &[json!(".go-rust [role=tab]")]).await;
    assert_eq!(tabs, json!(2 * pairs), "a Go and a Rust tab for each pair");

    // One click switches every pair on the page, and the choice follows the reader.
    let go_tab = [json!(".go-rust [role=tab][data-lang=go]")];
    run(&client, js!("click"), &go_tab).await;
    let go = [json!("go")];
    wait_for(
        &client,
        js!("all-panes-show"),
        &go,
        "Go panes after one click",
    )
    .await;
    open(&client, "ch01-goroutines/internals.html").await;
    wait_for(
        &client,
        js!("all-panes-show"),
        &go,
        "Go panes on the next page",
    )
    .await;

    // The tabs are accessible as axe-core sees them (the panes side by side,
    // at 1400 px and wider, are checked on every page by
    // every_page_is_free_of_serious_axe_violations_in_every_theme).
    if let Ok(axe) = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js")) {
        client
            .execute(&format!("{axe}\nreturn true;"), vec![])
            .await
            .unwrap();
        let found = client
            .execute_async(js!("axe"), vec![json!("all")])
            .await
            .unwrap();
        assert_eq!(found, json!([]), "axe-core on the tabs");
    }

    // Readable in every theme.
    for theme in themes() {
        run(
            &client,
            js!("click"),
            &[json!(format!("#mdbook-theme-{theme}"))],
        )
        .await;
        wait_for(
            &client,
            js!("has-class"),
            &[json!(theme)],
            &format!("the {theme} theme"),
        )
        .await;
        let ratio = run(&client, js!("tab-contrast"), &[]).await;
        assert!(
            ratio.as_f64().unwrap() >= 4.5,
            "{theme}: the selected tab's contrast is {ratio}, under WCAG's 4.5"
        );
    }

    // On a phone-sized screen the page does not scroll sideways: long code
    // lines scroll inside their block.
    client.set_window_size(375, 800).await.unwrap();
    client.refresh().await.unwrap(); // as a phone loads it: sidebar closed
    wait_for(&client, js!("page-settled"), &[], "the page at 375 px").await;
    wait_for(
        &client,
        js!("all-panes-show"),
        &go,
        "the Go panes at 375 px",
    )
    .await;
    let overflow = run(&client, js!("overflow"), &[]).await;
    let [page_overflow, bar_overflow] = [0, 1].map(|i| overflow[i].as_f64().unwrap());
    assert!(
        page_overflow <= 0.0 && bar_overflow <= 0.0,
        "at 375 px wide, the page overflows by {page_overflow} px and the tab bar by {bar_overflow} px"
    );
    client.close().await.unwrap();
}

async fn an_exercise_fails_as_given_passes_when_solved_and_stays_solved() {
    let inventory = inventory::Inventory::scan(&root()).unwrap();
    let exercise = inventory.exercises.first().expect("an exercise").clone();
    let marker = format!("data-exercise=\"{}\"", exercise.name);
    let page = pages()
        .into_iter()
        .find(|page| page != "print.html" && built(page).contains(&marker))
        .unwrap_or_else(|| panic!("no page shows {}", exercise.id()));
    let client = browser().await;
    open(&client, &page).await;
    let name = json!(exercise.name);
    let ask = |action: &str| [json!(action), name.clone()];

    // As given, the starter fails its tests, through the local runner.
    run(&client, js!("exercise"), &ask("run")).await;
    let status = wait_for(
        &client,
        js!("exercise"),
        &ask("status"),
        "the starter's tests",
    )
    .await;
    assert_eq!(
        status,
        json!("Not yet: a test fails (below)."),
        "{}",
        exercise.id()
    );

    // With the solution in the editor, they pass, and the exercise is solved.
    let solution = std::fs::read_to_string(root().join(&exercise.solution)).unwrap();
    let edit = [json!("edit"), name.clone(), json!(solution)];
    run(&client, js!("exercise"), &edit).await;
    run(&client, js!("exercise"), &ask("run")).await;
    let status = wait_for(
        &client,
        js!("exercise"),
        &ask("status"),
        "the solution's tests",
    )
    .await;
    assert_eq!(
        status,
        json!("Solved: every test passes."),
        "{}",
        exercise.id()
    );

    // Solved stays solved, and the roadmap counts it.
    open(&client, &page).await;
    assert_eq!(
        run(&client, js!("exercise"), &ask("solved")).await,
        json!(true)
    );
    open(&client, "roadmap.html").await;
    let chapter = exercise.chapter().expect("a chapter in its name");
    let badge = [
        json!("main h2 .progress-count"),
        json!(format!(
            "0/{} done · 1 exercise solved",
            roadmap_items()[&chapter]
        )),
    ];
    wait_for(
        &client,
        js!("some-text-is"),
        &badge,
        "the roadmap's count of solved exercises",
    )
    .await;
    client.close().await.unwrap();
}

async fn a_quiz_marks_a_wrong_answer_then_the_right_one_and_keeps_the_score() {
    // The first quiz of the book, and the page that shows it.
    let quizzes = inventory::Inventory::scan(&root()).unwrap().quizzes;
    let name = quizzes
        .first()
        .expect("a quiz")
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let marker = format!("data-quiz=\"{name}\"");
    let page = pages()
        .into_iter()
        .find(|page| page != "print.html" && built(page).contains(&marker))
        .unwrap_or_else(|| panic!("no page shows the quiz {name}"));
    let client = browser().await;
    open(&client, &page).await;
    let quiz = json!(name);
    let key = run(&client, js!("quiz"), &[json!("key"), quiz.clone()]).await;
    let (right, count) = (
        key[0].as_u64().unwrap() as usize,
        key[1].as_u64().unwrap() as usize,
    );
    let wrong = (right + 1) % count;
    let state = || [json!("state"), quiz.clone()];

    run(
        &client,
        js!("quiz"),
        &[json!("pick"), quiz.clone(), json!(wrong)],
    )
    .await;
    let mut marks = vec![""; count];
    marks[wrong] = "wrong";
    assert_eq!(
        run(&client, js!("quiz"), &state()).await,
        json!([marks, false])
    );

    run(
        &client,
        js!("quiz"),
        &[json!("pick"), quiz.clone(), json!(right)],
    )
    .await;
    marks[right] = "right";
    assert_eq!(
        run(&client, js!("quiz"), &state()).await,
        json!([marks, true])
    );

    // The first try counts, and the score survives a reload.
    open(&client, &page).await;
    let score = run(&client, js!("quiz"), &[json!("score"), quiz.clone()]).await;
    let questions = built(&page).matches("<div class=\"question\"").count();
    assert_eq!(
        score,
        json!(format!(
            "0 of 1 answered right the first time (of {questions})."
        ))
    );
    client.close().await.unwrap();
}

/// A Go pane shows its anchors, with the rest of the file behind the eye
/// button, as a Rust listing does.
async fn a_go_pane_reveals_its_hidden_lines() {
    let client = browser().await;
    open(&client, "ch01-goroutines/common-mistakes.html").await;
    run(
        &client,
        js!("click"),
        &[json!(".go-rust [role=tab][data-lang=go]")],
    )
    .await;
    let go_code = ".pane[data-lang=go] pre code";
    let hidden = format!("{go_code}.hide-boring");
    let before = wait_for(
        &client,
        js!("count"),
        &[json!(hidden)],
        "Go blocks with hidden lines",
    )
    .await;
    assert!(before.as_u64().unwrap() > 0, "no Go pane hides lines");
    let eye = ".pane[data-lang=go] pre .buttons button[title='Show hidden lines']";
    run(&client, js!("click"), &[json!(eye)]).await;
    let after = run(&client, js!("count"), &[json!(hidden)]).await;
    assert_eq!(
        after.as_u64().unwrap() + 1,
        before.as_u64().unwrap(),
        "the eye button revealed one block's hidden lines"
    );
}

/// At 1400 px and wider, both panes of a pair show, side by side and
/// labelled, wider than the text; narrower, the tabs are back, on the
/// language the reader chose.
async fn pairs_sit_side_by_side_on_a_wide_screen_and_become_tabs_on_a_narrower_one() {
    let client = browser().await;
    let page = "ch01-goroutines/basics.html";
    client.set_window_size(1500, 900).await.unwrap();
    open(&client, page).await;
    let layout = |value: serde_json::Value| -> Vec<(bool, bool, bool, i64, i64, i64, bool)> {
        serde_json::from_value(value).unwrap()
    };
    let wide = layout(run(&client, js!("pairs-layout"), &[]).await);
    assert!(!wide.is_empty(), "{page} has no pair");
    let column = run(
        &client,
        "return document.querySelector('main').getBoundingClientRect().width;",
        &[],
    )
    .await;
    for (i, &(bar, go, rust, down, right, width, labelled)) in wide.iter().enumerate() {
        assert!(
            !bar && go && rust && labelled,
            "pair {i} at 1500 px: tab bar, Go, Rust, labelled: {:?}",
            wide[i]
        );
        assert!(
            down.abs() <= 2 && right > 200,
            "pair {i} at 1500 px: the Rust pane is {down} px down and {right} px right of the Go pane"
        );
        assert!(
            width as f64 > column.as_f64().unwrap(),
            "pair {i} at 1500 px is {width} px, no wider than the text"
        );
    }
    client.set_window_size(1280, 900).await.unwrap();
    run(
        &client,
        js!("click"),
        &[json!(".go-rust [role=tab][data-lang=go]")],
    )
    .await;
    let narrow = layout(run(&client, js!("pairs-layout"), &[]).await);
    for (i, &(bar, go, rust, ..)) in narrow.iter().enumerate() {
        assert!(
            bar && go && !rust,
            "pair {i} at 1280 px after choosing Go: tab bar, Go, Rust: {:?}",
            narrow[i]
        );
    }
    client.close().await.unwrap();
}

/// On paper, every pair shows both languages, labelled, and every diagram
/// its light drawing, whatever the screen showed.
async fn the_print_page_shows_both_languages_labelled_and_every_diagram() {
    let client = browser().await;
    open(&client, "ch01-goroutines/basics.html").await;
    run(
        &client,
        js!("click"),
        &[json!(".go-rust [role=tab][data-lang=go]")],
    )
    .await;
    run(&client, js!("click"), &[json!("#mdbook-theme-coal")]).await;
    cdp(
        &client,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    open(&client, "print.html").await;
    let pairs = built("print.html")
        .matches("<div class=\"go-rust\">")
        .count();
    let layout: Vec<(bool, bool, bool, i64, i64, i64, bool)> =
        serde_json::from_value(run(&client, js!("pairs-layout"), &[]).await).unwrap();
    assert_eq!(layout.len(), pairs);
    for (i, &(bar, go, rust, down, .., labelled)) in layout.iter().enumerate() {
        assert!(
            !bar && go && rust && labelled && down > 0,
            "printed pair {i}: {:?}",
            layout[i]
        );
    }
    let diagrams: Vec<(usize, Vec<String>, String)> =
        serde_json::from_value(run(&client, js!("diagram-labels"), &[]).await).unwrap();
    assert!(!diagrams.is_empty(), "the print page has no diagram");
    for (i, (count, _, fill)) in diagrams.iter().enumerate() {
        assert!(
            *count == 1 && luminance(fill) < 0.5,
            "printed diagram {i}: {count} shown, its text in {fill}"
        );
    }
    client.close().await.unwrap();
}

/// Served locally, a Go pane has a Run button: the program as the page shows
/// it, built and run by the local runner, prints what its recording says.
async fn a_go_pane_runs_its_program_through_the_local_runner() {
    let inventory = inventory::Inventory::scan(&root()).unwrap();
    let shown_on = |l: &inventory::Listing| {
        let marker = format!("class=\"go-program\" data-listing=\"{}\"", l.name);
        pages()
            .into_iter()
            .find(|page| page != "print.html" && built(page).contains(&marker))
    };
    let (listing, page) = inventory
        .of(inventory::Kind::Go)
        .filter(|l| {
            let exact = !l.output.any_order && l.output.varies.is_empty() && l.output.exit == 0;
            exact && l.stderr.is_none() && !l.race_expected
        })
        .find_map(|l| Some((l.clone(), shown_on(l)?)))
        .expect("a Go listing with an exact output, shown on a page");
    assert!(
        built(&page).contains(&format!(
            "run it locally with <code>{}</code>",
            listing.run_command()
        )),
        "{page}: the caption of {} says how to run it locally",
        listing.id()
    );
    let client = browser().await;
    open(&client, &page).await;
    run(
        &client,
        js!("click"),
        &[json!(".go-rust [role=tab][data-lang=go]")],
    )
    .await;
    let name = json!(listing.name);
    let ask = |action: &str| [json!(action), name.clone()];
    assert_eq!(
        run(&client, js!("go-program"), &ask("button")).await,
        json!(true),
        "{page}: a Run button on {}",
        listing.id()
    );
    run(&client, js!("go-program"), &ask("run")).await;
    let shown = wait_for(
        &client,
        js!("go-program"),
        &ask("output"),
        "the Go program's output",
    )
    .await;
    let recorded = std::fs::read_to_string(root().join(listing.stdout_path())).unwrap();
    assert_eq!(
        shown.as_str().unwrap().trim(),
        recorded.trim(),
        "{}",
        listing.id()
    );
    client.close().await.unwrap();
}

/// axe-core (the version package.json pins, which `cargo xtask test`
/// installs with npm) on every page, in every theme, at 1500 px, where both
/// panes of a pair show: no serious or critical violation of WCAG 2.1 A or
/// AA. The rules that do not depend on colours run once, in the light theme.
/// Two browsers share the pages, one per core.
async fn every_page_is_free_of_serious_axe_violations_in_every_theme() {
    let axe = root().join("node_modules/axe-core/axe.min.js");
    let Ok(axe) = std::fs::read_to_string(&axe) else {
        let why = format!("{} is missing (`npm ci` installs it)", axe.display());
        assert!(std::env::var("CI").map_or(true, |v| v != "true"), "{why}");
        println!("SKIPPED the axe-core checks: {why}");
        return;
    };
    let version = axe.split_whitespace().nth(2).unwrap_or("?").to_owned();
    let pages: Vec<String> = pages()
        .into_iter()
        // The print page is every other page at once.
        .filter(|page| page != "print.html")
        .collect();
    let halves: Vec<Vec<String>> = pages
        .chunks(pages.len().div_ceil(2))
        .map(<[String]>::to_vec)
        .collect();
    let check = async |pages: Vec<String>| -> Vec<String> {
        let client = browser().await;
        client.set_window_size(1500, 900).await.unwrap();
        let mut failures = Vec::new();
        for page in pages {
            open(&client, &page).await;
            client
                .execute(&format!("{axe}\nreturn true;"), vec![])
                .await
                .unwrap();
            for theme in themes() {
                run(
                    &client,
                    js!("click"),
                    &[json!(format!("#mdbook-theme-{theme}"))],
                )
                .await;
                let which = if theme == "light" { "all" } else { "colour" };
                let found = client
                    .execute_async(js!("axe"), vec![json!(which)])
                    .await
                    .unwrap();
                let found: Vec<(String, String, String)> = serde_json::from_value(found).unwrap();
                failures.extend(found.into_iter().map(|(rule, target, what)| {
                    format!("{page} ({theme}): {rule}: {target}: {what}")
                }));
            }
        }
        client.close().await.unwrap();
        failures
    };
    let (a, b) = tokio::join!(
        check(halves[0].clone()),
        check(halves.get(1).cloned().unwrap_or_default())
    );
    let failures: Vec<String> = a.into_iter().chain(b).collect();
    println!(
        "axe-core {version}: {} pages in {} themes, {} serious or critical violations",
        pages.len(),
        themes().len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
