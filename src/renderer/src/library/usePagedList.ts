// Loads one page of a list from the API whenever the query or the page changes; libraries of
// 100,000 spectra are never loaded whole.
import { useEffect, useState } from 'react';

export const PAGE_SIZE = 200;

export interface PagedList<Row> {
  rows: Row[];
  total: number;
  page: number;
  setPage(page: number): void;
  error: string | null;
}

export function usePagedList<Row>(
  load: (limit: number, offset: number) => Promise<{ rows: Row[]; total: number }>,
  dependencies: unknown[],
): PagedList<Row> {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ rows: Row[]; total: number }>({ rows: [], total: 0 });
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(dependencies);
  useEffect(() => setPage(0), [key]);
  useEffect(() => {
    let current = true;
    load(PAGE_SIZE, page * PAGE_SIZE).then(
      (result) => {
        if (current) {
          setData(result);
          setError(null);
        }
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
    // `load` changes identity every render; `key` and `page` say when to reload.
  }, [key, page]);
  return { ...data, page, setPage, error };
}
