// Draws each of `arguments[0]` (Mermaid sources) with the Mermaid the book
// bundles, here in the browser, and passes the labels of each drawing to the
// callback: what diagram-labels.js reads off the drawings made at build time.
const [sources, done] = arguments;
const labels = root =>
    Array.from(root.querySelectorAll('foreignObject, text'))
        .map(element => element.textContent.trim())
        .filter(Boolean)
        .sort();
const script = document.createElement('script');
// mdBook defines path_to_root on every page (a `const`, so not on window).
/* global path_to_root */
script.src = `${path_to_root}mermaid/mermaid.min.js`;
script.onload = async () => {
    window.mermaid.initialize({ startOnLoad: false });
    const drawn = [];
    for (const [i, text] of sources.entries()) {
        const { svg } = await window.mermaid.render(`check-${i}`, text);
        drawn.push(labels(new DOMParser().parseFromString(svg, 'text/html')));
    }
    done(drawn);
};
script.onerror = () => done('could not load mermaid.min.js');
document.head.append(script);
