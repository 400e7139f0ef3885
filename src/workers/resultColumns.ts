// Per-spectrum results in columns for the trip from a worker to the pool: numbers in one
// Float64Array, flags and booleans in bytes, each distinct string once. Structured cloning the
// objects wrote every property name of every result and rebuilt ~8 objects per spectrum on the
// other side: for 1,000 spectra about 20 ms of the pool's thread per re-analysis, longer than the
// analysis itself. decodeResults rebuilds objects equal to the encoded ones (same fields, same
// order, same numbers bit for bit: null is a flag, not a NaN).
import { QUALITY_FLAGS } from '../shared/analysis/index.ts';
import type { GroupInput, InGapState, QualityFlag, SpectrumResult } from '../shared/analysis/index.ts';
import { keptPackBuffers, packKept } from './keptCurves.ts';
import type { KeptPack } from './keptCurves.ts';
import type { SpectrumId } from './packSpectra.ts';
import type { ChunkResult } from './splitPipeline.ts';

/** The number-or-null fields of a SpectrumResult, in this order in `numbers`. */
export const NUMBER_FIELDS = [
  'vbm',
  'cbm',
  'gap',
  'vbPeak',
  'deepTrap',
  'shallowVb',
  'shallowCb',
  'currentNoiseRaise',
] as const;
const FIELDS = NUMBER_FIELDS.length;

export interface ResultColumns<Id extends SpectrumId> {
  ids: Id[];
  /** Index into `strings` of the label, reason and exclusion reason (−1: null); 3 per spectrum. */
  texts: Int32Array;
  strings: string[];
  /** NUMBER_FIELDS per spectrum; `present` says which are numbers (1) and which null (0). */
  numbers: Float64Array;
  present: Uint8Array;
  /** ok, excluded: 0 / 1. */
  ok: Uint8Array;
  excluded: Uint8Array;
  seriesIndex: Int32Array;
  sweepInSeries: Int32Array;
  /** Spectrum i's flags are flagCodes[flagStart[i] .. flagStart[i+1]) (QUALITY_FLAGS index), reasons likewise. */
  flagStart: Int32Array;
  flagCodes: Uint8Array;
  flagReasons: Int32Array;
  /** In-gap states (bias, height, width) of spectrum i: rows gapStart[i] .. gapStart[i+1]). */
  gapStart: Int32Array;
  gaps: Float64Array;
  /** scale, phase, r2 per spectrum; lockInPresent 0 for a null fit. */
  lockIn: Float64Array;
  lockInPresent: Uint8Array;
}

// Loops and module-level functions, not closures created per call: V8 holds a closure's
// optimised code only weakly, so per-call closures here were recompiled in every run
// (seriesStage.ts says more).

/** Each distinct string once, by index. */
class StringTable {
  readonly strings: string[] = [];
  private readonly indexOf = new Map<string, number>();
  /** The string's index (added when new); −1 for null. */
  index(s: string | null): number {
    if (s === null) return -1;
    let k = this.indexOf.get(s);
    if (k === undefined) {
      k = this.strings.push(s) - 1;
      this.indexOf.set(s, k);
    }
    return k;
  }
}

function encodeResult<Id extends SpectrumId>(
  r: SpectrumResult<Id>,
  i: number,
  c: ResultColumns<Id>,
  table: StringTable,
  at: { flag: number; gap: number },
): void {
  c.ids[i] = r.spectrumId;
  c.texts[3 * i] = table.index(r.label);
  c.texts[3 * i + 1] = table.index(r.reason);
  c.texts[3 * i + 2] = table.index(r.exclusionReason);
  for (let k = 0; k < FIELDS; k++) {
    const v = r[NUMBER_FIELDS[k]!];
    if (v !== null) {
      c.numbers[FIELDS * i + k] = v;
      c.present[FIELDS * i + k] = 1;
    }
  }
  c.ok[i] = r.ok ? 1 : 0;
  c.excluded[i] = r.excluded ? 1 : 0;
  c.seriesIndex[i] = r.seriesIndex;
  c.sweepInSeries[i] = r.sweepInSeries;
  let f = at.flag;
  c.flagStart[i] = f;
  for (let k = 0; k < r.flags.length; k++) {
    c.flagCodes[f] = QUALITY_FLAGS.indexOf(r.flags[k]!);
    c.flagReasons[f++] = table.index(r.flagReasons[k]!);
  }
  at.flag = f;
  let g = at.gap;
  c.gapStart[i] = g;
  for (const s of r.inGapStates) {
    c.gaps[3 * g] = s.bias;
    c.gaps[3 * g + 1] = s.height;
    c.gaps[3 * g++ + 2] = s.width;
  }
  at.gap = g;
  if (r.lockInFit) {
    c.lockIn[3 * i] = r.lockInFit.scale;
    c.lockIn[3 * i + 1] = r.lockInFit.phase;
    c.lockIn[3 * i + 2] = r.lockInFit.r2;
    c.lockInPresent[i] = 1;
  }
}

