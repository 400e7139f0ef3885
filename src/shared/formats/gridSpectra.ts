// I–V spectra of a bias grid (.3ds): one SpectrumRecord per written pixel and direction, read
// straight from the big-endian float32 pixel blocks into views of one Float64Array.
import { parseColumnName } from './columnName.ts';
import type { GridLayout } from './gridHeader.ts';
import { DEFAULT_READER_LIMITS, overLimit } from './limits.ts';
import { planSpectra, type RecordPlan } from './spectrumColumns.ts';
import type { Position, SpectrumRecord } from './types.ts';

function headerNumber(header: Record<string, string>, key: string): number {
  const value = Number((header[key] ?? '').trim());
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Parameters are float32, so 0.2 V reads back as 0.20000000298. When the header states the same
 * value in decimal (it rounds to the same float32), the header's exact value is used instead.
 */
function exactIfSame(stored: number, decimal: number): number {
  return Number.isFinite(decimal) && Math.fround(decimal) === stored ? decimal : stored;
}

/** Evenly spaced bias from start to end (both exact), reversed for a backward record. */
function fillLinspace(out: Float64Array, start: number, end: number, backward: boolean): void {
  const count = out.length;
  const step = count > 1 ? (end - start) / (count - 1) : 0;
  for (let i = 0; i < count; i++)
    out[backward ? count - 1 - i : i] = i === count - 1 ? end : start + step * i;
}

/** The grid's channels and the spectra a pixel gives: one plan per current channel, with its extras. */
export interface PixelPlans {
  parts: Array<{ name: string } & ReturnType<typeof parseColumnName>>;
  plans: RecordPlan[];
}

export function gridPixelPlans(layout: GridLayout, currentQuantity: string): PixelPlans {
  const parts = layout.channels.map((name) => ({ name, ...parseColumnName(name) }));
  return { parts, plans: planSpectra(parts, -1, currentQuantity) };
}

/** Numbers (Float64) the spectra of the first `written` pixels hold: pixels × curves × points. */
export function gridSpectraValues({ plans }: PixelPlans, written: number, points: number): number {
  return written * plans.reduce((sum, plan) => sum + 2 + plan.extras.length, 0) * points;
}

/**
 * The pixel spectra a grid can keep within `maxValues`, widest first: every record with its other
 * channels; then the currents alone (forward and backward); then the forward currents alone. A
 * grid of 128 × 128 pixels × 1,024 points with lock-in X/Y both ways is 168 M values whole, 34 M
 * with its currents alone and 17 M forward: its pixels can still be labelled and analysed. Null
 * when not even that fits (the Grid view and its maps read the file). `leftOut` says what was left
 * out, for the file's warning.
 */
export function fittingPixelPlans(
  pixelPlans: PixelPlans,
  written: number,
  points: number,
  maxValues: number,
): { plans: PixelPlans; leftOut: string | null } | null {
  const currentsOnly = { ...pixelPlans, plans: pixelPlans.plans.map((plan) => ({ ...plan, extras: [] })) };
  const forwardOnly = {
    ...currentsOnly,
    plans: currentsOnly.plans.filter((plan) => plan.direction !== 'backward'),
  };
  const extras = new Set(pixelPlans.plans.flatMap((plan) => plan.extras));
  const extraNames = [...extras].map((i) => pixelPlans.parts[i]?.name ?? '').join(', ');
  const tiers: Array<[PixelPlans, string | null]> = [
    [pixelPlans, null],
    [currentsOnly, `their other channels (${extraNames})`],
    [
      forwardOnly,
      extras.size > 0 ? `their backward sweeps and other channels (${extraNames})` : 'their backward sweeps',
    ],
  ];
  for (const [plans, leftOut] of tiers) {
    if (plans.plans.length > 0 && gridSpectraValues(plans, written, points) <= maxValues)
      return { plans, leftOut };
  }
  return null;
}

/**
 * Spectra of the first `written` pixels. Each pixel's bias axis runs from its own Sweep Start to
 * Sweep End parameters (the header's values when those are absent); its position is its X/Y/Z
 * parameters. Backward channels are stored against the forward axis, so backward records are
 * reversed into acquisition order, as in the .dat reader.
 *
 * Every curve is a distinct subarray of one Float64Array: one allocation instead of thousands.
 */
export function gridSpectra(
  view: DataView,
  layout: GridLayout,
  header: Record<string, string>,
  written: number,
  pixelPlans: PixelPlans,
  maxValues = DEFAULT_READER_LIMITS.maxSpectrumValues,
): SpectrumRecord[] {
  const { parts, plans } = pixelPlans;
  const points = layout.points;
  const values = gridSpectraValues(pixelPlans, written, points);
  if (values > maxValues) overLimit('values in all spectra (pixels x curves x points)', values, maxValues);
  const store = new Float64Array(values);
  let used = 0;
  const take = (): Float64Array => store.subarray(used, (used += points));

  const param = (name: string): number => layout.parameters.indexOf(name);
  const [iStart, iEnd, iX, iY, iZ] = ['Sweep Start', 'Sweep End', 'X (m)', 'Y (m)', 'Z (m)'].map(param) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const headerStart = headerNumber(header, 'Bias Spectroscopy>Sweep Start (V)');
  const headerEnd = headerNumber(header, 'Bias Spectroscopy>Sweep End (V)');
  const channelBytes = points * 4;
  const spectra: SpectrumRecord[] = [];

  for (let pixel = 0; pixel < written; pixel++) {
    const base = pixel * layout.pixelBytes;
    const at = (index: number): number => (index < 0 ? NaN : view.getFloat32(base + index * 4));
    const start = iStart < 0 ? headerStart : exactIfSame(at(iStart), headerStart);
    const end = iEnd < 0 ? headerEnd : exactIfSame(at(iEnd), headerEnd);
    const x = at(iX);
    const y = at(iY);
    const z = at(iZ);
    const position: Position | null =
      Number.isFinite(x) && Number.isFinite(y) ? { x, y, z: Number.isFinite(z) ? z : null } : null;
    const channelBase = base + layout.parameters.length * 4;
    const read = (channel: number, backward: boolean): Float64Array => {
      const out = take();
      const offset = channelBase + channel * channelBytes;
      if (backward) for (let i = 0; i < points; i++) out[points - 1 - i] = view.getFloat32(offset + i * 4);
      else for (let i = 0; i < points; i++) out[i] = view.getFloat32(offset + i * 4);
      return out;
    };
    for (const plan of plans) {
      const backward = plan.direction === 'backward';
      const bias = take();
      fillLinspace(bias, start, end, backward);
      spectra.push({
        sweep: plan.sweep,
        isAverage: plan.isAverage,
        direction: plan.direction,
        bias,
        current: read(plan.current, backward),
        extra: plan.extras.map((i) => ({
          name: parts[i]?.name ?? '',
          unit: parts[i]?.unit ?? '',
          values: read(i, backward),
        })),
        position,
        gridIndex: pixel,
      });
    }
  }
  return spectra;
}
