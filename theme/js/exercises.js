// Gives each exercise (`<div class="exercise">`, written by the book's
// preprocessor) a "Run tests" button: it sends the starter as it stands in
// the editor to the Rust playground with `"tests": true` (served locally,
// theme/head.hbs sends it to the local runner instead) and shows what the
// tests printed. An exercise whose tests pass is marked solved, and kept in
// this browser (localStorage), where the roadmap page counts it.
(() => {
    const SOLVED = 'go-concurrency-in-rust:solved';
    const exercises = [...document.querySelectorAll('.exercise[data-exercise]')];
    if (exercises.length === 0) {
        return;
    }
    const solved = () => {
        try {
            const stored = JSON.parse(localStorage.getItem(SOLVED) || '[]');
            return new Set(Array.isArray(stored) ? stored : []);
        } catch {
            return new Set();
        }
    };
    const remember = name => {
        const all = solved();
        all.add(name);
        try {
            localStorage.setItem(SOLVED, JSON.stringify([...all]));
        } catch {
            // Not saved: the mark lasts for the page.
        }
    };
    // The code as the reader left it: mdBook's editor (ace) when editable.
    const codeOf = pre => {
        const code = pre.querySelector('code');
        if (window.ace && code.classList.contains('editable')) {
            return window.ace.edit(code).getValue();
        }
        return code.textContent;
    };
    const passed = output => /test result: ok\./.test(output) && !/FAILED/.test(output);

    for (const exercise of exercises) {
        const name = exercise.dataset.exercise;
        const starter = exercise.querySelector('pre');
        const bar = document.createElement('p');
        bar.className = 'exercise-bar';
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'run-tests';
        button.textContent = 'Run tests';
        const status = document.createElement('span');
        status.className = 'exercise-status';
        status.setAttribute('role', 'status');
        const result = document.createElement('pre');
        result.className = 'exercise-result';
        result.hidden = true;
        bar.append(button, status);
        starter.after(bar, result);
        const markSolved = () => {
            exercise.classList.add('solved');
            status.textContent = 'Solved: every test passes.';
        };
        if (solved().has(name)) {
            markSolved();
        }
        button.addEventListener('click', () => {
            button.disabled = true;
            status.textContent = 'Running the tests…';
            const request = {
                version: 'stable',
                optimize: '0',
                code: codeOf(starter),
                edition: '2024',
                tests: true,
            };
            fetch('https://play.rust-lang.org/evaluate.json', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(request),
            })
                .then(response => response.json())
                .then(answer => {
                    const output = answer.result || answer.error || '';
                    result.textContent = output;
                    result.hidden = false;
                    if (passed(output)) {
                        remember(name);
                        markSolved();
                    } else {
                        status.textContent = 'Not yet: a test fails (below).';
                    }
                })
                .catch(error => {
                    status.textContent = `The tests could not run: ${error}`;
                })
                .finally(() => {
                    button.disabled = false;
                });
        });
    }
})();
