// The runnable listing whose code contains `arguments[1]`, and what
// `arguments[0]` asks of it: its index among the page's runnable listings
// (`find`), whether its Run button shows (`ready`), a click on it (`run`), or
// the output shown under it, once it is no longer running (`output`).
const [action, needle] = arguments;
const blocks = Array.from(document.querySelectorAll('pre.playground'));
const block = blocks.find(b => b.textContent.includes(needle));
if (action === 'find') {
    return blocks.indexOf(block);
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
