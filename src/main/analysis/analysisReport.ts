// The `sts-workbench analyze --json` document, built from a stored run: recipe (with the app
// version), per-group statistics (volts; null where undefined), every ordered comparison and the
// sweep-degradation series. Curves are left out; `export` writes those.
import type { SummaryStats } from '../../shared/analysis/index.ts';
import type { AnalysisRecipe } from '../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../shared/api/contract.ts';

export interface StatsJson {
  n: number;
  mean: number | null;
  std: number | null;
  median: number | null;
}

export interface AnalysisReport {
  recipe: AnalysisRecipe & { appVersion: string };
  spectra: Array<{
    file: string;
    name: string;
    sweep: number;
    direction: string;
    label: string | null;
    vbm: number | null;
    cbm: number | null;
    gap: number | null;
    inGapStates: Array<{ bias: number; height: number; width: number }>;
    flags: string[];
    excluded: boolean;
    reason: string | null;
  }>;
  groups: Array<{
    label: string;
    n: number;
    excluded: number;
    ciReason: string | null;
    vbm: StatsJson;
    cbm: StatsJson;
    gap: StatsJson;
    deepTrap: StatsJson;
    averaged: {
      vbm: number | null;
      cbm: number | null;
      gap: number | null;
      deepTrap: number | null;
      /** Files of the sweeps the average left out for their narrow bias range, and why. */
      leftOut: string[];
      note: string | null;
    };
  }>;
  comparisons: Array<{
    a: string;
    b: string;
    deepTrapReduction: number | null;
    ci95: [number, number] | null;
  }>;
  series: Array<{
    files: string[];
    label: string | null;
    sweeps: Array<{
      sweep: number;
      vbm: number | null;
      cbm: number | null;
      gap: number | null;
      gapChange: number | null;
      inGapIntegral: number | null;
      metallic: boolean;
    }>;
  }>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stats(s: SummaryStats): StatsJson {
  return { n: s.n, mean: s.mean, std: s.std, median: s.median };
}

/**
 * The files of the sweeps a group's average left out for their narrow bias range, and why (the
 * run's note); none and null for a group whose average took every sweep, or a run stored before.
 */
export function averageLeftOut(
  run: AnalysisRunView,
  group: AnalysisRunView['groups'][number],
): { leftOut: string[]; note: string | null } {
  const files = new Map((run.quality ?? []).map((q) => [q.spectrumId, q.file]));
  return {
    leftOut: (group.leftOutOfAverage ?? []).map((id) => files.get(id) ?? String(id)),
    note: (group.average.ok ? group.average.rangeNote : null) ?? null,
  };
}

export function analysisReport(run: AnalysisRunView): AnalysisReport {
  const quality = new Map((run.quality ?? []).map((q) => [q.spectrumId, q]));
  return {
    recipe: { ...run.recipe, appVersion: run.appVersion },
    // In file order, then sweep: the same files give the same report whatever order they were
    // imported in (a watched folder imports them as they arrive).
    spectra: run.spectra
      .map((r) => {
        const q = quality.get(r.spectrumId);
        return {
          file: q?.file ?? String(r.spectrumId),
          name: q?.name ?? String(r.spectrumId),
          sweep: q?.sweep ?? 1,
          direction: run.recipe.direction,
          label: r.label,
          vbm: r.vbm,
          cbm: r.cbm,
          gap: r.gap,
          inGapStates: (q?.inGapStates ?? []).map((s) => ({
            bias: s.bias,
            height: s.height,
            width: s.width,
          })),
          flags: q?.flags ?? [],
          excluded: q?.excluded ?? !r.ok,
          reason: q?.exclusionReason ?? (r.ok ? null : r.reason),
          // Noisiest block's current σ over the quietest part's, where edges were judged against it.
          currentNoiseRaise: q?.currentNoiseRaise ?? null,
        };
      })
      .sort((a, b) => compareText(a.file, b.file) || a.sweep - b.sweep),
    groups: run.groups.map((g) => ({
      label: g.label,
      n: g.counted,
      excluded: g.excluded ?? 0,
      ciReason: g.ciReason ?? null,
      vbm: stats(g.stats.vbm),
      cbm: stats(g.stats.cbm),
      gap: stats(g.stats.gap),
      deepTrap: stats(g.stats.deepTrap),
      averaged: {
        ...(g.average.ok
          ? {
              vbm: g.average.edges.vbm,
              cbm: g.average.edges.cbm,
              gap: g.average.edges.gap,
              deepTrap: g.average.traps.deep,
            }
          : { vbm: null, cbm: null, gap: null, deepTrap: null }),
        ...averageLeftOut(run, g),
      },
    })),
    comparisons: run.comparisons.map((c) => ({
      a: c.a,
      b: c.b,
      deepTrapReduction: c.reduction,
      ci95: c.ci95,
    })),
    series: run.series.map((s) => ({
      files: s.files,
      label: s.label,
      sweeps: s.sweeps.map((k) => ({
        sweep: k.k,
        vbm: k.vbm,
        cbm: k.cbm,
        gap: k.gap,
        gapChange: k.deltaGap,
        inGapIntegral: k.inGap,
        metallic: k.metallic,
      })),
    })),
  };
}

const volts = (v: number | null): string => (v === null ? '—' : v.toFixed(3));
const percent = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)} %`);
const pm = (s: StatsJson): string =>
  s.mean === null ? '—' : `${s.mean.toFixed(3)} ± ${s.std === null ? '—' : s.std.toFixed(3)}`;

/** The report as a readable table (volts, mean ± sample std over first sweeps). */
export function formatAnalysisReport(report: AnalysisReport, runId: number): string {
  const lines: string[] = [];
  const r = report.recipe;
  lines.push(
    `analysis run ${runId} (STS Workbench ${r.appVersion}): edges ${r.edges.method}, ` +
      `Savitzky–Golay ${r.derivative.window}/${r.derivative.polyorder} (at most ${r.derivative.maxSpan} V wide), ` +
      `deep window [${r.traps.deep.join(', ')}] V`,
  );
  lines.push('');
  const row = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(16))).join(' ');
  if (report.groups.length === 0)
    // Groups are labels: without any, say so rather than print an empty table.
    lines.push(
      `no labelled spectra among the ${report.spectra.length} analysed: group statistics need labels ` +
        "(label in the app, or analyze --labels <file.csv>); each spectrum's edges and flags are in --json",
    );
  else lines.push(row(['group', 'n', 'VBM / V', 'CBM / V', 'Eg / V', 'deep trap / V', 'avg VBM', 'avg CBM']));
  for (const g of report.groups) {
    lines.push(
      row([
        g.label,
        String(g.n),
        pm(g.vbm),
        pm(g.cbm),
        pm(g.gap),
        pm(g.deepTrap),
        volts(g.averaged.vbm),
        volts(g.averaged.cbm),
      ]),
    );
  }
  for (const g of report.groups)
    if (g.averaged.note)
      lines.push(`  ${g.label} average: ${g.averaged.note} (${g.averaged.leftOut.join(', ')})`);
  if (report.comparisons.length) {
    lines.push('', 'deep-trap reduction (1 − mean B / mean A, 95 % bootstrap CI)');
    for (const c of report.comparisons) {
      const ci = c.ci95 ? ` [${percent(c.ci95[0])}, ${percent(c.ci95[1])}]` : '';
      lines.push(`  ${c.a} → ${c.b}: ${percent(c.deepTrapReduction)}${ci}`);
    }
  }
  for (const s of report.series) {
    lines.push('', `series ${s.files.join(', ')} (${s.label ?? 'no label'})`);
    lines.push(
      `  ${['sweep', 'VBM', 'CBM', 'Eg', 'ΔEg', 'in-gap', 'metallic'].map((c) => c.padStart(8)).join(' ')}`,
    );
    for (const k of s.sweeps) {
      const cells = [String(k.sweep), volts(k.vbm), volts(k.cbm), volts(k.gap), volts(k.gapChange)];
      cells.push(k.inGapIntegral === null ? '—' : k.inGapIntegral.toFixed(3), k.metallic ? 'yes' : 'no');
      lines.push(`  ${cells.map((c) => c.padStart(8)).join(' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}
