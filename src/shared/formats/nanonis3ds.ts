// Nanonis grid spectroscopy (.3ds): `key=value` header to `:HEADER_END:`, then per pixel, row-major,
// big-endian float32: the parameters (sweep start/end, X, Y, Z …) followed by channels x points.
import { asciiBytes, indexOfBytes, latin1 } from './binary.ts';
import { parseColumnName } from './columnName.ts';
import { gridLayout, readGridEntries, type GridLayout } from './gridHeader.ts';
import { firstWins } from './headerEntries.ts';
import { nanonisDateToIso } from './nanonisDate.ts';
import { fittingPixelPlans, gridPixelPlans, gridSpectra, gridSpectraValues } from './gridSpectra.ts';
import { emptyParsedFile, setpointFromHeader } from './parsedFile.ts';
import { pickCurrentQuantity } from './spectrumColumns.ts';
import { DEFAULT_READER_LIMITS, overLimit, type ReaderLimits } from './limits.ts';
import { ParseError, type ParsedFile } from './types.ts';

const HEADER_END = asciiBytes(':HEADER_END:');

/** Offset of the first data byte: after `:HEADER_END:` and its line break (CRLF or LF). */
function dataStart(bytes: Uint8Array, headerEnd: number): number {
  let at = headerEnd + HEADER_END.length;
  if (bytes[at] === 13) at++;
  if (bytes[at] === 10) at++;
  return at;
}

/**
 * Pixels with data in the file. An aborted grid is shorter than announced: only whole pixels count.
 * Trailing pixels whose channel data are entirely NaN or entirely zero are treated as unwritten too
 * (a pre-allocated file); a NaN or zero pixel followed by measured ones is kept as written.
 */
function writtenPixels(view: DataView, layout: GridLayout): number {
  const announced = layout.pointsX * layout.pointsY;
  let written = Math.min(announced, Math.floor(view.byteLength / layout.pixelBytes));
  const channelStart = layout.parameters.length * 4;
  const values = layout.channels.length * layout.points;
  while (written > 0) {
    const base = (written - 1) * layout.pixelBytes + channelStart;
    let allNaN = true;
    let allZero = true;
    for (let i = 0; i < values && (allNaN || allZero); i++) {
      const v = view.getFloat32(base + i * 4);
      if (!Number.isNaN(v)) allNaN = false;
      if (v !== 0) allZero = false;
    }
    if (!allNaN && !allZero) break;
    written--;
  }
  return written;
}

/** Why a grid gives no I–V spectra, or null when it is a bias grid with a current channel. */
function gridNotIv(layout: GridLayout, currentQuantity: string | undefined): string | null {
  const sweep = parseColumnName(layout.sweepSignal);
  if (sweep.quantity === 'Z' && sweep.unit === 'm')
    return 'grid Z spectroscopy (sweep signal Z (m)), not an I–V sweep';
  if (!(sweep.unit === 'V' && /bias/i.test(sweep.quantity))) {
    return `grid sweep signal "${layout.sweepSignal}" is not the bias, so not an I–V sweep`;
  }
  if (currentQuantity === undefined) return 'bias grid without a current channel (no channel in A)';
  return null;
}

/** Parses a Nanonis .3ds grid. Throws ParseError on a missing `:HEADER_END:` or a bad layout. */
export function parseNanonis3ds(
  bytes: Uint8Array,
  _name: string,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  const headerEnd = indexOfBytes(bytes, HEADER_END);
  if (headerEnd === -1)
    throw new ParseError('missing-header-end', `no :HEADER_END: in ${bytes.length} bytes`);
  const entries = readGridEntries(latin1(bytes, 0, headerEnd));
  const header = firstWins(entries);
  const layout = gridLayout(header);
  if (layout.channels.length > limits.maxColumns) {
    overLimit('channels of the grid', layout.channels.length, limits.maxColumns);
  }
  const longestName = Math.max(0, ...layout.channels.map((channel) => channel.length));
  if (longestName > limits.maxChannelNameChars) {
    overLimit('characters in a channel name of the grid', longestName, limits.maxChannelNameChars);
  }
  const start = dataStart(bytes, headerEnd);
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, bytes.length - start);
  const written = writtenPixels(view, layout);

  const parsed = emptyParsedFile('nanonis-3ds', 'grid-spectroscopy');
  parsed.header = header;
  parsed.headerEntries = entries;
  parsed.acquiredAt = nanonisDateToIso(header['Start time']) ?? nanonisDateToIso(header['Date']);
  parsed.setpoint = setpointFromHeader(header);
  parsed.comment = header['Comment'] ?? '';
  parsed.grid = {
    pointsX: layout.pointsX,
    pointsY: layout.pointsY,
    pixelsWritten: written,
    frame: layout.frame,
    points: layout.points,
  };
  const channelParts = layout.channels.map((name) => ({ name, ...parseColumnName(name) }));
  const currentQuantity = pickCurrentQuantity(channelParts);
  parsed.notIv = gridNotIv(layout, currentQuantity);
  if (parsed.notIv === null && currentQuantity !== undefined) {
    // A grid too large for its pixels to be spectra rows (2²⁵ doubles = 256 MB) is still a grid:
    // the Grid view and its maps read the file itself. Its pixels keep what fits: their currents
    // without the other channels, or the forward currents only, or no rows at all.
    const plans = gridPixelPlans(layout, currentQuantity);
    const values = gridSpectraValues(plans, written, layout.points);
    const fitting = fittingPixelPlans(plans, written, layout.points, limits.maxSpectrumValues);
    const over = `${values} values (pixels x curves x points), over the limit of ${limits.maxSpectrumValues}`;
    if (fitting === null) {
      parsed.warnings.push(`pixel spectra not stored: ${over}; the Grid view and its maps read the file`);
    } else {
      if (fitting.leftOut !== null)
        parsed.warnings.push(
          `pixel spectra stored without ${fitting.leftOut}: ${over} with them; ` +
            'the Grid view and its maps read them from the file',
        );
      parsed.spectra = gridSpectra(view, layout, header, written, fitting.plans, limits.maxSpectrumValues);
    }
  }
  return parsed;
}
