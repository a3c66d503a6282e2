// How many elements match the selector `arguments[0]`.
return document.querySelectorAll(arguments[0]).length;
