// Online, the Run buttons use the Rust playground. A listing that needs a
// crate the playground lacks (src/playground-crates.json, which
// `cargo xtask check` keeps in step with Cargo.toml) shows no Run button.
// Served locally, theme/head.hbs sends them to the local runner instead,
// which has every crate the book uses.
(() => {
    if (['127.0.0.1', 'localhost'].includes(location.hostname)) {
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
