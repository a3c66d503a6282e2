// Turns each `<div class="go-rust">` (a Go pane and a Rust pane, written in the
// Markdown) into tabs. Without JavaScript both panes simply show, one under the
// other. The reader's choice applies to every pair on every page, and is kept
// in this browser (localStorage). On a screen 1400 px wide or more, go-rust.css
// shows both panes side by side instead, as wide as the page has room for.
(() => {
    const KEY = 'go-concurrency-in-rust:language';
    const LABELS = { go: 'Go', rust: 'Rust' };
    const groups = [...document.querySelectorAll('.go-rust')];
    if (groups.length === 0) {
        return;
    }

    function show(lang) {
        for (const group of groups) {
            for (const tab of group.querySelectorAll(':scope > [role=tablist] > button')) {
                const selected = tab.dataset.lang === lang;
                tab.setAttribute('aria-selected', String(selected));
                tab.tabIndex = selected ? 0 : -1;
            }
            for (const pane of group.querySelectorAll(':scope > .pane')) {
                pane.hidden = pane.dataset.lang !== lang;
            }
        }
    }

    function choose(lang, tab) {
        // Switching every pair moves the page; keep the clicked tab where it was.
        const before = tab.getBoundingClientRect().top;
        show(lang);
        window.scrollBy(0, tab.getBoundingClientRect().top - before);
        try {
            localStorage.setItem(KEY, lang);
        } catch {
            // Private windows may refuse storage; the choice then lasts for the page.
        }
    }

    groups.forEach((group, n) => {
        const panes = [...group.querySelectorAll(':scope > .pane')];
        const bar = document.createElement('div');
        bar.setAttribute('role', 'tablist');
        bar.setAttribute('aria-label', 'Language of the listing');
        for (const pane of panes) {
            const lang = pane.dataset.lang;
            const tab = document.createElement('button');
            tab.type = 'button';
            tab.id = `go-rust-${n}-${lang}`;
            tab.setAttribute('role', 'tab');
            tab.setAttribute('aria-controls', (pane.id = `go-rust-${n}-${lang}-pane`));
            tab.dataset.lang = lang;
            tab.textContent = LABELS[lang] || lang;
            pane.setAttribute('role', 'tabpanel');
            pane.setAttribute('aria-labelledby', tab.id);
            tab.addEventListener('click', () => choose(lang, tab));
            tab.addEventListener('keydown', event => {
                const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
                if (step) {
                    const tabs = [...bar.children];
                    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
                    choose(next.dataset.lang, next);
                    next.focus();
                }
            });
            bar.append(tab);
        }
        group.prepend(bar);
        group.classList.add('tabbed');
    });

    // The room beside the text column, for side-by-side panes: the content
    // area less its padding, which changes as the sidebar opens and closes.
    const content = document.getElementById('mdbook-content');
    if (content && window.ResizeObserver) {
        const widen = () => {
            const wide = Math.min(content.clientWidth - 48, 1600);
            document.documentElement.style.setProperty('--go-rust-wide', `${wide}px`);
        };
        new ResizeObserver(widen).observe(content);
        widen();
    }

    let saved = null;
    try {
        saved = localStorage.getItem(KEY);
    } catch {
        // No storage: start on Rust.
    }
    show(saved === 'go' || saved === 'rust' ? saved : 'rust');
})();
