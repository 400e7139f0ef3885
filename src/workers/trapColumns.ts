// The trap integrals of many spectra in columns: what a worker sends back after a change of the
// trap windows alone (reanalysis.ts, retrapHeldChunk), and how the pool puts them into the last
// run's per-spectrum results and group inputs (trapsOnlyRun.ts), which differ in nothing else.
import type { SpectrumResult, TrapWindows } from '../shared/analysis/index.ts';
import type { SpectrumId } from './packSpectra.ts';
import { GROUP_FIELDS, NUMBER_FIELDS } from './resultColumns.ts';
import type { GroupInputColumns, ResultColumns, ResultNumberField } from './resultColumns.ts';

/** Deep, shallow-VB and shallow-CB integral (V) per spectrum, 3 each; `present` 0 where null. */
export interface TrapColumns {
  numbers: Float64Array;
  present: Uint8Array;
}

const WINDOWS = ['deep', 'shallowVb', 'shallowCb'] as const;
/** The result fields that hold them, in the same order. */
const RESULT_FIELDS: ReadonlyArray<ResultNumberField> = ['deepTrap', 'shallowVb', 'shallowCb'];

export function trapColumns(count: number): TrapColumns {
  return { numbers: new Float64Array(3 * count), present: new Uint8Array(3 * count) };
}

/** Spectrum i's integrals (null: a sweep without them, all three null). */
export function setTraps(c: TrapColumns, i: number, traps: TrapWindows | null): void {
  for (let w = 0; w < 3; w++) {
    const v = traps === null ? null : traps[WINDOWS[w]!];
    c.numbers[3 * i + w] = v ?? 0;
    c.present[3 * i + w] = v === null ? 0 : 1;
  }
}

export function trapBuffers(c: TrapColumns): ArrayBuffer[] {
  return [c.numbers.buffer as ArrayBuffer, c.present.buffer as ArrayBuffer];
}

/** Window w of spectrum i, as a result holds it. */
function trapOf(c: TrapColumns, i: number, w: number): number | null {
  return c.present[3 * i + w] === 1 ? c.numbers[3 * i + w]! : null;
}

/** The chunks' columns (chunk order, indices[k]: spectrum k's place in the input) in input order. */
export function mergeTrapColumns(
  chunks: ReadonlyArray<{ indices: ArrayLike<number>; traps: TrapColumns }>,
  total: number,
): TrapColumns {
  const merged = trapColumns(total);
  for (const { indices, traps } of chunks)
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      for (let w = 0; w < 3; w++) {
        merged.numbers[3 * i + w] = traps.numbers[3 * k + w]!;
        merged.present[3 * i + w] = traps.present[3 * k + w]!;
      }
    }
  return merged;
}

/** New result objects: `results` (input order) with the integrals of `traps`. */
export function resultsWithTraps<Id extends SpectrumId>(
  results: ReadonlyArray<SpectrumResult<Id>>,
  traps: TrapColumns,
): Array<SpectrumResult<Id>> {
  const out: Array<SpectrumResult<Id>> = new Array(results.length);
  for (let i = 0; i < results.length; i++)
    out[i] = {
      ...results[i]!,
      deepTrap: trapOf(traps, i, 0),
      shallowVb: trapOf(traps, i, 1),
      shallowCb: trapOf(traps, i, 2),
    };
  return out;
}

/**
 * `fields[w]`'s column of a row-major table (`width` numbers per row) with window w of `traps`:
 * new arrays, the old ones untouched (the last run's result may still be read).
 */
function patched(
  numbers: Float64Array,
  present: Uint8Array,
  width: number,
  fields: ReadonlyArray<number>,
  traps: TrapColumns,
): { numbers: Float64Array; present: Uint8Array } {
  const n = numbers.slice();
  const p = present.slice();
  const rows = n.length / width;
  for (let i = 0; i < rows; i++)
    for (let w = 0; w < fields.length; w++) {
      const at = width * i + fields[w]!;
      n[at] = traps.numbers[3 * i + w]!;
      p[at] = traps.present[3 * i + w]!;
    }
  return { numbers: n, present: p };
}

// The columns that do not change with the windows are shared with the last run's result, as the
// objects' arrays are (resultsWithTraps): results are read-only (analysisPoolApi.ts), and nothing
// transfers a run's returned columns or the group inputs (those are cloned to the workers).

/** Columns of results (input order) with the integrals of `traps`: new numbers, the rest shared. */
export function columnsWithTraps<Id extends SpectrumId>(
  c: ResultColumns<Id>,
  traps: TrapColumns,
): ResultColumns<Id> {
  const fields = RESULT_FIELDS.map((f) => NUMBER_FIELDS.indexOf(f));
  return { ...c, ...patched(c.numbers, c.present, NUMBER_FIELDS.length, fields, traps) };
}

/** Group inputs (input order) with the deep integrals of `traps`: new numbers, the rest shared. */
export function inputsWithTraps(c: GroupInputColumns, traps: TrapColumns): GroupInputColumns {
  const fields = [GROUP_FIELDS.indexOf('deepTrap')];
  return { ...c, ...patched(c.numbers, c.present, GROUP_FIELDS.length, fields, traps) };
}
