// True once the page has loaded, drawn its diagrams, and (on a page with
// runnable listings) received the runner's crate list, which book.js asks for
// as it loads: after that, no request of the page is still on its way.
const diagrams = Array.from(document.querySelectorAll('pre.mermaid'));
const fetched = name =>
    performance.getEntriesByType('resource').some(entry => entry.name.includes(name));
return (
    document.readyState === 'complete' &&
    diagrams.every(block => block.querySelector('svg')) &&
    (document.querySelector('.playground') === null || fetched('/meta/crates'))
);
