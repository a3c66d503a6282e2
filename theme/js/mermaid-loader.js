// Where the diagrams could not be drawn at build time, the pages that have one
// carry this script inline (xtask/mdbook-listings/src/diagrams.rs). It loads
// mermaid (2.6 MB) and draws them, and redraws them in mermaid's dark theme
// whenever the reader picks a dark book theme.
(() => {
    const blocks = Array.from(document.querySelectorAll('pre.mermaid'));
    if (blocks.length === 0) {
        return;
    }
    const sources = blocks.map(block => block.textContent);
    const html = document.documentElement;
    const darkThemes = ['ayu', 'navy', 'coal'];
    const wantsDark = () => darkThemes.some(theme => html.classList.contains(theme));
    let drawnDark = null;

    async function draw() {
        const dark = wantsDark();
        if (dark === drawnDark) {
            return;
        }
        drawnDark = dark;
        window.mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default' });
        blocks.forEach((block, i) => {
            block.removeAttribute('data-processed');
            block.textContent = sources[i];
        });
        await window.mermaid.run({ nodes: blocks });
    }

    const script = document.createElement('script');
    script.src = path_to_root + 'mermaid/mermaid.min.js';
    script.onload = () => {
        draw();
        new MutationObserver(draw).observe(html, { attributes: true, attributeFilter: ['class'] });
    };
    document.head.appendChild(script);
})();
