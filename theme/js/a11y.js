// What keyboards and screen readers need that mdBook 0.5.4's pages lack. Its sidebar
// toggle is a <label> with aria-expanded and aria-label, which a label may not
// carry, and which cannot be focused: made a button that Enter and Space
// press. And a code block wider than its column scrolls, yet cannot be
// reached to scroll: each one that overflows is made focusable, again
// whenever the page's width or the shown language changes. And its code
// editor has no accessible name.
(() => {
    const toggle = document.getElementById('mdbook-sidebar-toggle');
    if (toggle && toggle.tagName === 'LABEL') {
        toggle.setAttribute('role', 'button');
        toggle.tabIndex = 0;
        toggle.addEventListener('keydown', event => {
            if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                toggle.click();
            }
        });
    }

    const reachable = () => {
        document.querySelectorAll('pre > code').forEach(code => {
            if (code.scrollWidth > code.clientWidth) {
                code.tabIndex = 0;
            } else if (code.getAttribute('tabindex') === '0') {
                code.removeAttribute('tabindex');
            }
        });
    };
    // The editor (Ace) types into a textarea with no label: name it.
    const labelEditors = () => {
        document.querySelectorAll('textarea.ace_text-input:not([aria-label])').forEach(input => {
            input.setAttribute('aria-label', 'Code editor');
        });
    };
    window.addEventListener('load', () => {
        reachable();
        labelEditors();
    });
    window.addEventListener('resize', reachable);
    // A tab of theme/js/go-rust-tabs.js shows other blocks.
    document.addEventListener('click', event => {
        if (event.target.closest('[role=tab]')) {
            requestAnimationFrame(reachable);
        }
    });
})();
