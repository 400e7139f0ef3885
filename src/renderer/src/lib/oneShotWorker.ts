// A short-lived worker that does one thing and says so: started, sent one message (if any),
// terminated at its first message, its first error or after `waitMs`. The page's warm-ups
// (intlWarmUp.ts, warmUpFonts.ts) use it to have the browser load data off the page's thread.
// The caller constructs the Worker (`new Worker(new URL(...))` must stay at the call site for
// Vite to bundle the worker's module).

/** Resolves when the worker answered, failed, could not start, or after waitMs (then it is stopped). */
export function runOneShotWorker(
  start: () => Worker,
  options: { message?: unknown; waitMs?: number } = {},
): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = start();
    } catch {
      resolve();
      return;
    }
    let timer: number | undefined;
    const done = (): void => {
      window.clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    worker.addEventListener('message', done, { once: true });
    worker.addEventListener('error', done, { once: true });
    if (options.message !== undefined) worker.postMessage(options.message);
    if (options.waitMs !== undefined) timer = window.setTimeout(done, options.waitMs);
  });
}
