// Every request the page made, with the bytes each transferred.
const entries = performance
    .getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'));
return entries.map(e => [e.name, e.transferSize || e.encodedBodySize || 0]);
