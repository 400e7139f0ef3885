// Short steps of page-load work each in a task of its own (a timeout apart), so none of them
// joins another into a long task: the first view's requests, the fonts' first layouts. Unlike
// runInIdleSteps (idleSteps.ts) they run as soon as the thread is free, not when it is idle.

/** Runs `steps` in order, the first now, each next one in a task of its own. */
export function runOnePerTask(steps: ReadonlyArray<() => void>): void {
  let next = 0;
  const step = (): void => {
    const run = steps[next++];
    if (!run) return;
    run();
    window.setTimeout(step, 0);
  };
  step();
}
