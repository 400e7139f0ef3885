// Row selection as in a file manager: click selects one row, Ctrl/Cmd-click toggles a row,
// Shift-click selects the range from the anchor (the last plain or Ctrl click) on the same page.
// Pure, so the table behaviour is tested without a browser.

export interface RowSelection<Row extends { id: number }> {
  /** Selected rows by id, in selection order. */
  rows: ReadonlyMap<number, Row>;
  /** The row a Shift-click range starts from. */
  anchor: number | null;
}

export type ClickMode = 'replace' | 'toggle' | 'range';

export function clickMode(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): ClickMode {
  if (event.shiftKey) return 'range';
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return 'replace';
}

export function emptySelection<Row extends { id: number }>(): RowSelection<Row> {
  return { rows: new Map(), anchor: null };
}

export function selectAll<Row extends { id: number }>(rows: readonly Row[]): RowSelection<Row> {
  return { rows: new Map(rows.map((r) => [r.id, r])), anchor: rows[0]?.id ?? null };
}

/** The selection after clicking `row` among the `visible` rows (the current page, in order). */
export function clickRow<Row extends { id: number }>(
  selection: RowSelection<Row>,
  visible: readonly Row[],
  row: Row,
  mode: ClickMode,
): RowSelection<Row> {
  if (mode === 'replace') return { rows: new Map([[row.id, row]]), anchor: row.id };
  if (mode === 'toggle') {
    const rows = new Map(selection.rows);
    if (rows.has(row.id)) rows.delete(row.id);
    else rows.set(row.id, row);
    return { rows, anchor: row.id };
  }
  const from = visible.findIndex((r) => r.id === selection.anchor);
  const to = visible.findIndex((r) => r.id === row.id);
  // No anchor on this page: a Shift-click starts a selection there.
  if (from < 0 || to < 0) return { rows: new Map([[row.id, row]]), anchor: row.id };
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const rows = new Map(selection.rows);
  for (const r of visible.slice(lo, hi + 1)) rows.set(r.id, r);
  return { rows, anchor: selection.anchor };
}
