// The rows of a Library table that are rendered (windowedRows.ts), following the table's scroll
// box. Nothing is measured while rendering or committing (that would force the page's layout into
// the render's task, ~70 ms at the first render): the box's height comes from a ResizeObserver,
// the scroll position, the header's and a row's height are read in scroll events, when layout is
// already done.
import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from '../lib/stagedMount.tsx';
import type { CSSProperties } from 'react';
import { rowWindow } from './windowedRows.ts';
import type { RowWindow } from './windowedRows.ts';

/** Rows rendered beyond each edge of the view: a fast scroll of a few rows never shows a gap. */
const OVERSCAN = 10;
/**
 * The same in a table's first render of rows: the rows in view only, the margin following after
 * they were painted (both tables' first rows with their margins were a 50–60 ms task of style,
 * layout and paint at page load on the 2-core bench machine).
 */
const FIRST_OVERSCAN = 0;
/** A row's height until measured, px: `table.windowed tbody tr` in styles.css. */
const ROW_HEIGHT = 24.5;
/** The header's height until measured, px. */
const HEADER_HEIGHT = 24.5;
/** The scroll box's height until measured, px (its CSS max-height). */
const VIEWPORT_HEIGHT = 300;

interface BoxState {
  scrollTop: number;
  viewportHeight: number;
  headerHeight: number;
  rowHeight: number;
}

const INITIAL: BoxState = {
  scrollTop: 0,
  viewportHeight: VIEWPORT_HEIGHT,
  headerHeight: HEADER_HEIGHT,
  rowHeight: ROW_HEIGHT,
};

function changed(a: BoxState, b: BoxState): boolean {
  return (Object.keys(a) as Array<keyof BoxState>).some((k) => Math.abs(a[k] - b[k]) >= 0.5);
}

export interface WindowedRows extends RowWindow {
  /** Callback ref for the scroll box (the element with overflow: auto around the table). */
  observe(element: HTMLElement | null): void;
  /** The table's margins that stand in for the rows not rendered. */
  tableStyle: CSSProperties;
}

export function useWindowedRows(rowCount: number): WindowedRows {
  const [box, setBox] = useState<HTMLElement | null>(null);
  const [state, setState] = useState<BoxState>(INITIAL);
  const [overscan, setOverscan] = useState(FIRST_OVERSCAN);
  const hasRows = rowCount > 0;
  useEffect(() => {
    if (overscan === OVERSCAN || !hasRows) return;
    return afterNextPaint(() => startTransition(() => setOverscan(OVERSCAN)));
  }, [overscan, hasRows]);

  useEffect(() => {
    if (!box) return;
    const update = (patch: Partial<BoxState>): void =>
      setState((s) => {
        const next = { ...s, ...patch };
        return changed(next, s) ? next : s;
      });
    const onScroll = (): void => {
      const rowHeight = box.querySelector('tbody tr')?.getBoundingClientRect().height;
      const headerHeight = box.querySelector('thead th')?.getBoundingClientRect().height;
      update({
        scrollTop: box.scrollTop,
        ...(rowHeight ? { rowHeight } : {}),
        ...(headerHeight ? { headerHeight } : {}),
      });
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver((entries) => {
      const height = entries[0]?.contentRect.height;
      if (height) update({ viewportHeight: height });
    });
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [box]);

  const rows = rowWindow({
    scrollTop: state.scrollTop - state.headerHeight,
    viewportHeight: state.viewportHeight,
    rowHeight: state.rowHeight,
    rowCount,
    overscan,
  });
  return {
    ...rows,
    observe: setBox,
    tableStyle: { marginTop: rows.padTop, marginBottom: rows.padBottom },
  };
}
