// What the analysis pool decides about a run's input before sending it: whether the workers
// already hold it (sameSpectra), how many chunks one worker may take (maxChunksPerWorker) and
// which worker runs which labels' group stage (splitLabels); and how the workers' parts of the
// group stage join again (joinMeans, joinGroupParts).
import type { GroupDeepSample } from '../shared/analysis/aggregateGroups.ts';
import type { GroupInput, GroupResult, PipelineSpectrum } from '../shared/analysis/index.ts';
import type { DrawnMeans } from './reanalysis.ts';
import type { SpectrumId } from './packSpectra.ts';

/**
 * The same input as last time: same ids, labels, positions and times, and the very same curve
 * arrays (by reference: a caller that rewrites a curve in place must pass a new array).
 */
export function sameSpectra(
  a: ReadonlyArray<PipelineSpectrum<SpectrumId>>,
  b: ReadonlyArray<PipelineSpectrum<SpectrumId>>,
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const s = a[i]!;
    const t = b[i]!;
    if (
      s.id !== t.id ||
      s.label !== t.label ||
      s.bias !== t.bias ||
      s.current !== t.current ||
      (s.backward ?? null) !== (t.backward ?? null) ||
      (s.lockIn ?? null) !== (t.lockIn ?? null) ||
      s.time !== t.time ||
      s.x !== t.x ||
      s.y !== t.y ||
      s.fileName !== t.fileName ||
      s.sweep !== t.sweep ||
      (s.gridIndex ?? null) !== (t.gridIndex ?? null)
    )
      return false;
  }
  return true;
}

/**
 * Most chunks one worker may hold of `chunks` shared by `workers`: its even share, plus one per
 * eight of it. The split made while a dataset loads stays for every re-analysis of it, which
 * takes as long as the worker holding the most; a little slack lets a worker that is slow for a
 * while (starting, compiling, another process) leave a few chunks to the others.
 */
export function maxChunksPerWorker(chunks: number, workers: number): number {
  const share = Math.ceil(chunks / Math.max(1, workers));
  return share + Math.floor(share / 8);
}

/** Spectra per label (each of `labels`, 0 when it has none). */
export function labelCounts(
  results: ReadonlyArray<Pick<GroupInput<SpectrumId>, 'label'>>,
  labels: ReadonlyArray<string>,
): Map<string, number> {
  const count = new Map<string, number>(labels.map((l) => [l, 0]));
  for (const r of results) if (r.label !== null) count.set(r.label, (count.get(r.label) ?? 0) + 1);
  return count;
}

/**
 * Labels per worker for the group stage: the largest labels (by spectra) first, each to the worker
 * with the fewest spectra so far (averaging and bootstrap cost grow with a label's spectra).
 */
export function splitLabels(
  results: ReadonlyArray<Pick<GroupInput<SpectrumId>, 'label'>>,
  labels: ReadonlyArray<string>,
  workers: number,
): string[][] {
  return splitCountedLabels(labelCounts(results, labels), labels, workers);
}

/** splitLabels from the labels' counts (labelCounts). */
export function splitCountedLabels(
  count: ReadonlyMap<string, number>,
  labels: ReadonlyArray<string>,
  workers: number,
): string[][] {
  const split: string[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  for (const label of [...labels].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1))) {
    const w = load.indexOf(Math.min(...load));
    split[w]!.push(label);
    load[w]! += count.get(label)!;
  }
  return split;
}

/** Resamples [from, to) of a label's group-stage bootstrap, drawn by one worker. */
export interface BootstrapShare {
  label: string;
  from: number;
  to: number;
}

/**
 * Relative cost of a label's group stage per spectrum: averaging its curves (per point) and
 * drawing its bootstrap (per resample); measured on the build VM (~5.6 ns a curve point, ~3 ns a
 * draw). Only balances the workers: every split gives the same numbers.
 */
const COST_PER_POINT = 2;
const COST_PER_DRAW = 1;

/**
 * Which bootstrap resamples each worker draws in the group stage. Each worker runs its labels'
 * group stage (splitLabels) and draws their resamples, but whole labels rarely split evenly (3
 * labels on 2 workers: one worker has twice the work), so the last resamples of the most loaded
 * worker's labels move to the least loaded, until the estimated loads (spectra × points to
 * average, spectra × resamples to draw) are within one resample. A worker's share of one of its own
 * labels is always [0, k) (possibly empty); the others' shares are the rest, joined in order.
 */
