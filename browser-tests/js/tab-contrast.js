// The contrast ratio (WCAG 2) between the selected Go/Rust tab's text and its
// tab bar, in the page's current theme.
const luminance = color => {
    const [r, g, b] = color
        .match(/[\d.]+/g)
        .slice(0, 3)
        .map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const tab = document.querySelector('.go-rust [role=tab][aria-selected=true]');
const fg = luminance(getComputedStyle(tab).color);
const bg = luminance(getComputedStyle(tab.parentElement).backgroundColor);
return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
