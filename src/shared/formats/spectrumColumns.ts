// Which columns of a spectroscopy file are the bias and the tunnelling current, and how the
// columns group into sweeps. Shared by the .dat and .3ds readers so both choose alike.
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

function reversed(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0, j = values.length - 1; j >= 0; i++, j--) out[i] = values[j] as number;
  return out;
}

/** Sort key: real sweeps ascending, the instrument's average last; forward before backward. */
function order(a: SpectrumRecord, b: SpectrumRecord): number {
  const sa = a.isAverage ? Number.MAX_SAFE_INTEGER : a.sweep;
  const sb = b.isAverage ? Number.MAX_SAFE_INTEGER : b.sweep;
  if (sa !== sb) return sa - sb;
  return a.direction === b.direction ? 0 : a.direction === 'forward' ? -1 : 1;
}

export interface SpectraOptions {
  position: Position | null;
  gridIndex: number | null;
}

/**
 * One SpectrumRecord per (sweep x direction) that has an unfiltered current column. Every other
 * column of the same sweep and direction (filtered copies, lock-in, Z ...) and every sweep-less
 * column of that direction goes into `extra` under its full name.
 *
 * Nanonis stores backward data row-aligned with the forward bias axis; the contract wants
 * acquisition order, so backward records are reversed (bias, current and extras alike).
 */
export function spectraFromColumns(
  columns: readonly ChannelColumn[],
  bias: ChannelColumn,
  currentQuantity: string,
  options: SpectraOptions,
): SpectrumRecord[] {
  const records: SpectrumRecord[] = [];
  const currents = columns.filter((c) => c.quantity === currentQuantity && c.unit === 'A' && !c.filtered);
  for (const current of currents) {
    const direction: Direction = current.direction;
    const backward = direction === 'backward';
    const extra: ExtraChannel[] = [];
    for (const column of columns) {
      if (column === current || column === bias || column.direction !== direction) continue;
      if (column.sweep !== null && column.sweep !== current.sweep) continue;
      extra.push({
        name: column.name,
        unit: column.unit,
        values: backward ? reversed(column.values) : column.values.slice(),
      });
    }
    records.push({
      sweep: recordSweep(current.sweep),
      isAverage: current.sweep === 'avg',
      direction,
      bias: backward ? reversed(bias.values) : bias.values.slice(),
      current: backward ? reversed(current.values) : current.values.slice(),
      extra,
      position: options.position,
      gridIndex: options.gridIndex,
    });
  }
  return records.sort(order);
}
