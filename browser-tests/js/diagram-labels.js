// Each diagram drawn at build time: how many drawings of it show (one), the
// labels of the one that shows, and the colour its text is drawn in.
const labels = root =>
    Array.from(root.querySelectorAll('foreignObject, text'))
        .map(element => element.textContent.trim())
        .filter(Boolean)
        .sort();
return Array.from(document.querySelectorAll('.diagram')).map(diagram => {
    const shown = Array.from(diagram.querySelectorAll(':scope svg')).filter(
        svg => !svg.closest('foreignObject') && svg.getBoundingClientRect().width > 0,
    );
    return shown.length === 0
        ? [0, [], '']
        : [shown.length, labels(shown[0]), getComputedStyle(shown[0]).fill];
});
