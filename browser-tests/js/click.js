// Clicks the first element matching the selector `arguments[0]`.
document.querySelector(arguments[0]).click();
