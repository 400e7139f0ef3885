// Nanonis multipass scans: each scan line is repeated in several passes, each with its own bias
// (and Z set-point). The header's `:Multipass-Config:` table has one row per pass and direction
// (pass 1 forward, pass 1 backward, pass 2 forward …) with `Bias_override` / `Bias_override_value`;
// `:DATA_INFO:` names the stored channels `[P1]_Z`, `[P2]_Z` … Each pass is a separate channel,
// named by pass and bias: `Z (pass 1, -0.02 V)`.
import { finiteOrNull } from './numbers.ts';
import type { Direction } from './types.ts';

export interface MultipassRow {
  /** Bias of this pass and direction in volts (the override, else the scan's bias). */
  biasV: number | null;
  overridesBias: boolean;
}

const PASS_NAME = /^\[P(\d+)\]_?(.*)$/;

/** Rows of `:Multipass-Config:` in file order, or null when the header has none. */
export function readMultipassConfig(
  value: string | undefined,
  scanBiasV: number | null,
): MultipassRow[] | null {
  if (value === undefined) return null;
  const rows = value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()));
  const titles = (rows.shift() ?? []).map((title) => title.toLowerCase().replace(/[ -]/g, '_'));
  const overrideAt = titles.indexOf('bias_override');
  const valueAt = titles.indexOf('bias_override_value');
  if (rows.length === 0 || overrideAt === -1 || valueAt === -1) return null;
  return rows.map((cells) => {
    const overridesBias = (cells[overrideAt] ?? '').toUpperCase() === 'TRUE';
    return { overridesBias, biasV: overridesBias ? finiteOrNull(cells[valueAt]) : scanBiasV };
  });
}

/** Volts as a short label: `-0.02 V`, `1.5 V`; `bias unknown` when null. */
function biasLabel(biasV: number | null): string {
  return biasV === null ? 'bias unknown' : `${Number(biasV.toPrecision(6))} V`;
}

/**
 * The display name of one stored multipass image: `[P2]_Z` backward -> `Z (pass 2, -0.08 V)`.
 * Names without a pass prefix, or a pass the table does not describe, are returned unchanged.
 */
export function multipassChannelName(
  name: string,
  direction: Direction,
  rows: MultipassRow[] | null,
): string {
  const match = PASS_NAME.exec(name);
  if (!match || rows === null) return name;
  const pass = Number(match[1]);
  const row = rows[2 * (pass - 1) + (direction === 'backward' ? 1 : 0)];
  if (!row) return name;
  return `${match[2] || name} (pass ${pass}, ${biasLabel(row.biasV)})`;
}