export function encodeResults<Id extends SpectrumId>(
  results: ReadonlyArray<SpectrumResult<Id>>,
): ResultColumns<Id> {
  const n = results.length;
  const table = new StringTable();
  let flagCount = 0;
  let gapCount = 0;
  for (const r of results) {
    flagCount += r.flags.length;
    gapCount += r.inGapStates.length;
  }
  const c: ResultColumns<Id> = {
    ids: new Array<Id>(n),
    texts: new Int32Array(3 * n),
    strings: table.strings,
    numbers: new Float64Array(FIELDS * n),
    present: new Uint8Array(FIELDS * n),
    ok: new Uint8Array(n),
    excluded: new Uint8Array(n),
    seriesIndex: new Int32Array(n),
    sweepInSeries: new Int32Array(n),
    flagStart: new Int32Array(n + 1),
    flagCodes: new Uint8Array(flagCount),
    flagReasons: new Int32Array(flagCount),
    gapStart: new Int32Array(n + 1),
    gaps: new Float64Array(3 * gapCount),
    lockIn: new Float64Array(3 * n),
    lockInPresent: new Uint8Array(n),
  };
  const at = { flag: 0, gap: 0 };
  for (let i = 0; i < n; i++) encodeResult(results[i]!, i, c, table, at);
  c.flagStart[n] = at.flag;
  c.gapStart[n] = at.gap;
  return c;
}

