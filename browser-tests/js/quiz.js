// The first question of the quiz `arguments[1]`, and what `arguments[0]`
// asks of it: the index of its right answer and its number of choices
// (`key`), a click on choice `arguments[2]` (`pick`), the marks of its
// choices and whether its explanation is open (`state`), or the quiz's
// score line (`score`).
const [action, name, choice] = arguments;
const quiz = document.querySelector(`.quiz[data-quiz="${name}"]`);
const question = quiz.querySelector('.question');
const choices = [...question.querySelectorAll(':scope > .choice')];
if (action === 'key') {
    return [Number(question.dataset.answer), choices.length];
}
if (action === 'pick') {
    choices[choice].click();
    return null;
}
if (action === 'state') {
    const marks = choices.map(c =>
        c.classList.contains('right') ? 'right' : c.classList.contains('wrong') ? 'wrong' : '',
    );
    return [marks, question.querySelector('.why').open];
}
return quiz.querySelector('.quiz-score').textContent;
