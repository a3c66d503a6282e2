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
    every_page_loads_with_no_console_errors,
    every_mermaid_block_becomes_an_svg_in_light_and_dark_themes,
    the_run_button_shows_the_listings_real_output,
    roadmap_progress_survives_a_reload,
    search_finds_a_chapter_1_term,
    only_pages_with_diagrams_load_mermaid,
    go_and_rust_tabs_switch_together_persist_and_fit_every_theme_and_a_phone,
];

fn book_url() -> String {
    std::env::var("BOOK_URL").expect("run by `cargo xtask test`, which sets BOOK_URL")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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

/// The console messages of level SEVERE since the last call.
async fn console_errors(client: &Client) -> Vec<String> {
    let log = client.issue_cmd(BrowserLog).await.expect("the browser log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Evaluates `script` (a function body) in the page until it returns true.
async fn wait_until(client: &Client, script: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if client.execute(script, vec![]).await.unwrap() == json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const MERMAID_DONE: &str = "return Array.from(document.querySelectorAll('pre.mermaid')).every(p => p.querySelector('svg'));";

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
    found
}

async fn every_page_loads_with_no_console_errors() {
    let client = browser().await;
    let mut failures = Vec::new();
    for page in pages() {
        client.goto(&format!("{}{page}", book_url())).await.unwrap();
        wait_until(
            &client,
            "return document.readyState === 'complete';",
            "the page to load",
        )
        .await;
        wait_until(&client, MERMAID_DONE, "the diagrams").await;
        tokio::time::sleep(Duration::from_millis(200)).await; // late fetches, such as the runner's crate list
        for error in console_errors(&client).await {
            failures.push(format!("{page}: {error}"));
        }
    }
    client.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "console errors:\n{}",
        failures.join("\n")
    );
}

async fn every_mermaid_block_becomes_an_svg_in_light_and_dark_themes() {
    let client = browser().await;
    let with_diagrams: Vec<String> = pages()
        .into_iter()
        .filter(|page| {
            std::fs::read_to_string(root().join("book").join(page))
                .unwrap()
                .contains("<pre class=\"mermaid\">")
        })
        .collect();
    assert!(
        with_diagrams.len() >= 10,
        "only {} pages have diagrams",
        with_diagrams.len()
    );
    for page in &with_diagrams {
        client.goto(&format!("{}{page}", book_url())).await.unwrap();
        wait_until(&client, MERMAID_DONE, &format!("the diagrams of {page}")).await;
        let errors = client
            .execute("return document.querySelectorAll('pre.mermaid svg[aria-roledescription=\"error\"]').length;", vec![])
            .await
            .unwrap();
        assert_eq!(errors, json!(0), "{page}: a diagram has a syntax error");
    }
    // The same diagrams, redrawn when the reader picks a dark theme.
    client
        .goto(&format!("{}ch01-goroutines/internals.html", book_url()))
        .await
        .unwrap();
    wait_until(&client, MERMAID_DONE, "the diagrams").await;
    let style = "return document.querySelector('pre.mermaid svg style').textContent;";
    let light = client.execute(style, vec![]).await.unwrap();
    client
        .execute(
            "document.getElementById('mdbook-theme-navy').click();",
            vec![],
        )
        .await
        .unwrap();
    wait_until(
        &client,
        &format!("const s = document.querySelector('pre.mermaid svg style'); return !!s && s.textContent !== {light};"),
        "the diagrams in the dark theme",
    )
    .await;
    client.close().await.unwrap();
}

async fn the_run_button_shows_the_listings_real_output() {
    let client = browser().await;
    client
        .goto(&format!(
            "{}ch02-sharing-memory/happens-before.html",
            book_url()
        ))
        .await
        .unwrap();
    let find = "return Array.from(document.querySelectorAll('pre.playground')).findIndex(p => p.textContent.includes('INCREMENTS'));";
    let index = client.execute(find, vec![]).await.unwrap();
    assert!(index.as_i64().unwrap() >= 0, "the listing is on the page");
    let block = format!("document.querySelectorAll('pre.playground')[{index}]");
    wait_until(
        &client,
        &format!("return !{block}.querySelector('.play-button').hidden;"),
        "the Run button",
    )
    .await;
    client
        .execute(
            &format!("{block}.querySelector('.play-button').click();"),
            vec![],
        )
        .await
        .unwrap();
    let result = format!(
        "(() => {{ const r = {block}.querySelector('.result'); return r ? r.innerText : ''; }})()"
    );
    wait_until(
        &client,
        &format!("const t = {result}; return t.length > 0 && !t.startsWith('Running');"),
        "the output",
    )
    .await;
    let shown = client
        .execute(&format!("return {result};"), vec![])
        .await
        .unwrap();
    let recorded =
        std::fs::read_to_string(root().join("examples/ch02-04-arc-mutex-counter.stdout")).unwrap();
    assert_eq!(shown.as_str().unwrap().trim(), recorded.trim());
    client.close().await.unwrap();
}

async fn roadmap_progress_survives_a_reload() {
    let client = browser().await;
    client
        .goto(&format!("{}roadmap.html", book_url()))
        .await
        .unwrap();
    wait_until(
        &client,
        "return document.querySelectorAll('.progress-box').length === 62;",
        "62 checkboxes",
    )
    .await;
    client
        .execute("document.querySelector('.progress-box').click();", vec![])
        .await
        .unwrap();
    client.refresh().await.unwrap();
    wait_until(&client, "return document.querySelector('.progress-box') && document.querySelector('.progress-box').checked;", "the box still checked").await;
    let badge = client
        .execute(
            "return document.querySelector('main h2 .progress-count').textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(badge, json!("1/14 done"));
    client
        .goto(&format!("{}ch03-channels/index.html", book_url()))
        .await
        .unwrap();
    wait_until(
        &client,
        "return Array.from(document.querySelectorAll('.progress-count')).some(b => b.textContent === '1/14');",
        "the sidebar count for Chapter 1",
    )
    .await;
    client.close().await.unwrap();
}

async fn search_finds_a_chapter_1_term() {
    let client = browser().await;
    client
        .goto(&format!("{}index.html", book_url()))
        .await
        .unwrap();
    client
        .execute(
            "document.getElementById('mdbook-search-toggle').click();",
            vec![],
        )
        .await
        .unwrap();
    wait_until(
        &client,
        "return !!document.getElementById('mdbook-searchbar');",
        "the search bar",
    )
    .await;
    let bar = client
        .find(fantoccini::Locator::Id("mdbook-searchbar"))
        .await
        .unwrap();
    bar.send_keys("work stealing").await.unwrap();
    wait_until(
        &client,
        "return Array.from(document.querySelectorAll('#mdbook-searchresults a')).some(a => a.getAttribute('href').includes('ch01-goroutines/internals.html'));",
        "a result in Chapter 1",
    )
    .await;
    client.close().await.unwrap();
}

async fn only_pages_with_diagrams_load_mermaid() {
    let client = browser().await;
    let mut report = Vec::new();
    for (page, has_diagrams) in [
        ("ch01-goroutines/index.html", false),
        ("ch01-goroutines/internals.html", true),
    ] {
        client.goto(&format!("{}{page}", book_url())).await.unwrap();
        wait_until(
            &client,
            "return document.readyState === 'complete';",
            "the page",
        )
        .await;
        wait_until(&client, MERMAID_DONE, "the diagrams").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let entries = client
            .execute(
                "const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                 return all.map(e => [e.name, e.transferSize || e.encodedBodySize || 0]);",
                vec![],
            )
            .await
            .unwrap();
        let entries: Vec<(String, u64)> = serde_json::from_value(entries).unwrap();
        let mermaid = entries
            .iter()
            .any(|(name, _)| name.contains("mermaid.min.js"));
        assert_eq!(
            mermaid, has_diagrams,
            "{page}: requested mermaid.min.js: {mermaid}"
        );
        let bytes: u64 = entries.iter().map(|(_, size)| size).sum();
        report.push(format!(
            "{page}: {} requests, {bytes} bytes transferred",
            entries.len()
        ));
    }
    println!("{}", report.join("\n"));
    client.close().await.unwrap();
}

/// The contrast ratio (WCAG 2) between a tab's text and the tab bar, in the
/// page's current theme.
const TAB_CONTRAST: &str = "
    const lum = color => {
        const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const tab = document.querySelector('.go-rust [role=tab][aria-selected=true]');
    const fg = lum(getComputedStyle(tab).color);
    const bg = lum(getComputedStyle(tab.parentElement).backgroundColor);
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);";

/// Every pane of the page shows `lang` and hides the other language.
fn all_panes_show(lang: &str) -> String {
    format!(
        "const panes = Array.from(document.querySelectorAll('.go-rust > .pane'));
         return panes.length > 0 && panes.every(p => (p.dataset.lang === '{lang}') === (p.offsetParent !== null));"
    )
}

async fn go_and_rust_tabs_switch_together_persist_and_fit_every_theme_and_a_phone() {
    let client = browser().await;
    let page = |path: &str| format!("{}{path}", book_url());
    client
        .goto(&page("ch01-goroutines/basics.html"))
        .await
        .unwrap();
    wait_until(&client, &all_panes_show("rust"), "Rust panes by default").await;
    let tabs = client
        .execute(
            "return [document.querySelectorAll('.go-rust').length, document.querySelectorAll('.go-rust [role=tab]').length];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        tabs,
        json!([5, 10]),
        "five sections, a Go and a Rust tab each"
    );

    // One click switches every pair on the page, and the choice follows the reader.
    client
        .execute(
            "document.querySelector('.go-rust [role=tab][data-lang=go]').click();",
            vec![],
        )
        .await
        .unwrap();
    wait_until(&client, &all_panes_show("go"), "Go panes after one click").await;
    client
        .goto(&page("ch01-goroutines/internals.html"))
        .await
        .unwrap();
    wait_until(&client, &all_panes_show("go"), "Go panes on the next page").await;

    // Readable in the light theme and in each dark one.
    for theme in ["light", "rust", "coal", "navy", "ayu"] {
        client
            .execute(
                &format!("document.getElementById('mdbook-theme-{theme}').click();"),
                vec![],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        let ratio = client.execute(TAB_CONTRAST, vec![]).await.unwrap();
        assert!(
            ratio.as_f64().unwrap() >= 4.5,
            "{theme}: the selected tab's contrast is {ratio}, under WCAG's 4.5"
        );
    }

    // On a phone-sized screen the page does not scroll sideways: long code
    // lines scroll inside their block.
    client.set_window_size(375, 800).await.unwrap();
    client.refresh().await.unwrap(); // as a phone loads it: sidebar closed
    wait_until(&client, &all_panes_show("go"), "the page at 375 px").await;
    let overflow = client
        .execute(
            "const bar = document.querySelector('.go-rust [role=tablist]').getBoundingClientRect();
             return [document.documentElement.scrollWidth - window.innerWidth, bar.right - window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let [page_overflow, bar_overflow] = [0, 1].map(|i| overflow[i].as_f64().unwrap());
    assert!(
        page_overflow <= 0.0 && bar_overflow <= 0.0,
        "at 375 px wide, the page overflows by {page_overflow} px and the tab bar by {bar_overflow} px"
    );
    client.close().await.unwrap();
}