/** The typed arrays of encoded results, for a transfer list (each its own buffer). */
export function resultBuffers(c: ResultColumns<SpectrumId>): ArrayBuffer[] {
  const arrays = [
    c.texts,
    c.numbers,
    c.present,
    c.ok,
    c.excluded,
    c.seriesIndex,
    c.sweepInSeries,
    c.flagStart,
    c.flagCodes,
    c.flagReasons,
    c.gapStart,
    c.gaps,
    c.lockIn,
    c.lockInPresent,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

function textOf(c: ResultColumns<SpectrumId>, k: number): string | null {
  return k < 0 ? null : c.strings[k]!;
}

function numberOf(c: ResultColumns<SpectrumId>, i: number, k: number): number | null {
  return c.present[FIELDS * i + k] === 1 ? c.numbers[FIELDS * i + k]! : null;
}

function decodeResult<Id extends SpectrumId>(c: ResultColumns<Id>, i: number): SpectrumResult<Id> {
  const inGapStates: InGapState[] = [];
  for (let g = c.gapStart[i]!; g < c.gapStart[i + 1]!; g++)
    inGapStates.push({ bias: c.gaps[3 * g]!, height: c.gaps[3 * g + 1]!, width: c.gaps[3 * g + 2]! });
  const flags: QualityFlag[] = [];
  const flagReasons: string[] = [];
  for (let f = c.flagStart[i]!; f < c.flagStart[i + 1]!; f++) {
    flags.push(QUALITY_FLAGS[c.flagCodes[f]!]!);
    flagReasons.push(c.strings[c.flagReasons[f]!]!);
  }
  // Field order as seriesStage builds a result.
  return {
    spectrumId: c.ids[i]!,
    label: textOf(c, c.texts[3 * i]!),
    ok: c.ok[i] === 1,
    reason: textOf(c, c.texts[3 * i + 1]!),
    vbm: numberOf(c, i, 0),
    cbm: numberOf(c, i, 1),
    gap: numberOf(c, i, 2),
    vbPeak: numberOf(c, i, 3),
    deepTrap: numberOf(c, i, 4),
    shallowVb: numberOf(c, i, 5),
    shallowCb: numberOf(c, i, 6),
    inGapStates,
    flags,
    flagReasons,
    excluded: c.excluded[i] === 1,
    exclusionReason: textOf(c, c.texts[3 * i + 2]!),
    lockInFit:
      c.lockInPresent[i] === 1
        ? { scale: c.lockIn[3 * i]!, phase: c.lockIn[3 * i + 1]!, r2: c.lockIn[3 * i + 2]! }
        : null,
    currentNoiseRaise: numberOf(c, i, 7),
    seriesIndex: c.seriesIndex[i]!,
    sweepInSeries: c.sweepInSeries[i]!,
  };
}

/**
 * Decodes the results, pausing (yield) after every `slice` of them so a caller on a UI thread can
 * let other tasks run in between (decodeChunkInTasks); decodeResults runs it through at once.
 */
function* decoding<Id extends SpectrumId>(
  c: ResultColumns<Id>,
  slice: number,
): Generator<void, Array<SpectrumResult<Id>>> {
  const results: Array<SpectrumResult<Id>> = new Array(c.ids.length);
  for (let i = 0; i < c.ids.length; i++) {
    if (i > 0 && i % slice === 0) yield;
    results[i] = decodeResult(c, i);
  }
  return results;
}

export function decodeResults<Id extends SpectrumId>(c: ResultColumns<Id>): Array<SpectrumResult<Id>> {
  const steps = decoding(c, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * decodeResults in slices of `slice` results, awaiting `between()` after each (a new task on a UI
 * thread): the same objects, without one long task for 10⁴ results (~10 objects each; 2,000
 * decoded at once were a 36–45 ms task of Chromium's page thread).
 */
export async function decodeResultsInTasks<Id extends SpectrumId>(
  c: ResultColumns<Id>,
  slice: number,
  between: () => Promise<void>,
): Promise<Array<SpectrumResult<Id>>> {
  const steps = decoding(c, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}

export type ResultNumberField = (typeof NUMBER_FIELDS)[number];

/** One number of result i as its decoded object holds it (null when the result has none). */
export function resultNumber(
  c: ResultColumns<SpectrumId>,
  i: number,
  field: ResultNumberField,
): number | null {
  return numberOf(c, i, NUMBER_FIELDS.indexOf(field));
}

/**
 * A chunk's results as they cross to the pool: per-spectrum results in columns, kept curves copied
 * into one pack per label (the worker keeps its own), and buffers of chunks the worker dropped, for
 * the pool to pack into again. decodeChunk restores the ChunkResult but the kept curves, which the
 * pool forwards packed to the workers that run their labels' group stage.
 */
export type EncodedChunkResult<Id extends SpectrumId> = Omit<ChunkResult<Id>, 'spectra' | 'kept'> & {
  spectra: ResultColumns<Id>;
  kept: KeptPack[];
  released: ArrayBuffer[];
};

export function encodeChunk<Id extends SpectrumId>(
  result: ChunkResult<Id>,
  released: ArrayBuffer[] = [],
): EncodedChunkResult<Id> {
  return {
    spectra: encodeResults(result.spectra),
    series: result.series,
    kept: packKept(result.kept),
    released,
  };
}

export function chunkBuffers(encoded: EncodedChunkResult<SpectrumId>): ArrayBuffer[] {
  return [...resultBuffers(encoded.spectra), ...keptPackBuffers(encoded.kept), ...encoded.released];
}

/** The chunk's results with no kept curves (they stay in encoded.kept, packed). */
export function decodeChunk<Id extends SpectrumId>(encoded: EncodedChunkResult<Id>): ChunkResult<Id> {
  return { spectra: decodeResults(encoded.spectra), series: encoded.series, kept: [] };
}

/** What the group stage reads of each spectrum (GroupInput), in columns for the trip to its worker. */
export interface GroupInputColumns {
  /** Index into `labels`, −1 for none. */
  label: Int32Array;
  labels: string[];
  /** ok, excluded: 0 / 1. */
  flags: Uint8Array;
  sweepInSeries: Int32Array;
  /** vbm, cbm, gap, deepTrap per spectrum; `present` 0 where null. */
  numbers: Float64Array;
  present: Uint8Array;
}

export const GROUP_FIELDS = ['vbm', 'cbm', 'gap', 'deepTrap'] as const;

export function encodeGroupInputs(results: ReadonlyArray<GroupInput<SpectrumId>>): GroupInputColumns {
  const n = results.length;
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const c: GroupInputColumns = {
    label: new Int32Array(n),
    labels,
    flags: new Uint8Array(2 * n),
    sweepInSeries: new Int32Array(n),
    numbers: new Float64Array(4 * n),
    present: new Uint8Array(4 * n),
  };
  for (let i = 0; i < n; i++) {
    const r = results[i]!;
    let k = -1;
    if (r.label !== null) {
      k = labelIndex.get(r.label) ?? labels.push(r.label) - 1;
      labelIndex.set(r.label, k);
    }
    c.label[i] = k;
    c.flags[2 * i] = r.ok ? 1 : 0;
    c.flags[2 * i + 1] = r.excluded ? 1 : 0;
    c.sweepInSeries[i] = r.sweepInSeries;
    for (let f = 0; f < GROUP_FIELDS.length; f++) {
      const v = r[GROUP_FIELDS[f]!];
      if (v !== null) {
        c.numbers[4 * i + f] = v;
        c.present[4 * i + f] = 1;
      }
    }
  }
  return c;
}

export function groupInputBuffers(c: GroupInputColumns): ArrayBuffer[] {
  return [c.label, c.flags, c.sweepInSeries, c.numbers, c.present].map((a) => a.buffer as ArrayBuffer);
}

function groupValue(c: GroupInputColumns, i: number, f: number): number | null {
  return c.present[4 * i + f] === 1 ? c.numbers[4 * i + f]! : null;
}

export function decodeGroupInputs(c: GroupInputColumns): Array<GroupInput<SpectrumId>> {
  const inputs: Array<GroupInput<SpectrumId>> = new Array(c.label.length);
  for (let i = 0; i < c.label.length; i++) {
    const k = c.label[i]!;
    inputs[i] = {
      label: k < 0 ? null : c.labels[k]!,
      ok: c.flags[2 * i] === 1,
      sweepInSeries: c.sweepInSeries[i]!,
      excluded: c.flags[2 * i + 1] === 1,
      vbm: groupValue(c, i, 0),
      cbm: groupValue(c, i, 1),
      gap: groupValue(c, i, 2),
      deepTrap: groupValue(c, i, 3),
    };
  }
  return inputs;
}
