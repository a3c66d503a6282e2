// Keeps the reader's progress through the roadmap: a checkbox per item on the
// roadmap page, saved in this browser (localStorage), and a count per chapter
// on the roadmap page and beside each chapter in the sidebar.
(() => {
    const DONE = 'go-concurrency-in-rust:done';
    const TOTALS = 'go-concurrency-in-rust:totals';
    // Storage may be refused (a private window, a blocked site) or hold
    // something else than this script wrote: progress then lasts for the page.
    const read = (key, empty) => {
        try {
            return JSON.parse(localStorage.getItem(key) || empty);
        } catch {
            return JSON.parse(empty);
        }
    };
    const write = (key, value) => {
        try {
            localStorage.setItem(key, JSON.stringify(value));
        } catch {
            // Not saved; see `read`.
        }
    };
    const saved = read(DONE, '[]');
    const done = new Set(
        Array.isArray(saved) ? saved.filter(item => typeof item === 'string') : [],
    );
    // Exercises solved on their pages (theme/js/exercises.js), by chapter.
    const solvedIn = chapter => {
        const solved = read('go-concurrency-in-rust:solved', '[]');
        const names = Array.isArray(solved) ? solved : [];
        return names.filter(name => String(name).startsWith(`ch${chapter}-`)).length;
    };
    // Quiz answers (theme/js/quiz.js), first tries: [right, answered].
    const quizIn = chapter => {
        const scores = read('go-concurrency-in-rust:quizzes', '{}');
        const all = scores && typeof scores === 'object' ? scores : {};
        const firsts = Object.entries(all)
            .filter(([quiz]) => quiz.startsWith(`ch${chapter}-`))
            .flatMap(([, answers]) => Object.values(answers || {}));
        return [firsts.filter(Boolean).length, firsts.length];
    };
    // Any exercise solved or quiz answered, anywhere in the book.
    const anyOther = () =>
        read('go-concurrency-in-rust:solved', '[]').length > 0 ||
        Object.keys(read('go-concurrency-in-rust:quizzes', '{}') || {}).length > 0;
    // An item is identified by its section: "ch01-goroutines/basics.html#work-stealing".
    const chapterOf = href => (href.match(/^ch(\d\d)-/) || [])[1];

    function counts(totals) {
        const result = {};
        for (const chapter of Object.keys(totals)) {
            const finished = [...done].filter(item => chapterOf(item) === chapter).length;
            result[chapter] = `${finished}/${totals[chapter]}`;
        }
        return result;
    }

    function showInSidebar(totals) {
        const shown = counts(totals);
        document
            .querySelectorAll('mdbook-sidebar-scrollbox a[href], .sidebar a[href]')
            .forEach(link => {
                const match = link
                    .getAttribute('href')
                    .match(/(?:^|\/)ch(\d\d)-[^/]+\/index\.html$/);
                if (!match || !shown[match[1]]) {
                    return;
                }
                let badge = link.querySelector('.progress-count');
                if (!badge) {
                    badge = document.createElement('span');
                    badge.className = 'progress-count';
                    link.append(badge);
                }
                badge.textContent = shown[match[1]];
                badge.title = 'roadmap items you have checked in this chapter';
            });
    }

    /// The roadmap's items, grouped by chapter: the links inside list items.
    function itemsOf(root) {
        return Array.from(root.querySelectorAll('main li > a[href*=".html#"]')).filter(link =>
            chapterOf(link.getAttribute('href')),
        );
    }

    function totalsOf(items) {
        const totals = {};
        items.forEach(link => {
            const chapter = chapterOf(link.getAttribute('href'));
            totals[chapter] = (totals[chapter] || 0) + 1;
        });
        return totals;
    }

    const onRoadmap = /(^|\/)roadmap\.html$/.test(location.pathname);
    if (onRoadmap) {
        const items = itemsOf(document);
        const totals = totalsOf(items);
        write(TOTALS, totals);
        const headings = {};
        document.querySelectorAll('main h2').forEach(h2 => {
            const chapter = (h2.textContent.match(/^\s*(\d+)/) || [])[1];
            if (chapter && totals[chapter.padStart(2, '0')]) {
                const badge = document.createElement('span');
                badge.className = 'progress-count';
                h2.append(badge);
                headings[chapter.padStart(2, '0')] = badge;
            }
        });
        const refresh = () => {
            const shown = counts(totals);
            for (const [chapter, badge] of Object.entries(headings)) {
                const solved = solvedIn(chapter);
                const exercises = solved
                    ? ` · ${solved} exercise${solved === 1 ? '' : 's'} solved`
                    : '';
                const [right, answered] = quizIn(chapter);
                const quiz = answered ? ` · quiz ${right}/${answered}` : '';
                badge.textContent = `${shown[chapter]} done${exercises}${quiz}`;
            }
            showInSidebar(totals);
        };
        items.forEach(link => {
            const item = link.getAttribute('href');
            const box = document.createElement('input');
            box.type = 'checkbox';
            box.className = 'progress-box';
            box.checked = done.has(item);
            box.setAttribute('aria-label', `done: ${link.textContent}`);
            box.addEventListener('change', () => {
                box.checked ? done.add(item) : done.delete(item);
                write(DONE, [...done]);
                refresh();
            });
            link.before(box);
        });
        refresh();
    } else {
        const totals = read(TOTALS, 'null');
        if (totals && typeof totals === 'object') {
            showInSidebar(totals);
        } else if (done.size > 0 || anyOther()) {
            // Progress, but the totals not yet learned (the roadmap page was
            // never opened in this browser): learn them from it. A reader
            // with no progress has no counts to see, and fetches nothing.
            fetch(path_to_root + 'roadmap.html')
                .then(response => response.text())
                .then(text => {
                    const page = new DOMParser().parseFromString(text, 'text/html');
                    const learned = totalsOf(itemsOf(page));
                    write(TOTALS, learned);
                    showInSidebar(learned);
                })
                .catch(() => {});
        }
    }
})();
