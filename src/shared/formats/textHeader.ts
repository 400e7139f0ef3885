// The non-numeric part of a text I–V export: comment lines turned into header entries (including
// SPIP's dotted parameter dump), and the names and units of the columns.
import type { HeaderEntries } from './headerEntries.ts';
import { splitCells, type Delimiter } from './textTable.ts';
import { siUnit } from './units.ts';

/**
 * Entries from comment lines. `# key = value` and `# key: value` give key/value; SPIP's dump
 * (`.  AtMaControl:` then `.  .  Gap_Voltage = 0.02 Volt`) gives `AtMaControl>Gap_Voltage`.
 */
export function commentEntries(lines: readonly string[]): HeaderEntries {
  const entries: HeaderEntries = [];
  const sections: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('.')) {
      const depth = (/^(\.\s*)+/.exec(line)?.[0].match(/\./g) ?? []).length;
      const content = line.replace(/^(\.\s*)+/, '');
      if (content.endsWith(':') && !content.includes('=')) {
        sections.length = depth - 1;
        sections.push(content.slice(0, -1).trim());
        continue;
      }
      const eq = content.indexOf('=');
      const path = sections.slice(0, depth - 1);
      if (eq === -1) entries.push([[...path, content].join('>'), '']);
      else entries.push([[...path, content.slice(0, eq).trim()].join('>'), content.slice(eq + 1).trim()]);
      continue;
    }
    const content = line.replace(/^(#|%|!|\/\/)+/, '').trim();
    if (content === '' || /^[-=_*]+$/.test(content)) continue;
    // `=` separates; else a colon followed by a blank or the end (a time such as 09:13 does not).
    const eq = content.indexOf('=');
    const at = eq !== -1 ? eq : content.search(/:(\s|$)/);
    if (at <= 0) entries.push([content, '']);
    else entries.push([content.slice(0, at).trim(), content.slice(at + 1).trim()]);
  }
  return entries;
}

export interface ColumnHeads {
  /** Column names as written ('' where the file has none). */
  names: string[];
  /** Units as written ('' where unknown). */
  units: string[];
}

/** `Bias (V)`, `V [V]`, `I(nA)` -> name without the unit, and the unit. */
export function splitNameUnit(cell: string): { quantity: string; unit: string } {
  // Index arithmetic, not a regex: lazy groups around `\s*` backtrack quadratically on long cells.
  const text = cell.trim();
  const close = text.charAt(text.length - 1);
  if (close !== ')' && close !== ']') return { quantity: text, unit: '' };
  const open = text.lastIndexOf(close === ')' ? '(' : '[');
  const unit = open === -1 ? '' : text.slice(open + 1, -1).trim();
  if (unit === '' || /[()[\]]/.test(unit)) return { quantity: text, unit: '' };
  return { quantity: text.slice(0, open).trim() || text, unit };
}

/** A header line whose every cell is a unit (`V  nA  V  nA`). */
function isUnitLine(cells: string[]): boolean {
  return cells.length > 0 && cells.every((cell) => siUnit(cell) !== null);
}

/**
 * Names and units of `width` columns from the header lines just above the data (a units line and/or
 * a names line, as SPIP writes), else from the last comment line with one cell per column
 * (`# x-phys  y-val1  y-val2`); axis units from `# X-Axis: nV; Y-Axis: nV` fill the gaps.
 */
export function columnHeads(
  headerLines: readonly string[],
  commentLines: readonly string[],
  delimiter: Delimiter,
  width: number,
): ColumnHeads {
  const names: string[] = new Array<string>(width).fill('');
  const units: string[] = new Array<string>(width).fill('');
  let named = false;
  for (const line of headerLines) {
    const cells = splitCells(line, delimiter);
    if (isUnitLine(cells)) {
      cells.slice(0, width).forEach((cell, i) => (units[i] = cell));
    } else if (cells.length >= width) {
      named = true;
      cells.slice(0, width).forEach((cell, i) => {
        names[i] = cell;
        const { unit } = splitNameUnit(cell);
        if (unit !== '' && units[i] === '') units[i] = unit;
      });
    }
  }
  if (!named) {
    for (let i = commentLines.length - 1; i >= 0; i--) {
      const text = (commentLines[i] ?? '').trim().replace(/^(#|%|!|\/\/)+/, '');
      const cells = splitCells(text, delimiter === ' ' ? ' ' : delimiter);
      if (cells.length === width && !cells.some((c) => /^[-=_*]+$/.test(c))) {
        cells.forEach((cell, c) => (names[c] = cell));
        break;
      }
    }
  }
  const axis = /X-Axis:\s*([^;\s]+)\s*;\s*Y-Axis:\s*(\S+)/i.exec(commentLines.join('\n'));
  if (axis) {
    units.forEach((unit, i) => {
      if (unit === '') units[i] = (i === 0 ? axis[1] : axis[2]) ?? '';
    });
  }
  return { names, units };
}
