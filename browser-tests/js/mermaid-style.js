// The style sheet of the first diagram, which changes with mermaid's theme.
const style = document.querySelector('pre.mermaid svg style');
return style ? style.textContent : null;
