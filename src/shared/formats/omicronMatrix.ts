// Omicron MATRIX files. A session writes one `*_0001.mtrx` parameter file (ONTMATRX0101 + ATEM ...:
// experiment, calibration, sweep axes) and one data file per measurement (`*--<run>_<cycle>.<channel>_mtrx`:
// ONTMATRX0101, then a BKLT block holding a DESC block — points announced and written — and a
// DATA block of int32 DAC counts). A data file alone has neither the bias axis nor the conversion to
// amperes or metres: both live in the parameter file, which a single-file reader does not see. So
// data files are parsed structurally (raw counts kept, announced vs written points reported) and
// give no spectra; `notIv` says why. Parameter files are refused with `unsupported-format`.
import { firstWins, type HeaderEntries } from './headerEntries.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type FileKind, type ParsedFile } from './types.ts';

const MAGIC = 'ONTMATRX0101';

function tagAt(bytes: Uint8Array, at: number): string {
  if (at + 4 > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

/** The channel from a data file name: `…--2_1.I(V)_mtrx` gives `I(V)`. */
export function matrixChannel(name: string): string {
  const match = /\.([^.]+)_mtrx$/i.exec(name);
  return match ? (match[1] as string) : '';
}

function kindOf(channel: string): { kind: FileKind; what: string } {
  const c = channel.toLowerCase();
  if (c === 'i(v)' || c === 'aux1(v)' || c === 'aux2(v)' || c === 'df(v)')
    return { kind: 'bias-spectroscopy', what: `${channel} curve` };
  if (c === 'i(z)' || c === 'df(z)')
    return { kind: 'z-spectroscopy', what: `${channel} curve (Z spectroscopy)` };
  if (c === 'i(t)') return { kind: 'other', what: 'I(t) current-time trace, not an I–V sweep' };
  if (c === 'z' || c === 'i' || c === 'df' || c === 'aux1' || c === 'aux2')
    return { kind: 'other', what: `${channel} image data (no image without the parameter file's geometry)` };
  return { kind: 'other', what: channel === '' ? 'data' : `${channel} data` };
}

/** UTC seconds since 1970 as ISO 8601 with `Z` (MATRIX stores UTC; local time is unknown). */
function utcIso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('.000Z', 'Z');
}

/** Parses one MATRIX data file structurally; refuses the parameter file. */
export function parseOmicronMatrix(bytes: Uint8Array, name: string): ParsedFile {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 12)) !== MAGIC) {
    throw new ParseError('bad-signature', `no ${MAGIC} signature`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = tagAt(bytes, 12);
  if (first === 'ATEM') {
    throw new ParseError('unsupported-format', 'Omicron MATRIX parameter file (read with its data files)');
  }
  if (first !== 'TLKB') throw new ParseError('bad-header', `block "${first}" where a data file has BKLT`);
  if (bytes.length < 28) throw new ParseError('truncated', 'BKLT block header cut');
  const seconds = view.getUint32(20, true) + view.getUint32(24, true) * 2 ** 32;

  // DESC (stored reversed as CSED) right after the BKLT header: 4 bytes, then tag, length, content.
  const desc = 32;
  if (tagAt(bytes, desc) !== 'CSED') throw new ParseError('bad-header', 'no DESC block after BKLT');
  if (desc + 8 + 28 > bytes.length) throw new ParseError('truncated', 'DESC block cut');
  const descLength = view.getUint32(desc + 4, true);
  const announced = view.getUint32(desc + 8 + 20, true);
  const writtenByDesc = view.getUint32(desc + 8 + 24, true);
  const data = desc + 8 + descLength;
  if (tagAt(bytes, data) !== 'ATAD') throw new ParseError('bad-header', `no DATA block at byte ${data}`);
  if (data + 8 > bytes.length) throw new ParseError('truncated', 'DATA block header cut');
  const dataBytes = Math.min(view.getUint32(data + 4, true), bytes.length - data - 8);
  const written = Math.min(writtenByDesc, Math.floor(dataBytes / 4));
  const raw = new Float64Array(written);
  for (let i = 0; i < written; i++) raw[i] = view.getInt32(data + 8 + 4 * i, true);

  const channel = matrixChannel(name);
  const { kind, what } = kindOf(channel);
  const entries: HeaderEntries = [
    ['Format', MAGIC],
    ['Channel', channel],
    ['Timestamp (UTC)', utcIso(seconds)],
    ['Points announced', String(announced)],
    ['Points written', String(written)],
  ];
  const parsed = emptyParsedFile('omicron-matrix', kind);
  parsed.headerEntries = entries;
  parsed.header = firstWins(entries);
  if (!what.includes('image')) {
    parsed.channels = [
      {
        name: `${channel || 'data'} (DAC counts)`,
        quantity: channel || 'data',
        unit: '',
        sweep: null,
        direction: 'forward',
        filtered: false,
        values: raw,
      },
    ];
  }
  const count = written === announced ? `${written} points` : `${written} of ${announced} points written`;
  parsed.notIv =
    kind === 'other' && channel.toLowerCase() === 'i(t)'
      ? `Omicron MATRIX ${what} (${count})`
      : `Omicron MATRIX ${what}, ${count}: the axis and the calibration to physical units are in the session's _0001.mtrx parameter file, which is not read yet`;
  return parsed;
}
