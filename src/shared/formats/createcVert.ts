// Createc vertical spectroscopy (.VERT): `[ParVERT30]`/`[ParVERT32]` latin-1 key=value header, a
// `DATA` line, one line `N X Y …` (points, tip position in DAC counts …), then N tab-separated rows.
// Column 0 is the point index and column 1 the bias in mV in every known layout. The 4-column
// layout is index, bias (mV), Z (DAC counts), current (DAC counts). Other layouts (the 10-column
// [ParVERT32] file, chosen by the `Vertchannelselectval` bit mask) are not documented: their
// columns are kept as `Column n` and no current is assumed.
import { asciiBytes, indexOfBytes, latin1 } from './binary.ts';
import {
  amperesPerCount,
  createcEntries,
  createcNameToIso,
  createcNumber,
  createcValue,
} from './createcHeader.ts';
import { firstWins } from './headerEntries.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type ChannelColumn, type ParsedFile } from './types.ts';

const DATA_LINE = asciiBytes('\nDATA');
/** Bias range below which the bias counts as constant, mV. */
const CONSTANT_BIAS_MV = 1;
/** Fewer distinct bias values than this (and than the points) is a step, not a sweep. */
const MIN_SWEEP_VALUES = 10;
const MAX_ROWS = 10_000_000;

function column(name: string, quantity: string, unit: string, values: Float64Array): ChannelColumn {
  return { name, quantity, unit, sweep: null, direction: 'forward', filtered: false, values };
}

function format(mv: number): string {
  return `${Number(mv.toPrecision(6))} mV`;
}

/** Why the bias column is not an I–V sweep, or null when it is one. */
export function biasSweepProblem(biasMv: Float64Array): string | null {
  let min = Infinity;
  let max = -Infinity;
  let rising = true;
  let falling = true;
  const distinct = new Set<number>();
  for (let i = 0; i < biasMv.length; i++) {
    const v = biasMv[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    if (i > 0 && v < (biasMv[i - 1] as number)) rising = false;
    if (i > 0 && v > (biasMv[i - 1] as number)) falling = false;
    if (distinct.size <= MIN_SWEEP_VALUES) distinct.add(v);
  }
  if (!(max - min >= CONSTANT_BIAS_MV)) {
    return `bias constant at ${format(biasMv[0] ?? NaN)}: a current-time trace, not an I–V sweep`;
  }
  if (distinct.size < Math.min(MIN_SWEEP_VALUES, biasMv.length)) {
    const values = [...distinct].map(format).join(', ');
    return `bias only steps between ${distinct.size} values (${values}): a bias pulse / current-time trace, not an I–V sweep`;
  }
  if (!rising && !falling)
    return `bias is not monotonic (${format(min)} to ${format(max)}): not a single I–V sweep`;
  return null;
}

function readRows(text: string): { columns: Float64Array[]; rows: number } {
  const lines = text.split('\n');
  const cells: number[][] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const row = trimmed.split(/\s+/).map(Number);
    if (row.some((v) => Number.isNaN(v))) {
      throw new ParseError(
        'bad-data',
        `data row ${cells.length + 1} is not numeric: "${trimmed.slice(0, 60)}"`,
      );
    }
    cells.push(row);
    if (cells.length > MAX_ROWS) throw new ParseError('bad-data', `more than ${MAX_ROWS} data rows`);
  }
  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  const columns = Array.from({ length: width }, () => new Float64Array(cells.length).fill(NaN));
  cells.forEach((row, r) => row.forEach((v, c) => ((columns[c] as Float64Array)[r] = v)));
  return { columns, rows: cells.length };
}

