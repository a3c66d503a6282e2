// The exercise `arguments[1]` on the page, and what `arguments[0]` asks of
// it: a click on "Run tests" (`run`), the status line once the tests have
// answered (`status`; null while they run), whether it is marked solved
// (`solved`), or to replace the editor's code with `arguments[2]` (`edit`).
const [action, name, code] = arguments;
const exercise = document.querySelector(`.exercise[data-exercise="${name}"]`);
if (action === 'run') {
    exercise.querySelector('.run-tests').click();
    return null;
}
if (action === 'status') {
    const button = exercise.querySelector('.run-tests');
    const status = exercise.querySelector('.exercise-status').textContent;
    return button.disabled || status === '' ? null : status;
}
if (action === 'solved') {
    return exercise.classList.contains('solved');
}
const editor = exercise.querySelector('pre code');
window.ace.edit(editor).setValue(code);
return null;
