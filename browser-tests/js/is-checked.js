// Whether the first element matching `arguments[0]` exists and is checked.
const box = document.querySelector(arguments[0]);
return box !== null && box.checked;
