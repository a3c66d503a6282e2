// Runs axe-core (injected before) on the page and passes its serious and
// critical violations to the callback, one [rule, target, what] per element.
// `arguments[0]` is "all" (WCAG 2.1 A and AA) or "colour" (the rules that
// depend on the theme's colours).
const [which, done] = arguments;
const rules =
    which === 'all'
        ? { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }
        : { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } };
window.axe
    .run(document, { ...rules, resultTypes: ['violations'] })
    .then(results =>
        done(
            results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v =>
                    v.nodes.map(node => {
                        const check = node.any[0] || node.all[0] || node.none[0] || {};
                        return [v.id, node.target.join(' '), check.message || v.help];
                    }),
                ),
        ),
    )
    .catch(error => done([['axe', '', String(error)]]));
