// The page's first render in stages, each committed after the previous one was painted: the shell
// first, then the panels in groups. Rendered at once, the first commit's effects (every list's
// query starting its fetch) were one task and the first style and layout (each new font size's
// and family's lookup is a synchronous call to the browser process) the next, each 50–80 ms on the
// 2-core bench machine under load; in stages each is a fraction of that. Components that read no
// stage (tests rendering a view alone, views opened later) see every stage at once.
import { createContext, startTransition, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

/** Stages shown so far; outside a provider, all of them. */
const StageContext = createContext(Number.POSITIVE_INFINITY);

export const StageProvider = StageContext.Provider;

/**
 * Waits for the next frame to be painted, then runs `next` in a task of its own (a frame callback
 * runs just before the frame's style and layout, a timeout posted from it after them). A window
 * that paints no frames (hidden) gets `next` after `fallbackMs`. Returns a cancel function.
 */
export function afterNextPaint(next: () => void, fallbackMs = 100): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    window.clearTimeout(fallback);
    next();
  };
  let timer = 0;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(run, 0);
  });
  const fallback = window.setTimeout(run, fallbackMs);
  return () => {
    done = true;
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    window.clearTimeout(fallback);
  };
}

/** Stages 1..`stages` revealed one at a time, each after the previous one's paint; returns how many. */
export function useStagedMount(stages: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= stages) return;
    return afterNextPaint(() => startTransition(() => setShown((s) => Math.min(s + 1, stages))));
  }, [shown, stages]);
  return shown;
}

/** Whether stage `stage` is shown. */
export function useStageShown(stage: number): boolean {
  return useContext(StageContext) >= stage;
}

/** `children` once stage `stage` is shown. */
export function Staged({ stage, children }: { stage: number; children: ReactNode }) {
  return useStageShown(stage) ? children : null;
}

export interface SwitchedView<View> {
  /** The view chosen last (its tab is the selected one). */
  chosen: View;
  /** The view to render: null between removing the old view and mounting the chosen one. */
  shown: View | null;
  choose(view: View): void;
}

/**
 * Views switched in two commits, the second after the first one's paint: the old view removed,
 * then the chosen one mounted. In one commit, removing the Library (its effects' clean-up and
 * ~1,000 nodes) and mounting the Analysis tab (its effects starting the run's requests, then its
 * style and layout) was a 55–100 ms task on the 2-core bench machine.
 */
export function useSwitchedView<View>(initial: View): SwitchedView<View> {
  const [chosen, setChosen] = useState(initial);
  const [shown, setShown] = useState<View | null>(initial);
  useEffect(() => {
    if (shown !== null) return;
    return afterNextPaint(() => startTransition(() => setShown(chosen)));
  }, [chosen, shown]);
  const choose = useCallback(
    (view: View) =>
      startTransition(() => {
        setChosen(view);
        setShown((current) => (current === view ? current : null));
      }),
    [],
  );
  return { chosen, shown, choose };
}
