// The runnable listing whose caption names the file `arguments[1]`, and
// what `arguments[0]` asks of it: whether it is on the page (`find`),
// whether its Run button shows (`ready`), a click on it (`run`), or the
// output shown under it, once it is no longer running (`output`).
const [action, file] = arguments;
const caption = Array.from(document.querySelectorAll('.caption')).find(c =>
    c.textContent.includes(file),
);
// The code blocks come before their caption's paragraph.
let block = caption ? caption.closest('p') : null;
while (block && !block.matches('pre.playground')) {
    block = block.previousElementSibling;
}
if (action === 'find') {
    return block !== null;
}
const button = block.querySelector('.play-button');
if (action === 'ready') {
    return !button.hidden && !button.classList.contains('hidden');
}
if (action === 'run') {
    button.click();
    return null;
}
const result = block.querySelector('.result');
const text = result ? result.innerText : '';
return text.length > 0 && !text.startsWith('Running') ? text : null;
