// Each Go/Rust pair's layout: [tab bar shows, Go pane shows, Rust pane shows,
// the Rust pane's top minus the Go pane's, the Rust pane's left minus the Go
// pane's, the pair's width], and whether each shown pane has its label.
const shows = element => element !== null && getComputedStyle(element).display !== 'none';
return Array.from(document.querySelectorAll('.go-rust')).map(pair => {
    const [go, rust] = ['go', 'rust'].map(lang =>
        pair.querySelector(`:scope > .pane[data-lang=${lang}]`),
    );
    const [g, r] = [go, rust].map(pane => pane.getBoundingClientRect());
    const labelled = [go, rust]
        .filter(shows)
        .every(
            pane =>
                getComputedStyle(pane, '::before').content.replace(/"/g, '') === pane.dataset.lang,
        );
    return [
        shows(pair.querySelector(':scope > [role=tablist]')),
        shows(go),
        shows(rust),
        Math.round(r.top - g.top),
        Math.round(r.left - g.left),
        Math.round(pair.getBoundingClientRect().width),
        labelled,
    ];
});
