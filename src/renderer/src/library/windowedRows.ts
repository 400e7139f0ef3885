// Which rows of a long table body are rendered: those in the scroll box's view plus a margin
// above and below; the rest are stood in for by the table's margins (heights in CSS px), so the
// scroll bar and row positions are those of the whole page of rows. A page of 200 rows rendered
// whole was two long tasks per table (~130 ms render, ~170 ms layout and paint on the bench
// machine); about 35 rows are a few ms.

export interface RowWindow {
  /** First rendered row (index into the page's rows). */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Height of the rows above `start`, px. */
  padTop: number;
  /** Height of the rows from `end` on, px. */
  padBottom: number;
}

export interface RowWindowInput {
  /** The scroll box's scrollTop, px (rows start this far below the box's content top). */
  scrollTop: number;
  /** The scroll box's visible height, px. */
  viewportHeight: number;
  /** One row's height, px (> 0). */
  rowHeight: number;
  rowCount: number;
  /** Rows rendered beyond each edge of the view. */
  overscan: number;
}

export function rowWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan,
}: RowWindowInput): RowWindow {
  const firstInView = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const lastInView = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const end = Math.min(rowCount, lastInView + overscan);
  const start = Math.min(Math.max(0, firstInView - overscan), end);
  return { start, end, padTop: start * rowHeight, padBottom: (rowCount - end) * rowHeight };
}
