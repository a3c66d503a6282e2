// Whether a search result links to a page whose address contains `arguments[0]`.
return Array.from(document.querySelectorAll('#mdbook-searchresults a')).some(a =>
    a.getAttribute('href').includes(arguments[0]),
);
