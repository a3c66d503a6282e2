// Online, the Run buttons use the Rust playground. A listing that needs a
// crate the playground lacks (src/playground-crates.json, which
// `cargo xtask check` keeps in step with Cargo.toml) shows no Run button.
// Served locally, theme/head.hbs sends them to the local runner instead,
// which has every crate the book uses.
// A Go listing (`<div class="go-program">`, which xtask/mdbook-listings
// writes) gets a Run button only there: it posts the files the pane shows to
// the runner's `evaluate-go.json`. Online its caption says how to run it.
(() => {
    if (window.localRunner) {
        document.querySelectorAll('.go-program').forEach(program => {
            const blocks = Array.from(program.querySelectorAll('pre > code'));
            const names = program.dataset.files.split(' ');
            const last = blocks[blocks.length - 1].parentElement;
            const buttons = blocks[0].parentElement.querySelector('.buttons');
            if (!buttons || blocks.length !== names.length) {
                return;
            }
            const button = document.createElement('button');
            button.className = 'play-button';
            button.title = 'Run this code';
            button.setAttribute('aria-label', button.title);
            button.innerHTML = document.getElementById('fa-play').innerHTML;
            buttons.prepend(button);
            button.addEventListener('click', () => {
                let result = last.querySelector('.result');
                if (!result) {
                    result = document.createElement('code');
                    result.className = 'result hljs language-bash';
                    last.append(result);
                }
                result.innerText = 'Running...';
                // textContent has the hidden lines too: the whole file.
                const files = Object.fromEntries(names.map((n, i) => [n, blocks[i].textContent]));
                fetch(`${window.localRunner}evaluate-go.json`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ listing: program.dataset.listing, files }),
                })
                    .then(response => response.json())
                    .then(({ result: shown }) => {
                        result.innerText = shown.trim() === '' ? 'No output' : shown;
                    })
                    .catch(error => {
                        result.innerText = `Local runner: ${error.message}`;
                    });
            });
        });
        return;
    }
    fetch(path_to_root + 'playground-crates.json')
        .then(response => response.json())
        .then(({ lacks }) => {
            const uses = (block, crate) => new RegExp(`\\b${crate}::`).test(block.textContent);
            document.querySelectorAll('pre.playground').forEach(block => {
                const button = block.querySelector('.play-button');
                const missing = lacks.filter(crate => uses(block, crate));
                if (!button || missing.length === 0) {
                    return;
                }
                block.dataset.playgroundLacks = missing.join(' ');
                const hide = () => {
                    if (!button.hidden) {
                        button.hidden = true;
                        button.classList.add('hidden');
                    }
                };
                hide();
                // book.js shows the button once the playground answers: hide it again.
                new MutationObserver(hide).observe(button, { attributes: true });
            });
        })
        .catch(() => {});
})();
