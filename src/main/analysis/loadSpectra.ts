// Spectra for the analysis, read from the library: every non-average forward sweep of a
// bias-spectroscopy file with its label, series information (file, time, tip position, sweep) and
// its backward partner (same file, sweep and grid pixel). Backward records are kept in acquisition
// order (reversed bias relative to forward); tidySweep sorts both.
// Curves land in one Float64Array slab (SpectraSlab): the metadata is read first without BLOBs to
// lay the slab out, then each curve BLOB is copied straight into its place, so loading 100k sweeps
// makes one large buffer instead of hundreds of thousands of small ones. A page (limit/offset over
// the forward sweeps in file-path order) bounds what one call reads.
import type { Database } from 'better-sqlite3';
import { resolveRecipe } from '../../shared/analysis/recipe.ts';
import type { RecipeOverrides } from '../../shared/analysis/recipe.ts';
import type { AnalysisSpectrum } from '../../shared/api/contract.ts';
import type { SlabSpectrumMeta, SpectraSlab } from '../../shared/model/spectraSlab.ts';

export interface LoadSpectraFilter {
  /** Forward spectrum ids; a backward id selects its forward partner's analysis too. */
  ids?: number[];
  /** Forward spectrum ids only (a stored run's chunk; no backward-id lookup). */
  forwardIds?: number[];
  /** Only spectra with this label. */
  label?: string;
  /** Only the spectra a stored analysis run analysed. */
  runId?: number;
  /** Only spectra of these sessions' files. */
  sessionIds?: number[];
}

export interface SlabPage {
  limit: number;
  offset: number;
}

/**
 * Which curves to read: every forward sweep with its backward partner (the default: the renderer
 * chooses a direction later), or the forward sweeps alone (a run whose recipe analyses the forward
 * direction reads no backward BLOB: half the reading, half the slab).
 */
export interface SlabCurves {
  backward: boolean;
}

/** The curves a recipe reads: backward sweeps only when its direction is 'backward' or 'mean'. */
export function curvesReadBy(overrides: RecipeOverrides): SlabCurves {
  return { backward: resolveRecipe(overrides).direction !== 'forward' };
}

interface ForwardRow {
  id: number;
  file_id: number;
  path: string;
  name: string;
  sweep: number;
  grid_index: number | null;
  points: number;
  x: number | null;
  y: number | null;
  acquired_at: string | null;
  file_acquired_at: string | null;
  label: string | null;
}

interface CurveRow {
  id: number;
  file_id: number;
  sweep: number;
  grid_index: number | null;
  direction: 'forward' | 'backward';
  points: number;
}

function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

const FORWARD_FROM = `FROM spectra s JOIN files f ON f.id = s.file_id
  LEFT JOIN spectrum_labels sl ON sl.spectrum_id = s.id
  LEFT JOIN labels lb ON lb.id = sl.label_id`;

/** Grid pixels join when labelled (a region of the Grid view): each pixel its own spot. */
const ANALYSABLE = `(f.kind = 'bias-spectroscopy' OR (f.kind = 'grid-spectroscopy'
  AND EXISTS (SELECT 1 FROM spectrum_labels gl WHERE gl.spectrum_id = s.id)))
  AND f.status = 'imported' AND s.is_average = 0`;

