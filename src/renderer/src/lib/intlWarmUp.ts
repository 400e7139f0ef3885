// ICU's data for the Intl formatters (collation, dates, numbers) loaded off the page's thread by a
// short-lived worker (intlWarmUpWorker.ts); the page's own first formatters are then cheap.

/** Resolves once the worker has made its formatters, or failed to (the page then pays, as before). */
export function warmUpIntl(): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./intlWarmUpWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve();
      return;
    }
    const done = (): void => {
      worker.terminate();
      resolve();
    };
    worker.addEventListener('message', done, { once: true });
    worker.addEventListener('error', done, { once: true });
  });
}
