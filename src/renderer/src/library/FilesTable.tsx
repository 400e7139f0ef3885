// Every file the library knows, imported or not, with why a file gives no spectra. Rows are
// selected for labelling every spectrum of the chosen files (click, Ctrl/Cmd-click, Shift-click,
// Ctrl/Cmd-A); one selected file also filters the spectra list and shows its images.
import { useState } from 'react';
import type { FileKind } from '../../../shared/formats/types.ts';
import type { FileRow, FileStatus } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { Pager } from './Pager.tsx';
import type { ClickMode } from './rowSelection.ts';
import { usePagedList } from './usePagedList.ts';
import { filesPageQuery } from './listPages.ts';
import type { FilesFilter } from './listPages.ts';
import { WindowedRowsTable } from './WindowedRowsTable.tsx';
import { SELECT_ALL_LIMIT, useSelectAllKey } from './useSelectAllKey.ts';

const KINDS: FileKind[] = [
  'bias-spectroscopy',
  'z-spectroscopy',
  'sweep',
  'frequency-sweep',
  'grid-spectroscopy',
  'image',
  'other',
];

export function FilesTable({
  selectedIds,
  onClickRow,
  onSelectAll,
}: {
  selectedIds: ReadonlySet<number>;
  onClickRow(file: FileRow, visible: FileRow[], mode: ClickMode): void;
  onSelectAll(files: FileRow[]): void;
}) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<FileStatus | ''>('');
  const [kind, setKind] = useState<FileKind | ''>('');
  const filter: FilesFilter = {
    ...(text ? { text } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
  };
  const list = usePagedList(filter, filesPageQuery);
  const all = useSelectAllKey(
    () => getApi().listFiles({ limit: SELECT_ALL_LIMIT, offset: 0, ...filter }),
    onSelectAll,
  );
  return (
    <section className="panel grow" aria-label="Files">
      <div className="table-head">
        <h2>Files</h2>
        <input
          data-testid="files-filter"
          aria-label="Search files by name or comment"
          placeholder="Search name or comment"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as FileStatus | '')}
          aria-label="Show files of this status"
          data-testid="files-status"
        >
          <option value="">any status</option>
          <option value="imported">imported</option>
          <option value="skipped">skipped</option>
          <option value="failed">failed</option>
        </select>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as FileKind | '')}
          aria-label="Show files of this kind"
          data-testid="files-kind"
        >
          <option value="">any kind</option>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <button
          className="secondary"
          data-testid="files-select-all"
          title="Select every file of this filtered list, all pages (Ctrl/Cmd+A in the table)"
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
        testId="files"
        className="files"
        rows={list.rows}
        total={list.total}
        columnClasses={[
          'col-name',
          'col-format',
          'col-kind',
          'col-status',
          'col-count',
          'col-count',
          'col-acquired',
          '',
        ]}
        head={
          <>
            <th>Name</th>
            <th>Format</th>
            <th>Kind</th>
            <th>Status</th>
            <th className="num">Spectra</th>
            <th className="num">Images</th>
            <th>Acquired</th>
            <th>Note</th>
          </>
        }
        cells={(file) => (
          <>
            <td className="name-cell">{file.name}</td>
            <td>{file.format ?? '—'}</td>
            <td>{file.kind ?? '—'}</td>
            {file.missingSince ? (
              <td
                className="status-missing"
                data-testid="file-missing"
                title={`Gone from disk since ${file.missingSince.replace('T', ' ')}: kept, with its labels`}
              >
                missing
              </td>
            ) : (
              <td className={`status-${file.status}`}>{file.status}</td>
            )}
            <td className="num">{file.spectra}</td>
            <td className="num">{file.images}</td>
            <td>{file.acquiredAt?.replace('T', ' ') ?? '—'}</td>
            <td className="note-cell" title={file.error ?? file.notIv ?? undefined}>
              {file.error ?? file.notIv ?? ''}
            </td>
          </>
        )}
        rowTitle={(file) => file.path}
        selectedIds={selectedIds}
        onClickRow={onClickRow}
        onKeyDown={all.onKeyDown}
      >
        {list.total === 0 && !list.error && (
          <p className="empty" data-testid="files-empty">
            {text || status || kind
              ? 'No files match these filters.'
              : 'No files yet — import a session folder.'}
          </p>
        )}
      </WindowedRowsTable>
    </section>
  );
}
