// Whether the page's root element has the class `arguments[0]` (mdBook puts
// the current theme's name there).
return document.documentElement.classList.contains(arguments[0]);
