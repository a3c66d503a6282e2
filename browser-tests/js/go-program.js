// The Go program of listing `arguments[1]`, and what `arguments[0]` asks of
// it: whether it has a Run button (`button`), a click on it (`run`), or the
// output shown under it, once it is no longer running (`output`).
const [action, name] = arguments;
const program = document.querySelector(`.go-program[data-listing="${name}"]`);
const button = program ? program.querySelector('.play-button') : null;
if (action === 'button') {
    return button !== null;
}
if (action === 'run') {
    button.click();
    return null;
}
const result = program.querySelector('.result');
const text = result ? result.innerText : '';
return text.length > 0 && !text.startsWith('Running') ? text : null;
