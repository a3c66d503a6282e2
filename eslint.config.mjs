// The book's JavaScript, linted by `cargo xtask test` (step "lints").
import js from '@eslint/js';
import globals from 'globals';
import html from 'eslint-plugin-html';

export default [
    js.configs.recommended,
    {
        // The theme's scripts: plain browser scripts that mdBook loads after
        // its own book.js, which defines `path_to_root`.
        files: ['theme/js/**/*.js'],
        languageOptions: {
            sourceType: 'script',
            globals: { ...globals.browser, path_to_root: 'readonly' },
        },
    },
    {
        // What the browser tests run in the page through WebDriver: function
        // bodies, which return their result and read their `arguments`.
        files: ['browser-tests/js/**/*.js'],
        languageOptions: {
            sourceType: 'script',
            parserOptions: { ecmaFeatures: { globalReturn: true } },
            globals: { ...globals.browser, arguments: 'readonly' },
        },
    },
    {
        // The script in theme/head.hbs, which must run before book.js.
        files: ['theme/**/*.hbs'],
        plugins: { html },
        settings: { 'html/html-extensions': ['.hbs'] },
        languageOptions: { sourceType: 'script', globals: globals.browser },
    },
    { rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }] } },
];
