// The bytes of the page's own inline scripts and style sheets (not the
// diagrams' styles, which diagram-bytes.js counts): machinery the page
// carries in itself.
const inline = Array.from(document.querySelectorAll('script:not([src]), style')).filter(
    element => !element.closest('svg'),
);
return inline.reduce((bytes, element) => bytes + new Blob([element.textContent]).size, 0);
