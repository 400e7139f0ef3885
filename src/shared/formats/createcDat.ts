// Createc scan images (.dat, `[Paramco32]`): latin-1 key=value header (with an embedded JPEG
// thumbnail after `ICON`), then `DATA` and a zlib stream of little-endian float32: one leading
// value (0, not data), then channel x rows x columns in DAC counts. With `Chan(1,2,4)` = c signals
// (1: Z; 2: Z, Current; 4: Z, Current, ADC1, ADC2) and Channels = 2c, the first c planes are the
// forward scan and the next c the backward scan, stored left to right like the forward lines
// (checked: backward rows correlate with forward rows unreversed in both real files). Other channel
// counts (the real preview file has 40) are kept as `Channel n` in DAC counts.
// An aborted scan leaves whole rows zero after the last written line: those rows become NaN and
// the header gets `Lines written`.
import { asciiBytes, indexOfBytes } from './binary.ts';
import {
  amperesPerCount,
  createcEntries,
  createcNameToIso,
  createcNumber,
  createcValue,
  dacBits,
} from './createcHeader.ts';
import { firstWins, type HeaderEntries } from './headerEntries.ts';
import { headerCount } from './headerCount.ts';
import { inflateZlib } from './inflate.ts';
import { DEFAULT_READER_LIMITS, overLimit, type ReaderLimits } from './limits.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type ImageFrame, type ImageRecord, type ParsedFile } from './types.ts';

const DATA = asciiBytes('DATA');
const ICON = asciiBytes('\nICON');
const MAX_VALUES = 1 << 27;
const SIGNALS = ['Z', 'Current', 'ADC1', 'ADC2'];

/** `DATA` followed by a valid zlib header (the thumbnail before it may contain the bytes `DATA`). */
function dataStart(bytes: Uint8Array): number {
  for (let at = indexOfBytes(bytes, DATA); at !== -1; at = indexOfBytes(bytes, DATA, at + 1)) {
    const cmf = bytes[at + 4];
    const flg = bytes[at + 5];
    if (cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0)
      return at + 4;
  }
  return -1;
}

/** Scale from DAC counts and unit of one signal; Z: Dacto[A]z (Å per count at gain 1) x GainZ. */
function scaleOf(signal: string, entries: HeaderEntries): { factor: number; unit: string } {
  if (signal === 'Z') {
    const perCount = createcNumber(entries, 'Dacto[A]z');
    const gain = createcNumber(entries, 'GainZ') ?? 1;
    if (perCount !== null) return { factor: perCount * gain * 1e-10, unit: 'm' };
  }
  if (signal === 'Current') {
    const perCount = amperesPerCount(entries);
    if (perCount !== null) return { factor: perCount, unit: 'A' };
  }
  if (signal === 'ADC1' || signal === 'ADC2') return { factor: 20 / 2 ** dacBits(entries), unit: 'V' };
  return { factor: 1, unit: 'DAC' };
}

/** Frame centre from OffsetX/Y (counts x Dacto[A]xy Å x GainX/Y), size from Length x/y [Å]. */
function frameOf(entries: HeaderEntries): ImageFrame {
  const xy = createcNumber(entries, 'Dacto[A]xy') ?? NaN;
  const gx = createcNumber(entries, 'GainX') ?? 1;
  const gy = createcNumber(entries, 'GainY') ?? 1;
  return {
    centreX: (createcNumber(entries, 'OffsetX') ?? NaN) * xy * gx * 1e-10,
    centreY: (createcNumber(entries, 'OffsetY') ?? NaN) * xy * gy * 1e-10,
    width: (createcNumber(entries, 'Length x[A]') ?? NaN) * 1e-10,
    height: (createcNumber(entries, 'Length y[A]') ?? NaN) * 1e-10,
    angleDeg: createcNumber(entries, 'Rotation') ?? 0,
  };
}

