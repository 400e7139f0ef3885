// Spectra (one per sweep and direction), filtered by text, label or the selected file.
import { useState } from 'react';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { formatSi } from '../lib/siFormat.ts';
import { Pager } from './Pager.tsx';
import { usePagedList } from './usePagedList.ts';

function nm(metres: number | null): string {
  return metres === null ? '—' : (metres * 1e9).toFixed(2);
}

export function SpectraTable({
  version,
  fileId,
  selectedIds,
  onSelect,
}: {
  version: number;
  fileId: number | null;
  selectedIds: number[];
  onSelect(spectrum: SpectrumRow, add: boolean): void;
}) {
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const list = usePagedList(
    (limit, offset) =>
      getApi().listSpectra({
        limit,
        offset,
        ...(fileId ? { fileId } : {}),
        ...(text ? { text } : {}),
        ...(label ? { label } : {}),
      }),
    [text, label, fileId, version],
  );
  return (
    <section className="panel grow">
      <div className="table-head">
        <h2>Spectra{fileId ? ' of the selected file' : ''}</h2>
        <input
          data-testid="spectra-filter"
          placeholder="Search file"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          data-testid="spectra-label-filter"
          placeholder="Label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <Pager page={list.page} total={list.total} setPage={list.setPage} />
      </div>
      <div className="scroll">
        <table data-testid="spectra-table" data-total={list.total}>
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
            {list.rows.map((s) => (
              <tr
                key={s.id}
                className={selectedIds.includes(s.id) ? 'selected' : undefined}
                onClick={(e) => onSelect(s, e.shiftKey || e.ctrlKey || e.metaKey)}
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
                <td>{s.label ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.total === 0 && <p className="empty">No I–V spectra{fileId ? ' in this file' : ''}.</p>}
      </div>
    </section>
  );
}
