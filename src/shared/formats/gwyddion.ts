// Gwyddion `.gwy`: a GwyContainer (gwyddionObjects.ts) whose `/N/data` items are GwyDataFields:
// xres, yres, xreal, yreal, optional xoff, yoff (m), si_unit_xy, si_unit_z (GwySIUnit unitstr) and
// `data` (xres·yres doubles, row 0 at the top). Values are in base SI units; a prefix in unitstr
// (Gwyddion 1 writes `µm`, `nm`) is display-only and dropped, as Gwyddion does on load. Masks and
// presentations are ignored; graphs, spectra, volume and XYZ data are listed as skipped.
import type { HeaderEntries } from './headerEntries.ts';
import { firstWins } from './headerEntries.ts';
import { readGwyFile, type GwyObject, type GwyValue } from './gwyddionObjects.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type ImageRecord, type ParsedFile } from './types.ts';

const SI_PREFIXES = 'yzafpnµumkMGTPEZY';
const BASE_UNITS = new Set([
  'm',
  'A',
  'V',
  's',
  'Hz',
  'N',
  'W',
  'Pa',
  'K',
  'deg',
  'rad',
  'S',
  'F',
  'C',
  'T',
  'g',
]);
/** Upper bound on the pixels of one data field (8192²): larger is a crafted header. */
const MAX_PIXELS = 1 << 26;

/** Base SI unit of a GwySIUnit string: `µm` -> `m`, `nm` -> `m`, `mV` -> `V`, `m` stays `m`. */
export function baseUnit(unit: string): string {
  const text = unit.trim();
  if (BASE_UNITS.has(text)) return text;
  const rest = text.slice(1);
  return SI_PREFIXES.includes(text.charAt(0)) && BASE_UNITS.has(rest) ? rest : text;
}

function number(field: GwyObject, name: string, fallback: number | null): number {
  const value = field.items.get(name);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (fallback !== null && value === undefined) return fallback;
  throw new ParseError('bad-structure', `GwyDataField ${name} is missing or not a finite number`);
}

function unitOf(field: GwyObject, name: string): string {
  const unit = field.items.get(name);
  if (unit === undefined) return '';
  if (typeof unit !== 'object' || !('items' in unit))
    throw new ParseError('bad-structure', `${name} is not a GwySIUnit`);
  const text = unit.items.get('unitstr');
  return typeof text === 'string' ? baseUnit(text) : '';
}

function image(field: GwyObject, title: string): ImageRecord {
  const width = number(field, 'xres', null);
  const height = number(field, 'yres', null);
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width * height > MAX_PIXELS
  ) {
    throw new ParseError('bad-structure', `data field "${title}" has size ${width} x ${height}`);
  }
  const values = field.items.get('data');
  if (!(values instanceof Float64Array) || values.length !== width * height) {
    throw new ParseError(
      'bad-structure',
      `data field "${title}" holds ${values instanceof Float64Array ? values.length : 'no'} values, not ${width} x ${height}`,
    );
  }
  const realX = number(field, 'xreal', null);
  const realY = number(field, 'yreal', null);
  return {
    channel: title,
    unit: unitOf(field, 'si_unit_z'),
    direction: 'forward',
    width,
    height,
    data: Float32Array.from(values),
    frame: {
      centreX: number(field, 'xoff', 0) + realX / 2,
      centreY: number(field, 'yoff', 0) + realY / 2,
      width: realX,
      height: realY,
      angleDeg: 0,
    },
  };
}

function isObject(value: GwyValue | undefined, type: string): value is GwyObject {
  return (
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Float64Array) &&
    value.type === type
  );
}

/** What a container key holds that is not read, or null for keys that are read or plain settings. */
function skippedKind(key: string): string | null {
  if (/^\/\d+\/graph\/graph\/\d+$/.test(key)) return 'graph';
  if (/^\/sps\/\d+$/.test(key)) return 'spectra';
  if (/^\/brick\/\d+$/.test(key)) return 'volume data';
  if (/^\/xyz\/\d+$/.test(key)) return 'XYZ data';
  return null;
}

/** Parses a `.gwy` file: one ImageRecord per data field, in channel order. */
export function parseGwyddion(bytes: Uint8Array, _name: string): ParsedFile {
  const root = readGwyFile(bytes);
  if (root.type !== 'GwyContainer')
    throw new ParseError('bad-structure', `top-level object is ${root.type}, not GwyContainer`);
  const entries: HeaderEntries = [['Format', String.fromCharCode(...bytes.subarray(0, 4))]];
  const fields: Array<[number, GwyObject]> = [];
  const skipped: string[] = [];
  for (const [key, value] of root.items) {
    const channel = /^\/(\d+)\/data$/.exec(key);
    if (channel && isObject(value, 'GwyDataField')) fields.push([Number(channel[1]), value]);
    else if (skippedKind(key)) skipped.push(`${key} (${skippedKind(key) as string})`);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      entries.push([key, String(value)]);
  }
  fields.sort((a, b) => a[0] - b[0]);
  const images = fields.map(([index, field]) => {
    const title = root.items.get(`/${index}/data/title`);
    return image(field, typeof title === 'string' && title.trim() !== '' ? title : `Channel ${index}`);
  });
  for (const [index, field] of fields) {
    const size = `${String(field.items.get('xreal'))} x ${String(field.items.get('yreal'))}`;
    entries.push([`/${index}/data size`, `${size} ${unitOf(field, 'si_unit_xy')}`]);
  }
  if (skipped.length > 0)
    entries.push(['Skipped', `${skipped.join(', ')}: graphs, spectra, volume and XYZ data are not read`]);
  const parsed = emptyParsedFile('gwyddion', images.length > 0 ? 'image' : 'other');
  parsed.headerEntries = entries;
  parsed.header = firstWins(entries);
  parsed.images = images;
  if (images.length === 0) {
    parsed.notIv = `Gwyddion file with no data fields${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}`;
  }
  return parsed;
}
