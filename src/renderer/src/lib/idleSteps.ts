// Work the page will need soon (the other views' code, one-time engine costs) done while it is
// idle, one step per idle period: each step's evaluation is then a task of its own, not one long
// task for everything. A step that returns a promise (an import) is awaited before the next.

/** Runs `steps` in order, each in its own idle callback; the returned function stops the rest. */
export function runInIdleSteps(steps: ReadonlyArray<() => unknown>, timeoutMs = 5000): () => void {
  let stopped = false;
  let pending: number | null = null;
  const next = (index: number): void => {
    if (stopped || index >= steps.length) return;
    pending = window.requestIdleCallback(
      () => {
        pending = null;
        Promise.resolve()
          .then(steps[index])
          .catch(() => undefined) // a failed preload is retried by the view that needs it
          .then(() => next(index + 1));
      },
      { timeout: timeoutMs },
    );
  };
  next(0);
  return () => {
    stopped = true;
    if (pending !== null) window.cancelIdleCallback(pending);
  };
}
