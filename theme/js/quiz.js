// Makes each quiz question (written by the book's preprocessor) answerable:
// its choices become buttons, an answer is marked right or wrong at once,
// and the explanation opens. The answer key is in the page (`data-answer`),
// so nothing is sent anywhere. The first answer to each question counts:
// the score is kept in this browser (localStorage), and the roadmap page
// shows it per chapter.
(() => {
    const KEY = 'go-concurrency-in-rust:quizzes';
    const quizzes = [...document.querySelectorAll('.quiz[data-quiz]')];
    if (quizzes.length === 0) {
        return;
    }
    const load = () => {
        try {
            const stored = JSON.parse(localStorage.getItem(KEY) || '{}');
            return stored && typeof stored === 'object' ? stored : {};
        } catch {
            return {};
        }
    };
    const save = scores => {
        try {
            localStorage.setItem(KEY, JSON.stringify(scores));
        } catch {
            // Not saved: the score lasts for the page.
        }
    };

    for (const quiz of quizzes) {
        const name = quiz.dataset.quiz;
        const questions = [...quiz.querySelectorAll(':scope > .question')];
        const score = document.createElement('p');
        score.className = 'quiz-score';
        score.setAttribute('role', 'status');
        quiz.append(score);
        const showScore = () => {
            const answered = load()[name] || {};
            const firsts = Object.values(answered);
            const right = firsts.filter(Boolean).length;
            score.textContent = firsts.length
                ? `${right} of ${firsts.length} answered right the first time (of ${questions.length}).`
                : '';
        };
        questions.forEach((question, n) => {
            const answer = Number(question.dataset.answer);
            const why = question.querySelector('.why');
            const choices = [...question.querySelectorAll(':scope > .choice')];
            choices.forEach((choice, c) => {
                choice.setAttribute('role', 'button');
                choice.tabIndex = 0;
                const pick = () => {
                    const right = c === answer;
                    choice.classList.add(right ? 'right' : 'wrong');
                    choice.setAttribute('aria-label', right ? 'right answer' : 'wrong answer');
                    if (right) {
                        question.classList.add('answered');
                        why.open = true;
                    }
                    const scores = load();
                    scores[name] = scores[name] || {};
                    if (!(n in scores[name])) {
                        scores[name][n] = right;
                        save(scores);
                    }
                    showScore();
                };
                choice.addEventListener('click', pick);
                choice.addEventListener('keydown', event => {
                    if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        pick();
                    }
                });
            });
        });
        showScore();
    }
})();
