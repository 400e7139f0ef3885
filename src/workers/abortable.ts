// Cancelling a pool call: what it rejects with, and a promise that gives up as soon as the
// signal aborts instead of when the work would have finished.

/** The signal's reason, or an AbortError when it gave none. */
export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('analysis aborted', 'AbortError');
}

/**
 * `work`, or a rejection with abortError(signal) as soon as `signal` aborts, after `onAbort` (the
 * pool terminates its busy workers there: nothing else stops a worker mid-call).
 */
export function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => void,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const aborted = (): void => {
      onAbort();
      reject(abortError(signal));
    };
    signal.addEventListener('abort', aborted, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
  });
}