/** Parses a Createc .VERT spectrum; an I–V sweep gives one SpectrumRecord, anything else notIv. */
export function parseCreatecVert(bytes: Uint8Array, name: string): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  let marker = indexOfBytes(bytes, DATA_LINE);
  while (marker !== -1 && !/^\r?\n/.test(latin1(bytes, marker + 5, Math.min(bytes.length, marker + 7)))) {
    marker = indexOfBytes(bytes, DATA_LINE, marker + 1);
  }
  if (marker === -1) throw new ParseError('missing-data-marker', 'no DATA line after the header');
  const entries = createcEntries(bytes, 0, marker);
  const body = latin1(bytes, marker + 5).replace(/\r/g, '');
  const firstEnd = body.indexOf('\n', 1);
  const dataLine = (firstEnd === -1 ? body : body.slice(1, firstEnd)).trim().split(/\s+/);
  const [announced = NaN, x = NaN, y = NaN] = dataLine.map(Number);
  entries.push(['DATA>Points', String(announced)], ['DATA>X (DAC)', String(x)], ['DATA>Y (DAC)', String(y)]);
  const { columns, rows } = readRows(firstEnd === -1 ? '' : body.slice(firstEnd + 1));
  if (rows === 0 || columns.length < 2)
    throw new ParseError('no-data', 'no data rows with index and bias after DATA');

  const biasMv = columns[1] as Float64Array;
  const bias = biasMv.map((v) => v / 1000);
  const perCount = amperesPerCount(entries);
  const layoutKnown = columns.length === 4;
  const channels: ChannelColumn[] = [
    column('Index', 'Index', '', columns[0] as Float64Array),
    column('Bias (V)', 'Bias', 'V', bias),
  ];
  let current: Float64Array | null = null;
  let z: Float64Array | null = null;
  if (layoutKnown) {
    z = columns[2] as Float64Array;
    channels.push(column('Z (DAC)', 'Z', 'DAC', z));
    if (perCount !== null) {
      current = (columns[3] as Float64Array).map((v) => v * perCount);
      channels.push(column('Current (A)', 'Current', 'A', current));
    } else channels.push(column('Current (DAC)', 'Current', 'DAC', columns[3] as Float64Array));
  } else {
    for (let c = 2; c < columns.length; c++)
      channels.push(column(`Column ${c}`, `Column ${c}`, '', columns[c] as Float64Array));
  }

  const header = firstWins(entries);
  const title = createcValue(entries, 'Titel') ?? '';
  const selector = createcValue(entries, 'Vertchannelselectval') ?? '?';
  let notIv = biasSweepProblem(biasMv);
  if (notIv === null && !layoutKnown) {
    notIv =
      `bias ramps ${format(biasMv[0] as number)} to ${format(biasMv[rows - 1] as number)}, but the ${columns.length}-column ` +
      `layout (Vertchannelselectval ${selector}) has no documented current column${title ? ` (title "${title}")` : ''}`;
  }
  if (notIv === null && current === null)
    notIv = 'no preamplifier gain (GainPre 10^) in the header: current cannot be scaled to A';
  if (rows < announced) entries.push(['Rows written', `${rows} of ${announced}`]);

  const parsed = emptyParsedFile('createc-vert', notIv === null ? 'bias-spectroscopy' : 'other');
  parsed.headerEntries = entries;
  parsed.header = header;
  parsed.acquiredAt = createcNameToIso(name);
  const setpointMv = createcNumber(entries, 'Biasvolt[mV]', 'BiasVolt.[mV]');
  parsed.setpoint = {
    biasV: setpointMv === null ? null : setpointMv / 1000,
    currentA: createcNumber(entries, 'Current[A]', 'SetPoint'),
  };
  parsed.comment = title;
  parsed.channels = channels;
  parsed.notIv = notIv;
  if (notIv === null && current !== null) {
    parsed.spectra = [
      {
        sweep: 1,
        isAverage: false,
        direction: 'forward',
        bias,
        current,
        extra: z ? [{ name: 'Z', unit: 'DAC', values: z }] : [],
        position: null,
        gridIndex: null,
      },
    ];
  }
  return parsed;
}
