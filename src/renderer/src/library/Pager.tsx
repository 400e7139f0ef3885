import { PAGE_SIZE } from './usePagedList.ts';

export function Pager({
  page,
  total,
  setPage,
}: {
  page: number;
  total: number;
  setPage(page: number): void;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="pager">
      <button className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
        ‹
      </button>
      <span>
        {total === 0 ? 0 : page * PAGE_SIZE + 1}–{Math.min(total, (page + 1) * PAGE_SIZE)} of {total}
      </span>
      <button className="secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
        ›
      </button>
    </div>
  );
}
