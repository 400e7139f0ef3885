// The ASCII header of a Nanonis .sxm: `:TAG:` lines, each followed by its value on the next
// line(s), up to `:SCANIT_END:`. `:DATA_INFO:` is a tab-separated table of the stored channels.
import type { HeaderEntries } from './headerEntries.ts';
import { ParseError } from './types.ts';

/** A tag line: the whole line is `:NAME:`; NAME may hold spaces, `>` and parentheses. */
const TAG_LINE = /^:([^\n]+):$/;

/**
 * Header entries in file order; the key is the tag without its colons, the value its lines joined
 * with '\n' (CR removed, trailing empty lines dropped, otherwise as written, padding included).
 */
export function readSxmTags(header: string): HeaderEntries {
  const entries: HeaderEntries = [];
  let key: string | null = null;
  let lines: string[] = [];
  const flush = (): void => {
    if (key === null) return;
    while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
    entries.push([key, lines.join('\n')]);
  };
  for (const raw of header.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const tag = TAG_LINE.exec(line);
    if (tag) {
      flush();
      key = tag[1] as string;
      lines = [];
    } else if (key !== null) {
      lines.push(line);
    }
  }
  flush();
  return entries;
}

export interface SxmChannel {
  name: string;
  unit: string;
  /** Images stored for this channel, in file order. */
  directions: Array<'forward' | 'backward'>;
}

/**
 * Rows of `:DATA_INFO:` (after its column-title row). Direction `both` stores forward then
 * backward; `forward`/`backward` store one image.
 */
export function readDataInfo(value: string | undefined): SxmChannel[] {
  if (value === undefined) throw new ParseError('bad-header', 'no :DATA_INFO: table in the header');
  const rows = value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()));
  const titles = rows.shift() ?? [];
  const at = (title: string, fallback: number): number => {
    const index = titles.findIndex((t) => t.toLowerCase() === title);
    return index === -1 ? fallback : index;
  };
  const nameAt = at('name', 1);
  const unitAt = at('unit', 2);
  const directionAt = at('direction', 3);
  return rows.map((cells, i) => {
    const name = cells[nameAt];
    const direction = (cells[directionAt] ?? '').toLowerCase();
    if (!name) throw new ParseError('bad-header', `:DATA_INFO: row ${i + 1} has no channel name`);
    let directions: SxmChannel['directions'];
    if (direction === 'both') directions = ['forward', 'backward'];
    else if (direction === 'forward' || direction === 'backward') directions = [direction];
    else throw new ParseError('bad-header', `:DATA_INFO: channel ${name} has direction "${direction}"`);
    return { name, unit: cells[unitAt] ?? '', directions };
  });
}

/** Whitespace-separated numbers of a value such as `  160   80`; NaN where a field is not a number. */
export function numbersOf(value: string | undefined): number[] {
  if (value === undefined) return [];
  return value
    .trim()
    .split(/\s+/)
    .filter((field) => field !== '')
    .map(Number);
}
