// How many diagrams mermaid drew as its error picture.
return document.querySelectorAll('pre.mermaid svg[aria-roledescription="error"]').length;
