// Whether the first diagram's style sheet is no longer `arguments[0]`: the
// diagrams were redrawn in another theme.
const style = document.querySelector('pre.mermaid svg style');
return style !== null && style.textContent !== arguments[0];
