// Whether every Go/Rust pair of the page shows its `arguments[0]` pane and
// hides the other.
const panes = Array.from(document.querySelectorAll('.go-rust > .pane'));
return (
    panes.length > 0 &&
    panes.every(pane => (pane.dataset.lang === arguments[0]) === (pane.offsetParent !== null))
);
