// `sts-workbench export --db <file> --group <label> --what averaged|edges|series --csv <out> [--run <id>]`
// Writes one table of a stored analysis run (the newest unless --run) as CSV (src/shared/csv: a
// "# " provenance header, then a header row), and the run's recipe beside it in <out>.recipe.json.
import { existsSync, writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { AnalysisRunView } from '../../shared/api/contract.ts';
import { getAnalysisRun, latestAnalysisRunId } from '../../main/analysis/analysisRuns.ts';
import { averageLeftOut } from '../../main/analysis/analysisReport.ts';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { UsageError } from '../usage.ts';
import { provenanceHeader, writeCsv } from '../../shared/csv/index.ts';
import type { CsvCell } from '../../shared/csv/index.ts';

export const EXPORT_TABLES = ['averaged', 'edges', 'series'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportArgs {
  db: string;
  group: string | undefined;
  what: string | undefined;
  csv: string | undefined;
  run: string | undefined;
}

type Cell = CsvCell;

function averagedTable(run: AnalysisRunView, group: string): { header: string[]; rows: Cell[][] } {
  const curves = run.curves[group];
  if (!curves) {
    const g = run.groups.find((x) => x.label === group);
    const reason = g && !g.average.ok ? g.average.reason : 'no averaged spectrum';
    throw new Error(`group '${group}' of run ${run.runId} has no averaged spectrum: ${reason}`);
  }
  const rows: Cell[][] = [];
  for (let i = 0; i < curves.bias.length; i++)
    rows.push([curves.bias[i]!, curves.current[i]!, curves.didv[i]!]);
  return { header: ['bias_V', 'current_A', 'didv_AperV'], rows };
}

/** How many sweeps the group's averaged curve is of, and those it left out for their narrow range. */
function averageNote(run: AnalysisRunView, group: string): Record<string, unknown> {
  const g = run.groups.find((x) => x.label === group);
  const { leftOut, note } = g ? averageLeftOut(run, g) : { leftOut: [], note: null };
  return { sweepsAveraged: run.curves[group]?.n ?? null, ...(note ? { leftOut, note } : {}) };
}

function edgesTable(db: Database, run: AnalysisRunView, group: string): { header: string[]; rows: Cell[][] } {
  const quality = new Map((run.quality ?? []).map((q) => [q.spectrumId, q]));
  const found = db
    .prepare(
      `SELECT r.spectrum_id, f.name, s.sweep, s.x, s.y, r.sweep_in_series, r.vbm, r.cbm, r.gap, r.deep_trap
      FROM spectrum_results r JOIN spectra s ON s.id = r.spectrum_id JOIN files f ON f.id = s.file_id
      WHERE r.run_id = ? AND r.label = ? ORDER BY f.path, s.idx`,
    )
    .all(run.runId, group) as Array<{
    spectrum_id: number;
    name: string;
    sweep: number;
    x: number | null;
    y: number | null;
    sweep_in_series: number;
    vbm: number | null;
    cbm: number | null;
    gap: number | null;
    deep_trap: number | null;
  }>;
  return {
    header: [
      'file',
      'sweep',
      'direction',
      'x_m',
      'y_m',
      'series_sweep',
      'vbm_V',
      'cbm_V',
      'gap_V',
      'deep_trap_V',
      'flags',
      'excluded',
      'reason',
      'current_noise_raise',
    ],
    rows: found.map((r) => [
      r.name,
      r.sweep,
      run.recipe.direction,
      r.x,
      r.y,
      r.sweep_in_series,
      r.vbm,
      r.cbm,
      r.gap,
      r.deep_trap,
      // Quality flags (';'-separated), exclusion from the group statistics and why (stored runs
      // from before the flags existed have none).
      (quality.get(r.spectrum_id)?.flags ?? []).join(';'),
      quality.get(r.spectrum_id)?.excluded ? 1 : 0,
      quality.get(r.spectrum_id)?.exclusionReason ?? '',
      // The noisiest block's current σ over the sweep's quietest part's, where the edges were judged
      // against that noise (empty: no noisy block, or a run stored before it was kept).
      quality.get(r.spectrum_id)?.currentNoiseRaise ?? null,
    ]),
  };
}

function seriesTable(
  db: Database,
  run: AnalysisRunView,
  group: string,
): { header: string[]; rows: Cell[][] } {
  const nameOf = db
    .prepare('SELECT f.name FROM spectra s JOIN files f ON f.id = s.file_id WHERE s.id = ?')
    .pluck();
  const rows: Cell[][] = [];
  run.series.forEach((series, index) => {
    if (series.label !== group) return;
    for (const k of series.sweeps) {
      const id = series.spectrumIds[k.k - 1];
      const file = id === undefined ? null : ((nameOf.get(id) as string | undefined) ?? null);
      rows.push([index + 1, file, k.k, k.vbm, k.cbm, k.gap, k.deltaGap, k.inGap, k.metallic]);
    }
  });
  return {
    header: [
      'series',
      'file',
      'sweep',
      'vbm_V',
      'cbm_V',
      'gap_V',
      'gap_change_V',
      'in_gap_integral_V',
      'metallic',
    ],
    rows,
  };
}

export function exportCommand(args: ExportArgs): number {
  if (!args.group) throw new UsageError('export: --group <label> is required');
  if (!args.what || !(EXPORT_TABLES as readonly string[]).includes(args.what))
    throw new UsageError(`export: --what must be one of ${EXPORT_TABLES.join(', ')}`);
  if (!args.csv) throw new UsageError('export: --csv <out> is required');
  let runId: number | null = null;
  if (args.run !== undefined) {
    runId = Number(args.run);
    if (!Number.isInteger(runId) || runId < 1) throw new UsageError(`--run: '${args.run}' is not a run id`);
  }
  if (!existsSync(args.db)) throw new UsageError(`export: no library at ${args.db}`);
  // Export only reads: a library on a read-only disk is opened read-only.
  const db = openLibrary(args.db, { readonlyIfNeeded: true });
  try {
    runId ??= latestAnalysisRunId(db);
    if (runId === null)
      throw new Error(`${args.db} holds no analysis run yet: run 'sts-workbench analyze' first`);
    const run = getAnalysisRun(db, runId);
    const labels = run.groups.map((g) => g.label);
    if (!labels.includes(args.group))
      throw new UsageError(
        `export: run ${run.runId} has no group '${args.group}' (groups: ${labels.join(', ') || 'none'})`,
      );
    const what = args.what as ExportTable;
    const table =
      what === 'averaged'
        ? averagedTable(run, args.group)
        : what === 'edges'
          ? edgesTable(db, run, args.group)
          : seriesTable(db, run, args.group);
    // The app's one CSV writer: the same quoting, empty missing values and "# " provenance header
    // as the figure exports in the UI.
    const comments = provenanceHeader({
      appVersion: run.appVersion,
      what: `${what} table of group ${args.group}`,
      runId: run.runId,
      runCreatedAt: run.createdAt,
      recipe: run.recipe,
      settings: { group: args.group, what, ...(what === 'averaged' ? averageNote(run, args.group) : {}) },
    });
    writeFileSync(args.csv, writeCsv(table, comments));
    const sidecar = {
      runId: run.runId,
      createdAt: run.createdAt,
      appVersion: run.appVersion,
      group: args.group,
      what,
      recipe: run.recipe,
    };
    writeFileSync(`${args.csv}.recipe.json`, JSON.stringify(sidecar, null, 2) + '\n');
    return 0;
  } finally {
    db.close();
  }
}
