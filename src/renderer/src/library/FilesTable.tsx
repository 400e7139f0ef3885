// Every file the library knows, imported or not, with why a file gives no spectra.
import { useState } from 'react';
import type { FileKind } from '../../../shared/formats/types.ts';
import type { FileRow, FileStatus } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { Pager } from './Pager.tsx';
import { usePagedList } from './usePagedList.ts';

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
  version,
  selectedId,
  onSelect,
}: {
  version: number;
  selectedId: number | null;
  onSelect(file: FileRow): void;
}) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<FileStatus | ''>('');
  const [kind, setKind] = useState<FileKind | ''>('');
  const list = usePagedList(
    (limit, offset) =>
      getApi().listFiles({
        limit,
        offset,
        ...(text ? { text } : {}),
        ...(status ? { status } : {}),
        ...(kind ? { kind } : {}),
      }),
    [text, status, kind, version],
  );
  return (
    <section className="panel grow">
      <div className="table-head">
        <h2>Files</h2>
        <input
          data-testid="files-filter"
          placeholder="Search name or comment"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as FileStatus | '')}
          aria-label="status"
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
          aria-label="kind"
          data-testid="files-kind"
        >
          <option value="">any kind</option>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <Pager page={list.page} total={list.total} setPage={list.setPage} />
      </div>
      {list.error && <p className="error">{list.error}</p>}
      <div className="scroll">
        <table data-testid="files-table" data-total={list.total}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Format</th>
              <th>Kind</th>
              <th>Status</th>
              <th className="num">Spectra</th>
              <th className="num">Images</th>
              <th>Acquired</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((file) => (
              <tr
                key={file.id}
                className={file.id === selectedId ? 'selected' : undefined}
                onClick={() => onSelect(file)}
                title={file.path}
              >
                <td className="name-cell">{file.name}</td>
                <td>{file.format ?? '—'}</td>
                <td>{file.kind ?? '—'}</td>
                <td className={`status-${file.status}`}>{file.status}</td>
                <td className="num">{file.spectra}</td>
                <td className="num">{file.images}</td>
                <td>{file.acquiredAt?.replace('T', ' ') ?? '—'}</td>
                <td className="note-cell" title={file.error ?? file.notIv ?? undefined}>
                  {file.error ?? file.notIv ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.total === 0 && !list.error && (
          <p className="empty" data-testid="files-empty">
            {text || status || kind
              ? 'No files match these filters.'
              : 'No files yet — import a session folder.'}
          </p>
        )}
      </div>
    </section>
  );
}
