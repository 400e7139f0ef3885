// Spectra (one per sweep and direction), filtered by text, label or the selected file; rows are
// selected for plotting and labelling (click, Ctrl/Cmd-click, Shift-click, Ctrl/Cmd-A).
import { useState } from 'react';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { formatSi } from '../lib/axisKit.ts';
import { Pager } from './Pager.tsx';
import type { ClickMode } from './rowSelection.ts';
import { usePagedList } from './usePagedList.ts';
import { spectraPageQuery } from './listPages.ts';
import type { SpectraFilter } from './listPages.ts';
import { WindowedRowsTable } from './WindowedRowsTable.tsx';
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
  const filter: SpectraFilter = {
    ...(fileId ? { fileId } : {}),
    ...(text ? { text } : {}),
    ...(label ? { label } : {}),
  };
  const list = usePagedList(filter, spectraPageQuery);
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
      <WindowedRowsTable
        testId="spectra"
        className="spectra"
        rows={list.rows}
        total={list.total}
        columnClasses={[
          '',
          'col-sweep',
          'col-dir',
          'col-points',
          'col-bias',
          'col-nm',
          'col-nm',
          'col-label',
        ]}
        head={
          <>
            <th>File</th>
            <th className="num">Sweep</th>
            <th>Dir.</th>
            <th className="num">Points</th>
            <th>Bias range</th>
            <th className="num">x (nm)</th>
            <th className="num">y (nm)</th>
            <th>Label</th>
          </>
        }
        cells={(s) => (
          <>
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
          </>
        )}
        selectedIds={selectedIds}
        onClickRow={onClickRow}
        onKeyDown={all.onKeyDown}
      >
        {list.total === 0 && <p className="empty">No I–V spectra{fileId ? ' in this file' : ''}.</p>}
      </WindowedRowsTable>
    </section>
  );
}
