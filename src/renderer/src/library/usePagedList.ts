// Loads one page of a list from the API whenever the filter or the page changes; libraries of
// 100,000 spectra are never loaded whole. The page is a query (key: the list's, the filter and the
// page number), so label and import changes reload it through the query cache.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../data/libraryQueries.ts';

export const PAGE_SIZE = 200;

export interface PagedList<Row> {
  rows: Row[];
  total: number;
  page: number;
  setPage(page: number): void;
  error: string | null;
}

const EMPTY = { rows: [], total: 0 };

/** `pageQuery(filter, page)`: the page's key (one of queryKeys' list keys) and request
 * (listPages.ts); a new filter goes back to the first page. */
export function usePagedList<Row, Filter extends object>(
  filter: Filter,
  pageQuery: (
    filter: Filter,
    page: number,
  ) => { queryKey: readonly unknown[]; queryFn: () => Promise<{ rows: Row[]; total: number }> },
): PagedList<Row> {
  const filterKey = JSON.stringify(filter);
  const [paged, setPaged] = useState({ filterKey, page: 0 });
  // A changed filter starts at page 0 (state adjusted while rendering, not in an effect).
  const page = paged.filterKey === filterKey ? paged.page : 0;
  if (paged.filterKey !== filterKey) setPaged({ filterKey, page: 0 });
  const { data, error } = useQuery({
    ...pageQuery(filter, page),
    // The old page stays on screen while the next one loads (no flash of "No files yet").
    placeholderData: keepPreviousData,
  });
  return {
    ...(data ?? (EMPTY as { rows: Row[]; total: number })),
    page,
    setPage: (next) => setPaged({ filterKey, page: next }),
    error: errorText(error),
  };
}
