// Spectra for the analysis, read from the library: every non-average forward sweep of a
// bias-spectroscopy file with its label, series information (file, time, tip position, sweep) and
// its backward partner (same file, sweep and grid pixel). Backward records are kept in acquisition
// order (reversed bias relative to forward); tidySweep sorts both.
import type { Database } from 'better-sqlite3';
import type { AnalysisSpectrum } from '../../shared/api/contract.ts';
import { blobToFloat64 } from '../library/blobs.ts';

export interface LoadSpectraFilter {
  /** Forward spectrum ids; a backward id selects its forward partner's analysis too. */
  ids?: number[];
  /** Only spectra with this label. */
  label?: string;
  /** Only spectra of these sessions' files. */
  sessionIds?: number[];
}

interface Row {
  id: number;
  file_id: number;
  path: string;
  name: string;
  sweep: number;
  direction: 'forward' | 'backward';
  grid_index: number | null;
  x: number | null;
  y: number | null;
  acquired_at: string | null;
  file_acquired_at: string | null;
  label: string | null;
  bias: Buffer;
  current: Buffer;
}

function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export function loadSpectraForAnalysis(db: Database, filter: LoadSpectraFilter = {}): AnalysisSpectrum[] {
  // Grid pixels join when labelled (a region of the Grid view): each pixel its own spot.
  const clauses = [
    `(f.kind = 'bias-spectroscopy' OR (f.kind = 'grid-spectroscopy'
      AND EXISTS (SELECT 1 FROM spectrum_labels gl WHERE gl.spectrum_id = s.id)))`,
    "f.status = 'imported'",
    's.is_average = 0',
  ];
  const params: Record<string, unknown> = {};
  if (filter.label !== undefined) {
    // Whole files with a spectrum of that label, so backward partners come along whatever their
    // own label; the forward sweep's label decides below.
    clauses.push(`s.file_id IN (SELECT s2.file_id FROM spectra s2
      JOIN spectrum_labels sl2 ON sl2.spectrum_id = s2.id JOIN labels l2 ON l2.id = sl2.label_id
      WHERE l2.name = @label)`);
    params.label = filter.label;
  }
  if (filter.ids !== undefined) {
    clauses.push(
      's.file_id IN (SELECT file_id FROM spectra WHERE id IN (SELECT value FROM json_each(@ids)))',
    );
    params.ids = JSON.stringify(filter.ids);
  }
  if (filter.sessionIds !== undefined) {
    clauses.push(
      's.file_id IN (SELECT file_id FROM session_files WHERE session_id IN (SELECT value FROM json_each(@sessionIds)))',
    );
    params.sessionIds = JSON.stringify(filter.sessionIds);
  }
  const rows = db
    .prepare(
      `SELECT s.id, s.file_id, f.path, f.name, s.sweep, s.direction, s.grid_index, s.x, s.y,
        s.acquired_at, f.acquired_at AS file_acquired_at, lb.name AS label, s.bias, s.current
      FROM spectra s JOIN files f ON f.id = s.file_id
        LEFT JOIN spectrum_labels sl ON sl.spectrum_id = s.id
        LEFT JOIN labels lb ON lb.id = sl.label_id
      WHERE ${clauses.join(' AND ')}
      ORDER BY f.path, s.idx`,
    )
    .all(params) as Row[];
  const key = (r: Row): string => `${r.file_id}:${r.sweep}:${r.grid_index ?? ''}`;
  const backward = new Map<string, Row>();
  for (const r of rows) if (r.direction === 'backward' && !backward.has(key(r))) backward.set(key(r), r);
  const wanted = filter.ids ? new Set(filter.ids) : null;
  const out: AnalysisSpectrum[] = [];
  for (const r of rows) {
    if (r.direction !== 'forward') continue;
    if (filter.label !== undefined && r.label !== filter.label) continue;
    const partner = backward.get(key(r));
    if (wanted && !wanted.has(r.id) && !(partner && wanted.has(partner.id))) continue;
    out.push({
      id: r.id,
      label: r.label,
      fileName: r.path,
      name: r.name,
      time: timeOf(r.acquired_at ?? r.file_acquired_at),
      x: r.x,
      y: r.y,
      sweep: r.sweep,
      gridIndex: r.grid_index,
      bias: blobToFloat64(r.bias),
      current: blobToFloat64(r.current),
      backward: partner
        ? { bias: blobToFloat64(partner.bias), current: blobToFloat64(partner.current) }
        : null,
    });
  }
  return out;
}
