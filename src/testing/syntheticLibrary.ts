// Writes a seeded synthetic library straight into SQLite (no instrument files), for the scale
// benchmark and the query tests: bias-spectroscopy files at a grid of tip positions, each with a
// forward and a backward sweep (and every 4th file an instrument [AVG] column), three labelled
// groups with known band edges, plus a few skipped and failed files. Streams file by file, so a
// 100,000-spectrum library never sits in memory.
import type { Database } from 'better-sqlite3';

export const SYNTHETIC_GROUPS = [
  { label: 'core', vbm: -1.13, cbm: 1.53 },
  { label: 'crown-centre', vbm: -1.11, cbm: 1.59 },
  { label: 'crown-edge', vbm: -1.27, cbm: 1.66 },
] as const;

export interface SyntheticLibraryOptions {
  /** Bias-spectroscopy files; each holds a forward and a backward sweep. */
  files: number;
  points: number;
  seed?: number;
  /** Files recorded as skipped and as failed (no spectra). */
  skipped?: number;
  failed?: number;
}

export interface SyntheticLibraryTruth {
  files: number;
  /** Spectra without the [AVG] columns, and the [AVG] columns. */
  spectra: number;
  averages: number;
  /** Labelled spectra (forward and backward) per label. */
  labels: Record<string, number>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** I(V), A: the cumulative integral of band-edge dI/dV (A/V) from 0 V, plus white noise. */
function currentOf(bias: Float64Array, vbm: number, cbm: number, noise: () => number): Float64Array {
  const g = (v: number, c: number): number => Math.exp(-0.5 * ((v - c) / 0.09) ** 2);
  const didv = bias.map(
    (v) =>
      1e-9 *
      (g(v, vbm) +
        1.3 * g(v, cbm) +
        2 * Math.max(0, vbm - 0.25 - v) ** 1.2 +
        2.5 * Math.max(0, v - cbm - 0.25) ** 1.2 +
        0.01),
  );
  const points = bias.length;
  const zero = Math.round((points - 1) / 2);
  const current = new Float64Array(points);
  for (let i = zero + 1; i < points; i++)
    current[i] = current[i - 1]! + 0.5 * (didv[i]! + didv[i - 1]!) * (bias[i]! - bias[i - 1]!);
  for (let i = zero - 1; i >= 0; i--)
    current[i] = current[i + 1]! - 0.5 * (didv[i]! + didv[i + 1]!) * (bias[i + 1]! - bias[i]!);
  for (let i = 0; i < points; i++) current[i] = current[i]! + 1e-12 * noise();
  return current;
}

const blob = (values: Float64Array): Buffer =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength);

export function writeSyntheticLibrary(db: Database, options: SyntheticLibraryOptions): SyntheticLibraryTruth {
  const { files, points, seed = 2026, skipped = 0, failed = 0 } = options;
  const uniform = mulberry32(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const forwardBias = Float64Array.from({ length: points }, (_, i) => -2 + (4 * i) / (points - 1));
  const backwardBias = forwardBias.slice().reverse();
  const insertFile = db.prepare(`INSERT INTO files (path, name, size, mtime_ms, sha256, format, kind, status,
    error, header_json, header_entries_json, acquired_at, comment, pos_x, pos_y, reader_version, imported_at)
    VALUES (@path, @name, 1000, 0, @sha256, 'nanonis-dat', @kind, @status, @error, '{}', '[]', @acquiredAt, '',
    @x, @y, 'synthetic', '2026-01-01T00:00:00Z')`);
  const insertSpectrum = db.prepare(`INSERT INTO spectra (file_id, idx, sweep, is_average, direction, points,
    bias_min, bias_max, x, y, acquired_at, channels_json, bias, current, extra)
    VALUES (?, ?, 1, ?, ?, ?, -2, 2, ?, ?, ?, '[]', ?, ?, X'')`);
  const labelIds = SYNTHETIC_GROUPS.map((group, i) => {
    db.prepare('INSERT OR IGNORE INTO labels (name, colour) VALUES (?, ?)').run(
      group.label,
      ['#d62728', '#1f77b4', '#2ca02c'][i],
    );
    return (db.prepare('SELECT id FROM labels WHERE name = ?').get(group.label) as { id: number }).id;
  });
  const insertLabel = db.prepare('INSERT INTO spectrum_labels (spectrum_id, label_id) VALUES (?, ?)');
  const truth: SyntheticLibraryTruth = {
    files: files + skipped + failed,
    spectra: 0,
    averages: 0,
    labels: {},
  };
  const writeFile = (n: number): void => {
    const group = SYNTHETIC_GROUPS[n % 3]!;
    const folder = `/synthetic/day${String(Math.floor(n / 1000)).padStart(3, '0')}`;
    const name = `Bias-Spectroscopy${String(n).padStart(6, '0')}.dat`;
    const x = (n % 300) * 2e-9;
    const y = Math.floor(n / 300) * 2e-9;
    const acquiredAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    const fileId = Number(
      insertFile.run({
        path: `${folder}/${name}`,
        name,
        sha256: `s${n}`,
        kind: 'bias-spectroscopy',
        status: 'imported',
        error: null,
        acquiredAt,
        x,
        y,
      }).lastInsertRowid,
    );
    const vbm = group.vbm + 0.03 * gaussian();
    const cbm = group.cbm + 0.03 * gaussian();
    const forward = currentOf(forwardBias, vbm, cbm, gaussian);
    const backward = currentOf(forwardBias, vbm, cbm, gaussian).reverse();
    const labelled = n % 50 !== 49;
    const sweeps: Array<[number, 'forward' | 'backward', Float64Array, Float64Array]> = [
      [0, 'forward', forwardBias, forward],
      [0, 'backward', backwardBias, backward],
    ];
    if (n % 4 === 0) {
      const mean = forward.map((v, i) => 0.5 * (v + backward[points - 1 - i]!));
      sweeps.push([1, 'forward', forwardBias, mean]);
    }
    sweeps.forEach(([isAverage, direction, bias, current], idx) => {
      const id = Number(
        insertSpectrum.run(
          fileId,
          idx,
          isAverage,
          direction,
          points,
          x,
          y,
          acquiredAt,
          blob(bias),
          blob(current),
        ).lastInsertRowid,
      );
      if (isAverage) {
        truth.averages++;
        return;
      }
      truth.spectra++;
      if (labelled) {
        insertLabel.run(id, labelIds[n % 3]!);
        truth.labels[group.label] = (truth.labels[group.label] ?? 0) + 1;
      }
    });
  };
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) writeFile(n);
  });
  for (let from = 0; from < files; from += 1000) writeBatch(from, Math.min(files, from + 1000));
  db.transaction(() => {
    for (let i = 0; i < skipped + failed; i++) {
      const isSkipped = i < skipped;
      insertFile.run({
        path: `/synthetic/other/${isSkipped ? 'skipped' : 'failed'}${i}.dat`,
        name: `${isSkipped ? 'skipped' : 'failed'}${i}.dat`,
        sha256: `o${i}`,
        kind: null,
        status: isSkipped ? 'skipped' : 'failed',
        error: isSkipped ? 'not a spectroscopy file' : 'truncated table',
        acquiredAt: null,
        x: null,
        y: null,
      });
    }
  })();
  return truth;
}
