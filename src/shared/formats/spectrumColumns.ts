// Which columns of a spectroscopy file are the bias and the tunnelling current, and how the
// columns group into sweeps. Shared by the .dat and .3ds readers so both choose alike.
import { DEFAULT_READER_LIMITS, overLimit } from './limits.ts';
import type { ChannelColumn, Direction, ExtraChannel, Position, SpectrumRecord } from './types.ts';

/** Lock-in outputs (`LIX 1 omega (A)`, `LI X (V)`, `LockIn (V)`, `ZI R1 (Vrms)`): never the current. */
export function isLockInName(quantity: string): boolean {
  return /^(LI|Lock|ZI)/i.test(quantity.trim());
}

type ColumnLike = Pick<ChannelColumn, 'name' | 'quantity' | 'unit' | 'sweep' | 'direction' | 'filtered'>;

/**
 * The bias column: `Bias calc (V)`, else `Bias (V)`, else the first column in volts whose name
 * contains "Bias". Only unfiltered, forward columns qualify: the sweep's own bias axis is written
 * once, and backward data are stored against it row by row.
 */
export function pickBiasColumn<T extends ColumnLike>(columns: readonly T[]): T | undefined {
  const plain = columns.filter((c) => !c.filtered && c.direction === 'forward' && c.sweep === null);
  return (
    plain.find((c) => c.quantity === 'Bias calc' && c.unit === 'V') ??
    plain.find((c) => c.quantity === 'Bias' && c.unit === 'V') ??
    plain.find((c) => c.unit === 'V' && /bias/i.test(c.quantity))
  );
}

/**
 * The current quantity: `Current` in amperes, else the first quantity in amperes that is not a
 * lock-in output (e.g. `Input 3`). Returns the quantity name, matched across sweeps/directions.
 */
export function pickCurrentQuantity(columns: readonly ColumnLike[]): string | undefined {
  const amps = columns.filter((c) => !c.filtered && c.unit === 'A' && !isLockInName(c.quantity));
  return (amps.find((c) => c.quantity === 'Current') ?? amps[0])?.quantity;
}

/** Sweep number of a record: `[0000n]` -> n, single-sweep -> 1, `[AVG]` -> 0 (flagged isAverage). */
function recordSweep(sweep: number | 'avg' | null): number {
  if (sweep === 'avg') return 0;
  return sweep ?? 1;
}

/** Which columns make one SpectrumRecord: indices into the column list. */
export interface RecordPlan {
  sweep: number;
  isAverage: boolean;
  direction: Direction;
  current: number;
  extras: number[];
}

/** Sort key: real sweeps ascending, the instrument's average last; forward before backward. */
function order(a: RecordPlan, b: RecordPlan): number {
  const sa = a.isAverage ? Number.MAX_SAFE_INTEGER : a.sweep;
  const sb = b.isAverage ? Number.MAX_SAFE_INTEGER : b.sweep;
  if (sa !== sb) return sa - sb;
  return a.direction === b.direction ? 0 : a.direction === 'forward' ? -1 : 1;
}

/**
 * One record per (sweep x direction) that has an unfiltered current column. Every other column of
 * the same sweep and direction (filtered copies, lock-in, Z ...) and every sweep-less column of
 * that direction is an extra, except another record's own current: a file with hundreds of
 * current columns must not give each record a copy of all the others (quadratic memory).
 * `bias` is the index of the bias column (-1 when it is not a column).
 */
export function planSpectra(
  columns: readonly ColumnLike[],
  bias: number,
  currentQuantity: string,
): RecordPlan[] {
  const plans: RecordPlan[] = [];
  const isRecordCurrent = (column: ColumnLike): boolean =>
    column.quantity === currentQuantity && column.unit === 'A' && !column.filtered;
  columns.forEach((current, currentIndex) => {
    if (!isRecordCurrent(current)) return;
    const extras: number[] = [];
    columns.forEach((column, i) => {
      if (i === currentIndex || i === bias || column.direction !== current.direction) return;
      if (isRecordCurrent(column)) return;
      if (column.sweep !== null && column.sweep !== current.sweep) return;
      extras.push(i);
    });
    plans.push({
      sweep: recordSweep(current.sweep),
      isAverage: current.sweep === 'avg',
      direction: current.direction,
      current: currentIndex,
      extras,
    });
  });
  return plans.sort(order);
}

/**
 * Where a spectrum record's arrays are made: `length` values, any content (every one is written).
 * The import's parse worker hands out views into the BLOB memory it sends to the main thread, so
 * a curve is copied once from the table to the bytes SQLite stores (fileRows.ts).
 */
export type CurveAllocator = (length: number) => Float64Array;

export const newCurve: CurveAllocator = (length) => new Float64Array(length);

/** A copy of `values` made by `allocate`, reversed for backward records (see spectraFromColumns). */
function inAcquisitionOrder(values: Float64Array, backward: boolean, allocate: CurveAllocator): Float64Array {
  const out = allocate(values.length);
  if (!backward) out.set(values);
  else for (let i = 0, j = values.length - 1; j >= 0; i++, j--) out[i] = values[j] as number;
  return out;
}

export interface SpectraOptions {
  position: Position | null;
  gridIndex: number | null;
  /** Makes each record's arrays (default: fresh Float64Arrays). */
  allocateCurve?: CurveAllocator;
}

/**
 * SpectrumRecords of a spectroscopy file whose columns stay in ParsedFile.channels: every record
 * gets its own copies (each in a buffer of its own with the default allocator). Nanonis stores backward data row-aligned with the forward bias axis; the
 * contract wants acquisition order, so backward records are reversed (bias, current and extras).
 */
export function spectraFromColumns(
  columns: readonly ChannelColumn[],
  bias: ChannelColumn,
  currentQuantity: string,
  options: SpectraOptions,
  maxValues = DEFAULT_READER_LIMITS.maxSpectrumValues,
): SpectrumRecord[] {
  const plans = planSpectra(columns, columns.indexOf(bias), currentQuantity);
  const values = plans.reduce((sum, plan) => sum + (2 + plan.extras.length) * bias.values.length, 0);
  if (values > maxValues) overLimit('values in all spectra (points x channels x sweeps)', values, maxValues);
  const allocate = options.allocateCurve ?? newCurve;
  return plans.map((plan) => {
    const backward = plan.direction === 'backward';
    const current = columns[plan.current] as ChannelColumn;
    const extra: ExtraChannel[] = plan.extras.map((i) => {
      const column = columns[i] as ChannelColumn;
      return {
        name: column.name,
        unit: column.unit,
        values: inAcquisitionOrder(column.values, backward, allocate),
      };
    });
    return {
      sweep: plan.sweep,
      isAverage: plan.isAverage,
      direction: plan.direction,
      bias: inAcquisitionOrder(bias.values, backward, allocate),
      current: inAcquisitionOrder(current.values, backward, allocate),
      extra,
      position: options.position,
      gridIndex: options.gridIndex,
    };
  });
}
