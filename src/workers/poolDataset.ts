// What the analysis pool decides about a run's input before sending it: whether the workers
// already hold it (sameSpectra) and which worker runs which labels' group stage (splitLabels).
import type { GroupInput, PipelineSpectrum } from '../shared/analysis/index.ts';
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
 * Labels per worker for the group stage: the largest labels (by spectra) first, each to the worker
 * with the fewest spectra so far (averaging and bootstrap cost grow with a label's spectra).
 */
export function splitLabels(
  results: ReadonlyArray<Pick<GroupInput<SpectrumId>, 'label'>>,
  labels: ReadonlyArray<string>,
  workers: number,
): string[][] {
  const count = new Map<string, number>(labels.map((l) => [l, 0]));
  for (const r of results) if (r.label !== null) count.set(r.label, (count.get(r.label) ?? 0) + 1);
  const split: string[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  for (const label of [...labels].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1))) {
    const w = load.indexOf(Math.min(...load));
    split[w]!.push(label);
    load[w]! += count.get(label)!;
  }
  return split;
}