export function shareBootstrap(
  labelsOf: ReadonlyArray<ReadonlyArray<string>>,
  count: ReadonlyMap<string, number>,
  points: number,
  resamples: number,
): BootstrapShare[][] {
  const shares = labelsOf.map((mine) => mine.map((label) => ({ label, from: 0, to: resamples })));
  const perDraw = (label: string): number => (count.get(label) ?? 0) * COST_PER_DRAW;
  const load = labelsOf.map((mine) =>
    mine.reduce((sum, l) => sum + (count.get(l) ?? 0) * COST_PER_POINT * points + perDraw(l) * resamples, 0),
  );
  // Each move evens one pair of workers as far as one share allows; a few per worker suffice.
  for (let move = 0; move < 4 * labelsOf.length; move++) {
    const heavy = load.indexOf(Math.max(...load));
    const light = load.indexOf(Math.min(...load));
    const excess = (load[heavy]! - load[light]!) / 2;
    // The heavy worker's share that can move the most.
    let best: BootstrapShare | null = null;
    for (const share of shares[heavy]!)
      if (
        perDraw(share.label) > 0 &&
        (!best ||
          perDraw(share.label) * (share.to - share.from) > perDraw(best.label) * (best.to - best.from))
      )
        best = share;
    if (!best) break;
    const moved = Math.min(best.to - best.from, Math.floor(excess / perDraw(best.label)));
    if (moved < 1) break;
    shares[light]!.push({ label: best.label, from: best.to - moved, to: best.to });
    best.to -= moved;
    load[heavy]! -= moved * perDraw(best.label);
    load[light]! += moved * perDraw(best.label);
  }
  return shares;
}

/**
 * A label's whole bootstrap means from the parts its shares drew ({from, means} in any order);
 * null when the label's means were not drawn (no comparison reaches them: every part null).
 */
export function joinMeans(
  label: string,
  parts: ReadonlyArray<{ from: number; means: Float64Array | null }>,
  resamples: number,
): Float64Array | null {
  if (parts.every((p) => p.means === null)) return null;
  const means = new Float64Array(resamples);
  let covered = 0;
  // Empty parts (a worker whose whole share of its own label moved elsewhere) add nothing.
  for (const part of [...parts].filter((p) => p.means?.length !== 0).sort((a, b) => a.from - b.from)) {
    if (!part.means || part.from !== covered)
      throw new Error(`group stage: bootstrap means of label ${label} do not join at resample ${covered}`);
    means.set(part.means, covered);
    covered += part.means.length;
  }
  if (covered !== resamples)
    throw new Error(
      `group stage: bootstrap means of label ${label} cover ${covered} of ${resamples} resamples`,
    );
  return means;
}

/** One worker's part of the group stage (reanalysis.ts aggregateHeld). */
export interface GroupStagePart {
  groups: GroupResult[];
  samples: GroupDeepSample[];
  draws: DrawnMeans[];
}

/**
 * The workers' parts joined: each label's group in `labels` order, and each label's deep-trap
 * sample with its bootstrap means joined from the workers that drew them.
 */
export function joinGroupParts(
  parts: ReadonlyArray<GroupStagePart>,
  labels: ReadonlyArray<string>,
  resamples: number,
): { groups: GroupResult[]; samples: Map<string, GroupDeepSample> } {
  const groupOf = new Map<string, GroupResult>();
  const drawn = new Map<string, Array<{ from: number; means: Float64Array | null }>>();
  const addDrawn = (label: string, part: { from: number; means: Float64Array | null }): void => {
    const joined = drawn.get(label);
    if (joined) joined.push(part);
    else drawn.set(label, [part]);
  };
  for (const p of parts) {
    for (const g of p.groups) groupOf.set(g.label, g);
    for (const s of p.samples) addDrawn(s.label, { from: 0, means: s.means });
    for (const d of p.draws) addDrawn(d.label, d);
  }
  const samples = new Map(
    parts
      .flatMap((p) => p.samples)
      .map((s) => [s.label, { ...s, means: joinMeans(s.label, drawn.get(s.label)!, resamples) }]),
  );
  return { groups: labels.map((l) => groupOf.get(l)!), samples };
}
