// The ASCII header of a Nanonis .3ds grid: `key=value` lines (values optionally in double quotes)
// up to `:HEADER_END:`. Describes the grid, the per-pixel parameters and the channels.
import type { HeaderEntries } from './headerEntries.ts';
import { numberOrNaN } from './numbers.ts';
import { numbersOf } from './sxmHeader.ts';
import { ParseError, type ImageFrame } from './types.ts';
import { headerCount } from './headerCount.ts';

/**
 * Entries in file order. The double quotes around a value are syntax, not part of it, so they are
 * removed (`Sweep Signal="Bias (V)"` -> `Bias (V)`); everything else is kept as written.
 */
export function readGridEntries(header: string): HeaderEntries {
  const entries: HeaderEntries = [];
  for (const raw of header.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const eq = line.indexOf('=');
    if (eq === -1) {
      entries.push([line.trim(), '']);
      continue;
    }
    let value = line.slice(eq + 1);
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    entries.push([line.slice(0, eq), value]);
  }
  return entries;
}

export interface GridLayout {
  pointsX: number;
  pointsY: number;
  /** Points per spectrum. */
  points: number;
  /** Per-pixel parameter names, padded with `Parameter n` when the header names fewer. */
  parameters: string[];
  channels: string[];
  sweepSignal: string;
  frame: ImageFrame;
  /** Bytes per pixel: parameters then channels x points, all float32. */
  pixelBytes: number;
}

/** Upper bound on pixels and points: a corrupt header must not make us allocate gigabytes. */
const MAX_COUNT = 1 << 24;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function gridLayout(header: Record<string, string>): GridLayout {
  const dim = header['Grid dim'];
  const dims = /^\s*(\d+)\s*x\s*(\d+)\s*$/i.exec(dim ?? '');
  if (!dims) throw new ParseError('bad-header', `Grid dim "${dim ?? ''}" is not "<x> x <y>"`);
  const pointsX = headerCount(Number(dims[1]), 'Grid dim x', dim, MAX_COUNT);
  const pointsY = headerCount(Number(dims[2]), 'Grid dim y', dim, MAX_COUNT);
  if (pointsX * pointsY > MAX_COUNT) throw new ParseError('bad-header', `Grid dim "${dim}" is too large`);
  const points = headerCount(numberOrNaN(header['Points']), 'Points', header['Points'], MAX_COUNT);
  const channels = list(header['Channels']);
  if (channels.length === 0) throw new ParseError('bad-header', 'no Channels in the header');

  const parameterCount = numberOrNaN(header['# Parameters (4 byte)']);
  const named = [...list(header['Fixed parameters']), ...list(header['Experiment parameters'])];
  const count = Number.isNaN(parameterCount) ? named.length : parameterCount;
  if (!Number.isInteger(count) || count < 0 || count > 4096) {
    throw new ParseError(
      'bad-header',
      `# Parameters (4 byte) "${header['# Parameters (4 byte)'] ?? ''}" is not a count`,
    );
  }
  const parameters = Array.from({ length: count }, (_, i) => named[i] ?? `Parameter ${i + 1}`);

  const experimentBytes = channels.length * points * 4;
  const declared = numberOrNaN(header['Experiment size (bytes)']);
  if (!Number.isNaN(declared) && declared !== experimentBytes) {
    throw new ParseError(
      'bad-header',
      `Experiment size ${declared} bytes does not match ${channels.length} channels x ${points} points x 4`,
    );
  }
  const [centreX = NaN, centreY = NaN, width = NaN, height = NaN, angleDeg = 0] = numbersOf(
    (header['Grid settings'] ?? '').replaceAll(';', ' '),
  );
  return {
    pointsX,
    pointsY,
    points,
    parameters,
    channels,
    sweepSignal: (header['Sweep Signal'] ?? '').trim(),
    frame: { centreX, centreY, width, height, angleDeg },
    pixelBytes: count * 4 + experimentBytes,
  };
}
