// Ctrl/Cmd-A inside a table selects every row of its filtered list (all pages, not just the shown
// one), fetched with the table's own filter.
import { useState } from 'react';
import type { KeyboardEvent } from 'react';

/** Rows fetched for "select all" at most; larger lists are refused with a note. */
export const SELECT_ALL_LIMIT = 100_000;

export function useSelectAllKey<Row>(
  loadAll: () => Promise<{ rows: Row[]; total: number }>,
  onSelectAll: (rows: Row[]) => void,
): { selectAll(): void; onKeyDown(e: KeyboardEvent): void; error: string | null } {
  const [error, setError] = useState<string | null>(null);
  const selectAll = (): void => {
    loadAll().then(
      ({ rows, total }) => {
        setError(total > rows.length ? `Selected the first ${rows.length} of ${total} rows.` : null);
        onSelectAll(rows);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      selectAll();
    }
  };
  return { selectAll, onKeyDown, error };
}
