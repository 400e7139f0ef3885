// A Web Worker that makes one Intl collator, date and number formatter and says so: their first
// use in the renderer process loads ICU's collation, calendar and number data (12–70 ms each on
// the 2-core bench machine, the collator a 50–70 ms task at page load when made on the page).
// ICU keeps that data in process-wide caches, so the page's own formatters are then made in
// under a millisecond (intlWarmUp.ts).
new Intl.Collator();
new Intl.DateTimeFormat().resolvedOptions();
new Intl.NumberFormat(navigator.language).format(1);
postMessage('done');
