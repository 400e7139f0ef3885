// A Web Worker that measures a text in each font it is sent (CSS font shorthands, from the page's
// computed style) on an OffscreenCanvas, then says so. The renderer process's first font lookup
// waits on the browser process's font set-up (~29 ms of waiting, 0.2 ms of CPU, in a trace of
// the bench machine; a 50–100 ms task when its cores are busy); made here, that wait is this
// worker's, and the page's own first lookups (warmUpFonts.ts) find the browser side ready.
addEventListener('message', (event: MessageEvent<string[]>) => {
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  for (const font of event.data) {
    if (!context) break;
    context.font = font;
    context.measureText('Aa 0.5 V · nA');
  }
  postMessage('done');
});
