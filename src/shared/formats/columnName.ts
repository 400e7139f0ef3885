// The Nanonis column-name grammar: `Name [0000n] [bwd] (unit) [filt]`, modifiers in any subset and
// order, plus `[AVG]` for the instrument's own average. Used by .dat columns and .3ds channels.
import type { Direction } from './types.ts';

export interface ColumnNameParts {
  /** Name without modifiers and unit, e.g. `Current`, `LIX 1 omega`. */
  quantity: string;
  /** Unit from the last parenthesised group, '' when there is none. */
  unit: string;
  /** `[0000n]` -> n, `[AVG]` -> 'avg', none -> null. */
  sweep: number | 'avg' | null;
  direction: Direction;
  filtered: boolean;
}

/** Bracketed modifiers Nanonis appends to a signal name (no leading `\s*`: that backtracks). */
const MODIFIER = /\[(bwd|filt|AVG|\d+)\]/gi;

/**
 * Splits a column name into its parts. The unit is the last `( … )` group after modifiers are
 * removed, so names with parentheses inside the quantity (rare) keep them in `quantity`.
 */
export function parseColumnName(name: string): ColumnNameParts {
  let sweep: number | 'avg' | null = null;
  let direction: Direction = 'forward';
  let filtered = false;
  const stripped = name.replace(MODIFIER, (_match, tag: string) => {
    const lower = tag.toLowerCase();
    if (lower === 'bwd') direction = 'backward';
    else if (lower === 'filt') filtered = true;
    else if (lower === 'avg') sweep = 'avg';
    else sweep = Number.parseInt(tag, 10);
    return '';
  });
  // Removing a modifier leaves a double blank (`Current  (A)`); fold blank runs to one space.
  let quantity = stripped.replace(/\s+/g, ' ').trim();
  let unit = '';
  const unitMatch = /\(([^()]*)\)\s*$/.exec(quantity);
  if (unitMatch) {
    unit = (unitMatch[1] ?? '').trim();
    quantity = quantity.slice(0, unitMatch.index).trim();
  }
  return { quantity, unit, sweep, direction, filtered };
}
