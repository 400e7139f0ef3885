// Nanonis scan images (.sxm): ASCII `:TAG:` header to `:SCANIT_END:`, then `\x1A\x04`, then float32
// data in the order channel x (forward, backward) x rows x columns, rows in acquisition order.
import { asciiBytes, indexOfBytes, latin1 } from './binary.ts';
import { firstWins } from './headerEntries.ts';
import { nanonisDateToIso } from './nanonisDate.ts';
import { finiteOrNull } from './numbers.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { numbersOf, readDataInfo, readSxmTags } from './sxmHeader.ts';
import { multipassChannelName, readMultipassConfig } from './sxmMultipass.ts';
import { ParseError, type ImageFrame, type ImageRecord, type ParsedFile } from './types.ts';

const HEADER_END = asciiBytes(':SCANIT_END:');
const DATA_MARKER = asciiBytes('\x1A\x04');
/** Bytes after `:SCANIT_END:` in which the data marker must appear (Nanonis writes 3 newlines). */
const MARKER_WINDOW = 64;
/** Upper bound on pixels per image: a corrupt SCAN_PIXELS must not make us allocate gigabytes. */
const MAX_PIXELS = 1 << 26;

interface Geometry {
  columns: number;
  rows: number;
  frame: ImageFrame;
  /** SCAN_DIR `up`: the first stored row is the bottom of the image. */
  scanUp: boolean;
  littleEndian: boolean;
}

function geometry(header: Record<string, string>): Geometry {
  const [columns = NaN, rows = NaN] = numbersOf(header['SCAN_PIXELS']);
  if (!Number.isInteger(columns) || !Number.isInteger(rows) || columns < 1 || rows < 1) {
    throw new ParseError(
      'bad-header',
      `SCAN_PIXELS "${(header['SCAN_PIXELS'] ?? '').trim()}" is not two positive integers`,
    );
  }
  if (columns * rows > MAX_PIXELS) {
    throw new ParseError('bad-header', `SCAN_PIXELS ${columns} x ${rows} is too large`);
  }
  const [width = NaN, height = NaN] = numbersOf(header['SCAN_RANGE']);
  const [centreX = NaN, centreY = NaN] = numbersOf(header['SCAN_OFFSET']);
  const [angleDeg = 0] = numbersOf(header['SCAN_ANGLE']);
  const type = (header['SCANIT_TYPE'] ?? 'FLOAT MSBFIRST').trim().split(/\s+/);
  if (type[0] !== 'FLOAT') {
    throw new ParseError('unsupported-data', `SCANIT_TYPE "${type.join(' ')}" (only FLOAT data is known)`);
  }
  return {
    columns,
    rows,
    frame: { centreX, centreY, width, height, angleDeg },
    scanUp: (header['SCAN_DIR'] ?? '').trim().toLowerCase() === 'up',
    littleEndian: type[1] === 'LSBFIRST',
  };
}

/**
 * One stored image, reoriented for display: row 0 = top (stored rows reversed for SCAN_DIR up),
 * column 0 = left (backward lines are stored right to left, so they are mirrored back).
 */
function readImage(view: DataView, offset: number, g: Geometry, backward: boolean): Float32Array {
  const { columns, rows } = g;
  const data = new Float32Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    const displayRow = g.scanUp ? rows - 1 - r : r;
    const rowBase = displayRow * columns;
    let at = offset + r * columns * 4;
    if (backward) {
      for (let c = columns - 1; c >= 0; c--, at += 4) data[rowBase + c] = view.getFloat32(at, g.littleEndian);
    } else {
      for (let c = 0; c < columns; c++, at += 4) data[rowBase + c] = view.getFloat32(at, g.littleEndian);
    }
  }
  return data;
}

/** The Z-controller set-point in amperes, from the `Z-Controller>` keys or the `Z-CONTROLLER` table. */
function setpointCurrent(header: Record<string, string>): number | null {
  if (header['Z-Controller>Setpoint unit']?.trim() === 'A')
    return finiteOrNull(header['Z-Controller>Setpoint']);
  const table = (header['Z-CONTROLLER'] ?? '').split('\n').map((line) => line.trim().split('\t'));
  const column = table[0]?.indexOf('Setpoint') ?? -1;
  const cell = column === -1 ? undefined : table[1]?.[column];
  const match = cell === undefined ? null : /^(\S+)\s+A$/.exec(cell.trim());
  return match ? finiteOrNull(match[1]) : null;
}

/** Parses a Nanonis .sxm file into one ImageRecord per channel and stored direction. */
export function parseNanonisSxm(bytes: Uint8Array, _name: string): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  const headerEnd = indexOfBytes(bytes, HEADER_END);
  if (headerEnd === -1)
    throw new ParseError('missing-header-end', `no :SCANIT_END: in ${bytes.length} bytes`);
  const entries = readSxmTags(latin1(bytes, 0, headerEnd));
  const header = firstWins(entries);
  const marker = indexOfBytes(bytes, DATA_MARKER, headerEnd, headerEnd + HEADER_END.length + MARKER_WINDOW);
  if (marker === -1)
    throw new ParseError('missing-data-marker', 'no \\x1A\\x04 data marker after :SCANIT_END:');
  const dataStart = marker + DATA_MARKER.length;

  const g = geometry(header);
  const channels = readDataInfo(header['DATA_INFO']);
  const imageBytes = g.columns * g.rows * 4;
  const imageCount = channels.reduce((sum, channel) => sum + channel.directions.length, 0);
  const expected = imageCount * imageBytes;
  const available = bytes.length - dataStart;
  if (available < expected) {
    throw new ParseError(
      'truncated',
      `data block has ${available} of ${expected} bytes (${imageCount} images of ${g.columns} x ${g.rows} float32)`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, expected);
  const scanBiasV = finiteOrNull(header['BIAS']) ?? finiteOrNull(header['Bias>Bias (V)']);
  const passes = readMultipassConfig(header['Multipass-Config'], scanBiasV);
  const images: ImageRecord[] = [];
  let offset = 0;
  for (const channel of channels) {
    for (const direction of channel.directions) {
      images.push({
        channel: multipassChannelName(channel.name, direction, passes),
        unit: channel.unit,
        direction,
        width: g.columns,
        height: g.rows,
        data: readImage(view, offset, g, direction === 'backward'),
        frame: { ...g.frame },
      });
      offset += imageBytes;
    }
  }

  const parsed = emptyParsedFile('nanonis-sxm', 'image');
  parsed.header = header;
  parsed.headerEntries = entries;
  const date = (header['REC_DATE'] ?? '').trim();
  const time = (header['REC_TIME'] ?? '').trim();
  parsed.acquiredAt = nanonisDateToIso(`${date} ${time}`) ?? nanonisDateToIso(date);
  parsed.setpoint = {
    biasV: scanBiasV,
    currentA: setpointCurrent(header),
  };
  parsed.comment = header['COMMENT'] ?? '';
  parsed.images = images;
  return parsed;
}
