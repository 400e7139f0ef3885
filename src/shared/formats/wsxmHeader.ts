// The text header every WSxM file starts with: `WSxM file copyright …`, the file's type on the
// second line (`SxM Image file`, `IV curve file` …), `Image header size: N` (not trusted: programs
// write 0 or miscount it; the data start after the `[Header end]` line), then `[Section]` blocks
// of `key: value` lines, latin-1. Keys are kept as `Section>key`, as the other readers' headers.
import { asciiBytes, indexOfBytes, latin1 } from './binary.ts';
import type { HeaderEntries } from './headerEntries.ts';
import { ParseError } from './types.ts';
import { siUnit } from './units.ts';
import { headerCount } from './headerCount.ts';

const HEADER_END = asciiBytes('[Header end]');
/** The header is text of a few kB; a file without its end marker in the first MB is not WSxM. */
const MAX_HEADER_BYTES = 1 << 20;

export interface WsxmHeader {
  /** The second line: `SxM Image file`, `IV curve file`, `WSxM Lithography curves` … */
  type: string;
  entries: HeaderEntries;
  /** Offset of the first byte after the `[Header end]` line. */
  dataStart: number;
}

/** Section and key joined as in the other readers' headers: `General Info>Number of rows`. */
export function readHeader(bytes: Uint8Array): WsxmHeader {
  const end = indexOfBytes(bytes, HEADER_END, 0, Math.min(bytes.length, MAX_HEADER_BYTES));
  if (end === -1) throw new ParseError('missing-header-end', 'no [Header end] line in the WSxM header');
  const lineEnd = bytes.indexOf(10, end);
  const dataStart = lineEnd === -1 ? bytes.length : lineEnd + 1;
  const lines = latin1(bytes, 0, end).split(/\r?\n|\r/);
  const type = (lines[1] ?? '').trim();
  const entries: HeaderEntries = [];
  let section = '';
  for (const raw of lines.slice(2)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim();
    entries.push([section ? `${section}>${key}` : key, line.slice(colon + 1).trim()]);
  }
  return { type, entries, dataStart };
}

/**
 * A header quantity `15 µm`, `338.867 nm`, `-30`: SI value and unit ('' for none or `a.u.`; a
 * phase amplitude in `Pi` is a number of radians, as Gwyddion reads it).
 */
export function quantity(text: string | undefined): { value: number; unit: string } | null {
  const match = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*)$/.exec((text ?? '').trim());
  if (!match) return null;
  const value = Number(match[1]);
  const written = (match[2] ?? '').trim();
  if (written === '' || written === 'a.u.') return { value, unit: '' };
  if (written === 'Pi') return { value: value * Math.PI, unit: 'rad' };
  const si = siUnit(written);
  // A unit the SI table does not know (Deg …) is kept as written, value unscaled.
  return si ? { value: value * 10 ** si.exponent, unit: si.unit } : { value, unit: written };
}

/** A count from the header (columns, rows, lines, points): see headerCount. */
export function positiveInteger(header: Record<string, string>, key: string): number {
  const written = header[key];
  return headerCount(Number((written ?? '').trim()), key, written);
}
