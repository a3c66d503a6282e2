// Whether an element matching `arguments[0]` has exactly the text `arguments[1]`.
const [selector, text] = arguments;
return Array.from(document.querySelectorAll(selector)).some(e => e.textContent === text);
