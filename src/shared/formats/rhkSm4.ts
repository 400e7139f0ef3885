// RHK .sm4 files (`rhkSm4Layout.ts` reads the binary structure). Spectroscopy: the pages of one
// acquisition share group id, point count and x axis; each page is one channel (current, lock-in
// ...) holding `ySize` curves of `xSize` points. One SpectrumRecord per curve: bias from the x axis
// (x_offset + i * x_scale, V), current from the current page (raw * z_scale + z_offset, A), the
// other pages as `extra`, and the tip position from the spectroscopy drift data. Image pages become
// ImageRecords.
import type { HeaderEntries } from './headerEntries.ts';
import { firstWins } from './headerEntries.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { DATA_IMAGE, DATA_LINE, readSm4, type Sm4Page } from './rhkSm4Layout.ts';
import type { ChannelColumn, ImageRecord, ParsedFile, SpectrumRecord } from './types.ts';

/** Line types that are bias sweeps: I–V spectrum (7) and renormalised I–V (13). */
const IV_LINE_TYPES = new Set([7, 13]);
const LINE_TYPE_NAMES: Record<number, string> = {
  1: 'histogram',
  2: 'cross section',
  3: 'line test',
  4: 'oscilloscope',
  6: 'noise power spectrum',
  7: 'I–V spectrum',
  8: 'I–Z spectrum',
  13: 'renormalised I–V',
  19: 'datalog spectrum',
  22: 'discrete spectroscopy',
  23: 'data logger',
  24: 'time spectroscopy',
  26: 'frequency sweep',
};
/** Index of each string in a page's string list (RHK SM4 specification). */
const S = {
  label: 0,
  system: 1,
  session: 2,
  user: 3,
  path: 4,
  date: 5,
  time: 6,
  xUnits: 7,
  yUnits: 8,
  zUnits: 9,
  xLabel: 10,
};

function str(page: Sm4Page, i: number): string {
  return (page.strings[i] ?? '').replace(/\0.*$/s, '').trim();
}

function label(page: Sm4Page): string {
  return str(page, S.label) || `Page ${page.index}`;
}

