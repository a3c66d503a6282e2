// The text of the first element matching `arguments[0]`, or null.
const element = document.querySelector(arguments[0]);
return element ? element.textContent : null;