/** Parses a Createc `[Paramco32]` image into one ImageRecord per stored plane. */
export function parseCreatecDat(
  bytes: Uint8Array,
  name: string,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  if (String.fromCharCode(...bytes.subarray(0, 11)) !== '[Paramco32]') {
    const first = String.fromCharCode(...bytes.subarray(0, 12)).split(/[\r\n]/)[0];
    throw new ParseError(
      'unsupported-data',
      `Createc header "${first}" (only compressed [Paramco32] images are read)`,
    );
  }
  const start = dataStart(bytes);
  if (start === -1) throw new ParseError('missing-data-marker', 'no DATA marker followed by zlib data');
  const icon = indexOfBytes(bytes, ICON, 0, start);
  const entries = createcEntries(bytes, 0, icon === -1 ? start - 4 : icon);
  const count = (key: string): number =>
    headerCount(createcNumber(entries, key) ?? NaN, key, createcValue(entries, key));
  const columns = count('Num.X');
  const rows = count('Num.Y');
  const planes = count('Channels');
  const pixels = columns * rows;
  if (pixels * planes > Math.min(MAX_VALUES, limits.maxImageValues)) {
    overLimit(
      `image values (${planes} planes x ${columns} x ${rows})`,
      pixels * planes,
      limits.maxImageValues,
    );
  }
  const needed = 4 * (1 + pixels * planes);
  // The expected size is allocated once and bounds the output (plus slack for a trailer).
  const raw = inflateZlib(bytes, start, { sizeHint: needed + 8192, maxOutput: needed + 8192 });
  if (raw.length < needed) {
    throw new ParseError(
      'truncated',
      `data hold ${raw.length} bytes, ${planes} planes of ${columns} x ${rows} float32 need ${needed}`,
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);

  // Lines written: the last row with any non-zero value in any plane.
  let lastRow = -1;
  for (let p = 0; p < planes; p++) {
    for (let r = rows - 1; r > lastRow; r--) {
      const base = 4 * (1 + p * pixels + r * columns);
      let written = false;
      for (let c = 0; c < columns && !written; c++) written = view.getFloat32(base + 4 * c, true) !== 0;
      if (written) {
        lastRow = r;
        break;
      }
    }
  }
  const linesWritten = lastRow + 1;

  const signals = createcNumber(entries, 'Chan(1,2,4)', 'ScanChannels') ?? 0;
  const named = (signals === 1 || signals === 2 || signals === 4) && planes === 2 * signals;
  const frame = frameOf(entries);
  const images: ImageRecord[] = [];
  for (let p = 0; p < planes; p++) {
    const signal = named ? (SIGNALS[p % signals] as string) : `Channel ${p + 1}`;
    const { factor, unit } = named ? scaleOf(signal, entries) : { factor: 1, unit: 'DAC' };
    const data = new Float32Array(pixels).fill(NaN);
    const base = 4 * (1 + p * pixels);
    for (let i = 0; i < linesWritten * columns; i++) data[i] = view.getFloat32(base + 4 * i, true) * factor;
    images.push({
      channel: signal,
      unit,
      direction: named && p >= signals ? 'backward' : 'forward',
      width: columns,
      height: rows,
      data,
      frame: { ...frame },
    });
  }
  entries.push(['Lines written', `${linesWritten} of ${rows}`]);

  const parsed = emptyParsedFile('createc-dat', 'image');
  parsed.headerEntries = entries;
  parsed.header = firstWins(entries);
  parsed.acquiredAt = createcNameToIso(name);
  const biasMv = createcNumber(entries, 'Biasvolt[mV]', 'BiasVolt.[mV]');
  parsed.setpoint = {
    biasV: biasMv === null ? null : biasMv / 1000,
    currentA: createcNumber(entries, 'Current[A]', 'SetPoint'),
  };
  parsed.comment = createcValue(entries, 'Titel') ?? '';
  parsed.images = images;
  return parsed;
}
