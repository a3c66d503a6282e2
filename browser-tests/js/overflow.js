// How far the page, and the first tab bar, reach past the window's right edge.
const bar = document.querySelector('.go-rust [role=tablist]').getBoundingClientRect();
return [document.documentElement.scrollWidth - window.innerWidth, bar.right - window.innerWidth];
