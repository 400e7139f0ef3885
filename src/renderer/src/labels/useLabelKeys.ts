// Label keys for a view: 1/2/3 the seed study's labels, 0 removes, Ctrl/Cmd+Z undo,
// Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y redo, Escape clears the selection. Ignored while typing.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { COMMON_LABELS } from '../topography/labelColours.ts';

export interface LabelKeyActions {
  label(name: string | null): void;
  undo(): void;
  redo(): void;
  clearSelection(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useLabelKeys(actions: LabelKeyActions): void {
  const latest = useRef(actions);
  // A layout effect, not an effect: it runs in the same task as the render's commit, so a key
  // pressed as soon as the new selection is on screen acts on that selection (an effect could
  // still hold the previous one: "20 selected" on screen, the old 3 labelled).
  useLayoutEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target)) return;
      const a = latest.current;
      const key = e.key.toLowerCase();
      const command = e.ctrlKey || e.metaKey;
      if (command && key === 'z') a[e.shiftKey ? 'redo' : 'undo']();
      else if (command && key === 'y') a.redo();
      else if (command || e.altKey) return;
      else if (key === 'escape') a.clearSelection();
      else if (key === '0') a.label(null);
      else {
        const common = COMMON_LABELS.find((l) => l.key === key);
        if (!common) return;
        a.label(common.name);
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
