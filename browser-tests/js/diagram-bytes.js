// The bytes of the page's HTML that are its diagrams' drawings.
return Array.from(document.querySelectorAll('.diagram')).reduce(
    (bytes, diagram) => bytes + new Blob([diagram.outerHTML]).size,
    0,
);
