// ICU's data for the Intl formatters (collation, dates, numbers) loaded off the page's thread by a
// short-lived worker (intlWarmUpWorker.ts); the page's own first formatters are then cheap.
import { runOneShotWorker } from './oneShotWorker.ts';

/** Resolves once the worker has made its formatters, or failed to (the page then pays, as before). */
export function warmUpIntl(): Promise<void> {
  return runOneShotWorker(
    () => new Worker(new URL('./intlWarmUpWorker.ts', import.meta.url), { type: 'module' }),
  );
}
