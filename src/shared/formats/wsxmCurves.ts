// WSxM `IV curve file` (.cur, .iv.cur): I–V curves as text after the header. `General Info` gives
// `Number of lines` (curves), `Number of points` and the axes' units (`X axis unit: V`, `Y axis
// unit: nA`); each row holds, for every curve in turn, its x and y at that point:
// `x₁ y₁ x₂ y₂ …` (as Gwyddion's WSxM curve reader reads them, and as UAM's own STM software
// writes them: two lines, "there and back", `First Forward: Yes` in `Miscellaneous`). Two curves
// are a forward and a backward sweep (the first forward unless `First Forward: No`); any other
// number, sweeps 1, 2, … of one direction. The tip position and time are not in these files.
import { DEFAULT_READER_LIMITS, overLimit, type ReaderLimits } from './limits.ts';
import type { ChannelColumn, Direction, ParsedFile } from './types.ts';
import { ParseError } from './types.ts';
import { isCurrentUnit, isVoltageUnit, siUnit } from './units.ts';
import { latin1 } from './binary.ts';
import { parseNumberAt } from './numbers.ts';
import { positiveInteger, type WsxmHeader } from './wsxmHeader.ts';

/**
 * Whitespace-separated numbers of the text after the header (as many as `limit`, at most), x and y
 * in turn, each read in SI: parseNumberAt scales by 10^shift within the decimal parse (`1.5` nA is
 * exactly 1.5e-9 A, no second rounding).
 */
function numbersOf(text: string, limit: number, xShift: number, yShift: number): Float64Array {
  const values = new Float64Array(limit);
  let count = 0;
  const pattern = /\S+/g;
  for (let match = pattern.exec(text); match && count < limit; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    const value = parseNumberAt(text, match.index, end, count % 2 === 0 ? xShift : yShift);
    if (value === undefined)
      throw new ParseError('bad-number', `curve data: "${match[0].slice(0, 40)}" is not a number`);
    values[count++] = value;
  }
  return values.subarray(0, count);
}

/** `I[#y]` as WSxM writes an axis' text: the quantity without its placeholder. */
function axisQuantity(text: string | undefined, fallback: string): string {
  return (text ?? '').replace(/\[#[xy]\]/g, '').trim() || fallback;
}

/** The I–V sweeps of an `IV curve file`, into `parsed` (spectra, or notIv when the axes are not V and A). */
export function readIvCurves(
  bytes: Uint8Array,
  header: WsxmHeader,
  parsed: ParsedFile,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
): void {
  const values = parsed.header;
  const curves = positiveInteger(values, 'General Info>Number of lines');
  const points = positiveInteger(values, 'General Info>Number of points');
  if (2 * curves * points > limits.maxSpectrumValues)
    overLimit('curve values', 2 * curves * points, limits.maxSpectrumValues);
  const xWritten = (values['General Info>X axis unit'] ?? '').trim();
  const yWritten = (values['General Info>Y axis unit'] ?? '').trim();
  const xUnit = siUnit(xWritten);
  const yUnit = siUnit(yWritten);
  if (!isVoltageUnit(xUnit) || !isCurrentUnit(yUnit)) {
    parsed.kind = 'other';
    parsed.notIv = `WSxM IV curve file with axes in ${xWritten || 'no unit'} and ${yWritten || 'no unit'}, not a bias in V and a current in A`;
    return;
  }
  // A number takes at least two bytes of text ("0 "): a small file claiming many points does not
  // get the room for them.
  const room = Math.min(2 * curves * points, Math.floor((bytes.length - header.dataStart) / 2) + 1);
  const numbers = numbersOf(latin1(bytes, header.dataStart), room, xUnit!.exponent, yUnit!.exponent);
  const rows = Math.floor(numbers.length / (2 * curves));
  if (rows < 2)
    throw new ParseError('truncated', `curve data: ${rows} of ${points} points of ${curves} curves`);
  if (rows < points)
    parsed.warnings.push(
      `truncated: ${rows.toLocaleString('en-US')} of ${points.toLocaleString('en-US')} points`,
    );
  const firstForward = !/^no$/i.test((values['Miscellaneous>First Forward'] ?? '').trim());
  for (let c = 0; c < curves; c++) {
    const bias = new Float64Array(rows);
    const current = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      bias[i] = numbers[2 * (i * curves + c)]!;
      current[i] = numbers[2 * (i * curves + c) + 1]!;
    }
    const pair = curves === 2;
    const sweep = pair ? 1 : c + 1;
    const direction: Direction = pair && (c === 0) !== firstForward ? 'backward' : 'forward';
    const column = (quantity: string, unit: string, values: Float64Array): ChannelColumn => ({
      name: `${quantity} (${unit}) [curve ${c + 1}]`,
      quantity,
      unit,
      sweep,
      direction,
      filtered: false,
      values,
    });
    parsed.channels.push(
      column(axisQuantity(values['General Info>X axis text'], 'Bias'), 'V', bias),
      column(axisQuantity(values['General Info>Y axis text'], 'Current'), 'A', current),
    );
    parsed.spectra.push({
      sweep,
      isAverage: false,
      direction,
      bias: bias.slice(),
      current: current.slice(),
      extra: [],
      position: null,
      gridIndex: null,
    });
  }
}
