// The scroll box and table both Library lists share: only the rows in view are rendered
// (useWindowedRows; fixed column widths from the colgroup), each row selectable by click,
// Ctrl/Cmd-click and Shift-click, and Ctrl/Cmd-A in the box. Each list gives its columns and cells.
import type { KeyboardEvent, ReactNode } from 'react';
import { clickMode } from './rowSelection.ts';
import type { ClickMode } from './rowSelection.ts';
import { useWindowedRows } from './useWindowedRows.ts';

export function WindowedRowsTable<Row extends { id: number }>({
  testId,
  className,
  rows,
  total,
  columnClasses,
  head,
  cells,
  rowTitle,
  selectedIds,
  onClickRow,
  onKeyDown,
  children,
}: {
  /** Prefix of the test ids: `<testId>-scroll` and `<testId>-table`. */
  testId: string;
  className: string;
  /** The page's rows (all of them: only those in view are rendered). */
  rows: Row[];
  /** Rows of the whole filtered list (data-total). */
  total: number;
  /** The class of each column's <col> (its fixed width), '' for the flexible one. */
  columnClasses: readonly string[];
  /** The header cells. */
  head: ReactNode;
  cells(row: Row): ReactNode;
  rowTitle?(row: Row): string;
  selectedIds: ReadonlySet<number>;
  onClickRow(row: Row, visible: Row[], mode: ClickMode): void;
  onKeyDown(event: KeyboardEvent): void;
  /** Shown under the table (an empty list's message). */
  children?: ReactNode;
}) {
  const { observe, start, end, tableStyle } = useWindowedRows(rows.length);
  return (
    <div className="scroll" ref={observe} tabIndex={0} onKeyDown={onKeyDown} data-testid={`${testId}-scroll`}>
      <table
        className={`windowed ${className}`}
        style={tableStyle}
        data-testid={`${testId}-table`}
        data-total={total}
        aria-multiselectable="true"
      >
        <colgroup>
          {columnClasses.map((c, i) => (
            <col key={i} className={c || undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>
          {rows.slice(start, end).map((row) => (
            <tr
              key={row.id}
              className={selectedIds.has(row.id) ? 'selected' : undefined}
              aria-selected={selectedIds.has(row.id)}
              onClick={(e) => onClickRow(row, rows, clickMode(e))}
              title={rowTitle?.(row)}
            >
              {cells(row)}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
