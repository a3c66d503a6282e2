// Forgets what this browser kept for the book (the theme, the language, progress).
localStorage.clear();
return true;
