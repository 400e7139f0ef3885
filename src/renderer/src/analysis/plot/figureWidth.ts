// The width a figure is laid out at: the CSS width of the panel that holds it, so a figure fills
// its panel at any window size while text keeps its size (viewBox units = CSS px at 1×). Exports
// keep this layout (PNG at 3×).
import { createContext, startTransition, useContext, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** CSS px available to the figure, or null before the panel is laid out (or outside a panel). */
export const FigureWidthContext = createContext<number | null>(null);

/** The narrowest layout, CSS px: below it the holder scrolls instead of squeezing the axes. */
export const MIN_FIGURE_WIDTH = 560;

/** The panel's width (at least MIN_FIGURE_WIDTH), or `fallback` outside a measured panel. */
export function useFigureWidth(fallback: number): number {
  const measured = useContext(FigureWidthContext);
  return measured === null ? fallback : Math.max(MIN_FIGURE_WIDTH, Math.floor(measured));
}

/**
 * The content width of an element, followed through resizes (CSS px). Set in a transition: what
 * is drawn at that width (a figure) renders in its own, interruptible task after the element's
 * first paint, not synchronously inside the commit that mounted it (one long task at 10k sweeps).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (): void => {
      const measured = element.clientWidth || null;
      startTransition(() => setWidth(measured));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The content width of an element set through a callback ref (`ref={setElement}`): for an element
 * rendered only later than its component mounts, which a ref object's effect would miss.
 */
export function useWidthOf(element: HTMLElement | null): number | null {
  const [measured, setMeasured] = useState<{ element: HTMLElement; width: number } | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(() => setMeasured({ element, width: element.clientWidth }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return measured !== null && measured.element === element && measured.width > 0 ? measured.width : null;
}
