// A page of table rows rendered in slices: the first slice (more rows than a panel shows) at once,
// then one more slice per task until the page is whole. Rendering and laying out two 200-row tables
// in one go was the page load's longest task (~350-500 ms); each slice is a short one. Selection
// (clicks, Shift ranges, Ctrl/Cmd-A) works on the whole page's rows, not on the rendered slice.
import { useEffect, useState } from 'react';

/** Rows rendered in the first task and added per later task. */
export const ROW_SLICE = 20;

export function useRowsInSlices<Row>(rows: readonly Row[]): { shown: readonly Row[]; complete: boolean } {
  const [count, setCount] = useState(ROW_SLICE);
  const complete = count >= rows.length;
  useEffect(() => {
    if (complete) return;
    // A macrotask (not a microtask): the browser lays out and paints the slice before the next.
    const timer = setTimeout(() => setCount((c) => c + ROW_SLICE), 0);
    return () => clearTimeout(timer);
  }, [complete, count]);
  return { shown: complete ? rows : rows.slice(0, count), complete };
}
