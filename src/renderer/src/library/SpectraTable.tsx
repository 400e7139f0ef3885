// Spectra (one per sweep and direction), filtered by text, label or the selected file; rows are
// selected for plotting and labelling (click, Ctrl/Cmd-click, Shift-click, Ctrl/Cmd-A).
import { useState } from 'react';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { queryKeys } from '../data/queryClient.ts';
import { formatSi } from '../lib/axisKit.ts';
import { Pager } from './Pager.tsx';
import { clickMode } from './rowSelection.ts';
import type { ClickMode } from './rowSelection.ts';
import { usePagedList } from './usePagedList.ts';
import { useWindowedRows } from './useWindowedRows.ts';
import { SELECT_ALL_LIMIT, useSelectAllKey } from './useSelectAllKey.ts';

function nm(metres: number | null): string {
  return metres === null ? '—' : (metres * 1e9).toFixed(2);
}

export function SpectraTable({
  fileId,
  selectedIds,
  onClickRow,
  onSelectAll,
}: {
  fileId: number | null;
  selectedIds: ReadonlySet<number>;
  onClickRow(row: SpectrumRow, visible: SpectrumRow[], mode: ClickMode): void;
  onSelectAll(rows: SpectrumRow[]): void;
}) {
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const filter = {
    ...(fileId ? { fileId } : {}),
    ...(text ? { text } : {}),
    ...(label ? { label } : {}),
  };
  const list = usePagedList(queryKeys.spectra, filter, (f, limit, offset) =>
    getApi().listSpectra({ limit, offset, ...f }),
  );
  // Only the rows in view are rendered (a page is up to 200 rows).
  const { observe: observeScrollBox, start, end, tableStyle } = useWindowedRows(list.rows.length);
  const all = useSelectAllKey(
    () => getApi().listSpectra({ limit: SELECT_ALL_LIMIT, offset: 0, ...filter }),
    onSelectAll,
  );
  return (
    <section className="panel grow" aria-label="Spectra">
      <div className="table-head">
        <h2>Spectra{fileId ? ' of the selected file' : ''}</h2>
        <input
          data-testid="spectra-filter"
          aria-label="Search spectra by file name"
          placeholder="Search file"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          data-testid="spectra-label-filter"
          aria-label="Show spectra with this label"
          placeholder="Label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button
          className="secondary"
          data-testid="spectra-select-all"
          title="Select every spectrum of this filtered list, all pages (Ctrl/Cmd+A in the table)"
          disabled={list.total === 0}
          onClick={all.selectAll}
        >
          Select all
        </button>
        <Pager page={list.page} total={list.total} setPage={list.setPage} />
      </div>
      {all.error && <p className="note">{all.error}</p>}
      {list.error && <p className="error">{list.error}</p>}
      <div
        className="scroll"
        ref={observeScrollBox}
        tabIndex={0}
        onKeyDown={all.onKeyDown}
        data-testid="spectra-scroll"
      >
        <table
          className="windowed spectra"
          style={tableStyle}
          data-testid="spectra-table"
          data-total={list.total}
          aria-multiselectable="true"
        >
          <colgroup>
            <col />
            <col className="col-sweep" />
            <col className="col-dir" />
            <col className="col-points" />
            <col className="col-bias" />
            <col className="col-nm" />
            <col className="col-nm" />
            <col className="col-label" />
          </colgroup>
          <thead>
            <tr>
              <th>File</th>
              <th className="num">Sweep</th>
              <th>Dir.</th>
              <th className="num">Points</th>
              <th>Bias range</th>
              <th className="num">x (nm)</th>
              <th className="num">y (nm)</th>
              <th>Label</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.slice(start, end).map((s) => (
              <tr
                key={s.id}
                className={selectedIds.has(s.id) ? 'selected' : undefined}
                aria-selected={selectedIds.has(s.id)}
                onClick={(e) => onClickRow(s, list.rows, clickMode(e))}
              >
                <td className="name-cell" title={s.fileName}>
                  {s.fileName}
                </td>
                <td className="num">{s.gridIndex !== null ? `px ${s.gridIndex}` : s.sweep}</td>
                <td>{s.direction === 'forward' ? 'fwd' : 'bwd'}</td>
                <td className="num">{s.points}</td>
                <td>
                  {formatSi(s.biasMin, 'V')} … {formatSi(s.biasMax, 'V')}
                </td>
                <td className="num">{nm(s.x)}</td>
                <td className="num">{nm(s.y)}</td>
                <td data-testid="spectrum-label">{s.label ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.total === 0 && <p className="empty">No I–V spectra{fileId ? ' in this file' : ''}.</p>}
      </div>
    </section>
  );
}
