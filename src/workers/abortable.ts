// Cancelling a pool call: what it rejects with, and a promise that gives up as soon as the
// signal aborts instead of when the work would have finished.

/** The signal's reason, or an AbortError (`message`) when it gave none. */
export function abortError(signal: AbortSignal, message = 'analysis aborted'): unknown {
  return signal.reason ?? new DOMException(message, 'AbortError');
}

/**
 * `work`, or a rejection with abortError(signal, message) as soon as `signal` aborts, after
 * `onAbort` (a pool terminates its busy workers there: nothing else stops a worker mid-call).
 */
export function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => void,
  message?: string,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError(signal, message));
  return new Promise<T>((resolve, reject) => {
    const aborted = (): void => {
      onAbort();
      reject(abortError(signal, message));
    };
    signal.addEventListener('abort', aborted, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
  });
}