function forwardWhere(filter: LoadSpectraFilter): { sql: string; params: Record<string, unknown> } {
  const clauses = [ANALYSABLE, "s.direction = 'forward'"];
  const params: Record<string, unknown> = {};
  if (filter.label !== undefined) {
    clauses.push('lb.name = @label');
    params.label = filter.label;
  }
  if (filter.ids !== undefined) {
    clauses.push(`(s.id IN (SELECT value FROM json_each(@ids)) OR EXISTS (SELECT 1 FROM spectra b
      WHERE b.file_id = s.file_id AND b.sweep = s.sweep AND b.grid_index IS s.grid_index
        AND b.direction = 'backward' AND b.is_average = 0 AND b.id IN (SELECT value FROM json_each(@ids))))`);
    params.ids = JSON.stringify(filter.ids);
  }
  if (filter.forwardIds !== undefined) {
    clauses.push('s.id IN (SELECT value FROM json_each(@forwardIds))');
    params.forwardIds = JSON.stringify(filter.forwardIds);
  }
  if (filter.sessionIds !== undefined) {
    clauses.push(
      's.file_id IN (SELECT file_id FROM session_files WHERE session_id IN (SELECT value FROM json_each(@sessionIds)))',
    );
    params.sessionIds = JSON.stringify(filter.sessionIds);
  }
  if (filter.runId !== undefined) {
    clauses.push('s.id IN (SELECT spectrum_id FROM spectrum_results WHERE run_id = @runId)');
    params.runId = filter.runId;
  }
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

const keyOf = (r: { file_id: number; sweep: number; grid_index: number | null }): string =>
  `${r.file_id}:${r.sweep}:${r.grid_index ?? ''}`;

/** Where each curve of a page goes in its slab, read without the BLOBs. */
interface SlabLayout {
  spectra: SlabSpectrumMeta[];
  total: number;
  /** Float64 index of each curve's bias (current right after it), by spectrum id. */
  placeOf: Map<number, number>;
  /** Where a forward sweep's backward partner belongs, and the partner's id. */
  backwardSlots: Array<{ at: number; id: number; points: number }>;
  /** Float64 values the slab holds. */
  size: number;
}

/** The forward sweeps of the filter (in file-path order) with their layout in a slab, no curves read. */
export function loadSpectraMeta(db: Database, filter: LoadSpectraFilter = {}): SlabSpectrumMeta[] {
  return slabLayout(db, filter).spectra;
}

function slabLayout(
  db: Database,
  filter: LoadSpectraFilter,
  page?: SlabPage,
  curvesRead: SlabCurves = { backward: true },
): SlabLayout {
  const where = forwardWhere(filter);
  const limit = page ? 'LIMIT @limit OFFSET @offset' : '';
  const forward = db
    .prepare(
      `SELECT s.id, s.file_id, f.path, f.name, s.sweep, s.grid_index, s.points, s.x, s.y, s.acquired_at,
        f.acquired_at AS file_acquired_at, lb.name AS label
      ${FORWARD_FROM} ${where.sql} ORDER BY f.path, s.idx ${limit}`,
    )
    .all({ ...where.params, ...page }) as ForwardRow[];
  const total = page
    ? (db.prepare(`SELECT count(*) AS n ${FORWARD_FROM} ${where.sql}`).get(where.params) as { n: number }).n
    : forward.length;

  // The files' sweeps without their BLOBs: which backward sweep partners which forward one. The
  // files are those of analysable forward sweeps already; a grid pixel's backward sweep partners
  // its labelled forward sweep without a label of its own.
  const partner = new Map<string, CurveRow>();
  if (curvesRead.backward) {
    const fileIds = JSON.stringify([...new Set(forward.map((r) => r.file_id))]);
    const curves = db
      .prepare(
        `SELECT s.id, s.file_id, s.sweep, s.grid_index, s.direction, s.points
        FROM spectra s JOIN files f ON f.id = s.file_id
        WHERE s.file_id IN (SELECT value FROM json_each(?)) AND f.status = 'imported' AND s.is_average = 0
        ORDER BY s.file_id, s.idx`,
      )
      .all(fileIds) as CurveRow[];
    for (const r of curves)
      if (r.direction === 'backward' && !partner.has(keyOf(r))) partner.set(keyOf(r), r);
  }

  // Layout: where each curve's bias and current go in the slab (Float64 index).
  const placeOf = new Map<number, number>();
  const backwardSlots: SlabLayout['backwardSlots'] = [];
  const spectra: SlabSpectrumMeta[] = [];
  let next = 0;
  for (const r of forward) {
    const back = partner.get(keyOf(r));
    spectra.push({
      id: r.id,
      label: r.label,
      fileName: r.path,
      name: r.name,
      time: timeOf(r.acquired_at ?? r.file_acquired_at),
      x: r.x,
      y: r.y,
      sweep: r.sweep,
      gridIndex: r.grid_index,
      offset: next,
      points: r.points,
      backwardPoints: back ? back.points : 0,
    });
    placeOf.set(r.id, next);
    next += 2 * r.points;
    if (back) {
      // A backward sweep partners one forward sweep (first come); a second claim reads it again.
      if (!placeOf.has(back.id)) placeOf.set(back.id, next);
      backwardSlots.push({ at: next, id: back.id, points: back.points });
      next += 2 * back.points;
    }
  }
  return { spectra, total, placeOf, backwardSlots, size: next };
}

/**
 * The one reader of curve BLOBs: each spectrum of `ids` still in the library, in the order SQLite
 * returns them (not the order of `ids`), as its point count and the bias and current bytes
 * (little-endian Float64, `points` values each). Rows come as arrays (.raw()), not objects. The
 * callers only choose where the values go.
 */
function forEachCurve(
  db: Database,
  ids: Iterable<number>,
  visit: (id: number, points: number, bias: Buffer, current: Buffer) => void,
): void {
  const rows = db
    .prepare(
      'SELECT s.id, s.points, s.bias, s.current FROM spectra s WHERE s.id IN (SELECT value FROM json_each(?))',
    )
    .raw()
    .iterate(JSON.stringify([...ids])) as IterableIterator<[number, number, Buffer, Buffer]>;
  for (const [id, points, bias, current] of rows)
    visit(id, points, bias.subarray(0, points * 8), current.subarray(0, points * 8));
}

/**
 * One page of forward sweeps (all of them without `page`) and their partners (unless `curvesRead`
 * says the forward sweeps alone), curves in one slab.
 */
export function loadSpectraSlab(
  db: Database,
  filter: LoadSpectraFilter = {},
  page?: SlabPage,
  curvesRead?: SlabCurves,
): SpectraSlab {
  const { spectra, total, placeOf, backwardSlots, size } = slabLayout(db, filter, page, curvesRead);
  const values = new Float64Array(size);
  const bytes = new Uint8Array(values.buffer);
  // Only the BLOBs placed (a grid file's unlabelled pixels stay unread).
  forEachCurve(db, placeOf.keys(), (id, points, bias, current) => {
    const at = placeOf.get(id)!;
    // BLOB bytes are little-endian Float64, as the slab on every platform we run on.
    bytes.set(bias, at * 8);
    bytes.set(current, (at + points) * 8);
  });
  // Forward sweeps sharing one backward partner: copy it to each later claimant.
  for (const slot of backwardSlots) {
    const stored = placeOf.get(slot.id)!;
    if (stored !== slot.at) values.copyWithin(slot.at, stored, stored + 2 * slot.points);
  }
  return { spectra, values, total };
}

interface Curve {
  bias: Float64Array;
  current: Float64Array;
}

/** Distinct bias grids loadAnalysisSpectra compares each bias BLOB with. */
const RECENT_BIASES = 4;

/**
 * The spectra of a run (all pages), as spectraOfSlab(loadSpectraSlab(db, filter, undefined,
 * curvesRead)) gives them, value for value, read for the analysis: curves written into one slab
 * in reading order, and a bias BLOB byte-equal to the one read before it not written again (its
 * spectra share that view). A session's sweeps are recorded on one bias grid, and fresh memory
 * is the dearest part of loading on the build VM (~15 µs a 4 KB page): this touches half the
 * pages. Rows are read as arrays (.raw()), not objects.
 */
export function loadAnalysisSpectra(
  db: Database,
  filter: LoadSpectraFilter = {},
  curvesRead?: SlabCurves,
): AnalysisSpectrum[] {
  const { spectra, placeOf, backwardSlots, size } = slabLayout(db, filter, undefined, curvesRead);
  const backwardIdAt = new Map(backwardSlots.map((slot) => [slot.at, slot.id]));
  const values = new Float64Array(size);
  const bytes = new Uint8Array(values.buffer);
  let next = 0;
  const place = (blob: Uint8Array, points: number): Float64Array => {
    // BLOB bytes are little-endian Float64, as the slab on every platform we run on.
    bytes.set(blob, next * 8);
    const view = values.subarray(next, next + points);
    next += points;
    return view;
  };
  // The last few distinct bias grids read (forward and backward sweeps alternate between two).
  const recentBiases: Array<{ bytes: Buffer; view: Float64Array }> = [];
  const curveOf = new Map<number, Curve>();
  forEachCurve(db, placeOf.keys(), (id, points, biasBytes, currentBytes) => {
    let bias = recentBiases.find((b) => b.view.length === points && b.bytes.equals(biasBytes))?.view;
    if (!bias) {
      bias = place(biasBytes, points);
      recentBiases.unshift({ bytes: biasBytes, view: bias });
      if (recentBiases.length > RECENT_BIASES) recentBiases.pop();
    }
    curveOf.set(id, { bias, current: place(currentBytes, points) });
  });
  const curve = (id: number): Curve => {
    const found = curveOf.get(id);
    if (!found) throw new Error(`spectrum ${id} left the library while it was read`);
    return found;
  };
  return spectra.map(({ offset, points, backwardPoints, ...meta }) => {
    const forward = curve(meta.id);
    let backward: Curve | null = null;
    if (backwardPoints > 0) backward = curve(backwardIdAt.get(offset + 2 * points)!);
    return { ...meta, bias: forward.bias, current: forward.current, backward };
  });
}