/** `MM/DD/YY` and `HH:MM:SS` (as RHK writes them) to ISO local time, or null. */
export function rhkDateToIso(date: string, time: string): string | null {
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [month, day] = [Number(d[1]), Number(d[2])];
  const year = (d[3] as string).length === 2 ? 2000 + Number(d[3]) : Number(d[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(t[1]) > 23) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(Number(t[1]))}:${t[2]}:${t[3]}`;
}

function pageEntries(page: Sm4Page): HeaderEntries {
  const p = `Page ${page.index}>`;
  const entries: HeaderEntries = [
    [`${p}Label`, label(page)],
    [`${p}Page type`, String(page.pageType)],
    [`${p}Line type`, String(page.lineType)],
    [`${p}Size`, `${page.xSize} x ${page.ySize}`],
    [`${p}X scale (${str(page, S.xUnits)})`, String(page.xScale)],
    [`${p}X offset (${str(page, S.xUnits)})`, String(page.xOffset)],
    [`${p}Y scale (${str(page, S.yUnits)})`, String(page.yScale)],
    [`${p}Y offset (${str(page, S.yUnits)})`, String(page.yOffset)],
    [`${p}Z scale (${str(page, S.zUnits)})`, String(page.zScale)],
    [`${p}Z offset (${str(page, S.zUnits)})`, String(page.zOffset)],
    [`${p}Bias (V)`, String(page.bias)],
    [`${p}Current (A)`, String(page.current)],
    [`${p}Period (s)`, String(page.period)],
    [`${p}Angle (deg)`, String(page.angle)],
    [`${p}Group`, String(page.groupId)],
  ];
  const names = ['System', 'Session', 'User', 'Path', 'Date', 'Time'];
  names.forEach((name, i) => entries.push([`${p}${name}`, str(page, i + 1)]));
  return entries;
}

function physical(page: Sm4Page, from: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const raw = page.raw;
  if (!raw) return out.fill(NaN);
  for (let i = 0; i < count; i++) out[i] = (raw[from + i] as number) * page.zScale + page.zOffset;
  return out;
}

/** Spectra pages that belong to one acquisition: same group, shape and x axis. */
function groupLines(pages: Sm4Page[]): Sm4Page[][] {
  const groups = new Map<string, Sm4Page[]>();
  for (const page of pages) {
    if (page.dataType !== DATA_LINE || !page.raw) continue;
    const key = [page.groupId, page.lineType, page.xSize, page.ySize, page.xScale, page.xOffset].join('|');
    const list = groups.get(key);
    if (list) list.push(page);
    else groups.set(key, [page]);
  }
  return [...groups.values()];
}

/** The current channel: a page labelled `Current` in A, else the first page in A. */
function currentPage(group: Sm4Page[]): Sm4Page | undefined {
  const inAmperes = group.filter((page) => str(page, S.zUnits) === 'A');
  return inAmperes.find((page) => label(page).toLowerCase() === 'current') ?? inAmperes[0];
}

function spectraOf(
  group: Sm4Page[],
  current: Sm4Page,
): { records: SpectrumRecord[]; columns: ChannelColumn[] } {
  const { xSize: points, ySize: curves } = current;
  const bias = new Float64Array(points);
  for (let i = 0; i < points; i++) bias[i] = current.xOffset + i * current.xScale;
  const xName = str(current, S.xLabel) || 'Bias';
  const columns: ChannelColumn[] = [
    {
      name: xName,
      quantity: xName,
      unit: str(current, S.xUnits),
      sweep: null,
      direction: 'forward',
      filtered: false,
      values: bias,
    },
  ];
  const records: SpectrumRecord[] = [];
  for (let k = 0; k < curves; k++) {
    const sweep = curves === 1 ? null : k + 1;
    const values = new Map<Sm4Page, Float64Array>();
    for (const page of group) {
      const v = physical(page, k * points, points);
      values.set(page, v);
      const name = label(page);
      const shown = sweep === null ? name : `${name} [${String(sweep).padStart(5, '0')}]`;
      columns.push({
        name: shown,
        quantity: name,
        unit: str(page, S.zUnits),
        sweep,
        direction: 'forward',
        filtered: false,
        values: v,
      });
    }
    const where = current.curvePositions?.[k];
    records.push({
      sweep: k + 1,
      isAverage: false,
      direction: 'forward',
      bias,
      current: values.get(current) as Float64Array,
      extra: group
        .filter((page) => page !== current)
        .map((page) => ({
          name: label(page),
          unit: str(page, S.zUnits),
          values: values.get(page) as Float64Array,
        })),
      position: where ? { x: where.x, y: where.y, z: null } : null,
      gridIndex: null,
    });
  }
  return { records, columns };
}

/** Image page as stored: row 0 first in the file (orientation not verified against a real SM4 image). */
function imageOf(page: Sm4Page): ImageRecord {
  const data = new Float32Array(page.xSize * page.ySize);
  const raw = page.raw as Int32Array;
  for (let i = 0; i < data.length; i++) data[i] = (raw[i] as number) * page.zScale + page.zOffset;
  return {
    channel: label(page),
    unit: str(page, S.zUnits),
    direction: page.scanType === 1 ? 'backward' : 'forward',
    width: page.xSize,
    height: page.ySize,
    data,
    frame: {
      centreX: page.xOffset,
      centreY: page.yOffset,
      width: Math.abs(page.xScale * page.xSize),
      height: Math.abs(page.yScale * page.ySize),
      angleDeg: page.angle,
    },
  };
}

/** Parses an RHK .sm4 file: I–V pages into spectra, image pages into images. */
export function parseRhkSm4(bytes: Uint8Array, _name: string): ParsedFile {
  const file = readSm4(bytes);
  const entries: HeaderEntries = [['Signature', file.signature]];
  for (const page of file.pages) entries.push(...pageEntries(page));

  const spectra: SpectrumRecord[] = [];
  const channels: ChannelColumn[] = [];
  const reasons: string[] = [];
  let setpointPage: Sm4Page | null = null;
  for (const group of groupLines(file.pages)) {
    const first = group[0] as Sm4Page;
    const lineName = LINE_TYPE_NAMES[first.lineType] ?? `line type ${first.lineType}`;
    if (!IV_LINE_TYPES.has(first.lineType) || str(first, S.xUnits) !== 'V') {
      reasons.push(`${lineName} pages (${group.map(label).join(', ')}), not I–V sweeps`);
      continue;
    }
    const current = currentPage(group);
    if (!current) {
      reasons.push(`I–V pages without a current channel in A (${group.map(label).join(', ')})`);
      continue;
    }
    const { records, columns } = spectraOf(group, current);
    spectra.push(...records);
    channels.push(...columns);
    setpointPage ??= current;
  }
  const images = file.pages.filter((page) => page.dataType === DATA_IMAGE && page.raw).map(imageOf);
  if (file.skippedDataTypes.length > 0) {
    reasons.push(`pages of data type ${[...new Set(file.skippedDataTypes)].join(', ')} are not read`);
  }

  const kind = spectra.length > 0 ? 'bias-spectroscopy' : images.length > 0 ? 'image' : 'other';
  const parsed = emptyParsedFile('rhk-sm4', kind);
  parsed.headerEntries = entries;
  parsed.header = firstWins(entries);
  const first = setpointPage ?? file.pages[0];
  if (first) {
    parsed.acquiredAt = rhkDateToIso(str(first, S.date), str(first, S.time));
    parsed.comment = [str(first, S.user), str(first, S.session)].filter((text) => text !== '').join('\n');
    parsed.position = spectra[0]?.position ?? null;
  }
  if (setpointPage) parsed.setpoint = { biasV: setpointPage.bias, currentA: setpointPage.current };
  parsed.channels = channels;
  parsed.spectra = spectra;
  parsed.images = images;
  if (spectra.length === 0 && kind !== 'image') {
    parsed.notIv =
      reasons.length > 0 ? `RHK SM4: ${reasons.join('; ')}` : 'RHK SM4 file without spectra or image pages';
  }
  return parsed;
}
