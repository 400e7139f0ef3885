// The app's one plot kit: round tick values (d3-array), SI prefixes and number formats
// (d3-format) for every axis, colour bar, scale bar and readout, uPlot or SVG. Values are in SI
// base units (m, A, V, A/V); text uses the typographic minus d3-format writes ("−").
import { tickStep, ticks } from 'd3-array';
import { format, formatPrefix, precisionFixed } from 'd3-format';

/** Units that read badly with a prefix ("mdeg", "k%") or are shown unprefixed by convention. */
export function takesPrefix(unit: string): boolean {
  return unit !== '' && unit !== 'deg' && unit !== '°' && unit !== '%' && unit !== 'eV';
}

/** Round values (1, 2 or 5 × 10^k apart) inside [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) return [];
  return ticks(lo, hi, Math.max(1, count)).map((t) => (t === 0 ? 0 : t));
}

/** A round length (1, 2 or 5 × 10^k) near `span` / `parts`: scale bars, m in and out. */
export function niceLength(span: number, parts = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 0;
  return tickStep(0, span, parts);
}

/** Decimal exponent of |value| (1.2e-9 → −9), exact for powers of ten. */
function decimalExponent(value: number): number {
  return Number(Math.abs(value).toExponential().split('e')[1]);
}

export interface SiPrefix {
  /** Data value (SI) per displayed unit: 1e-9 for "n". */
  factor: number;
  /** The prefix symbol ("n", "µ", "" …). */
  symbol: string;
}

/** The prefix d3-format gives `magnitude` (value in [1, 1000) of it), or none for `unit`. */
export function siPrefix(magnitude: number, unit = 'x'): SiPrefix {
  if (!takesPrefix(unit) || !Number.isFinite(magnitude) || magnitude === 0) return { factor: 1, symbol: '' };
  const exponent = Math.max(-24, Math.min(24, 3 * Math.floor(decimalExponent(magnitude) / 3)));
  const factor = 10 ** exponent;
  // d3 writes 10^exponent as "1" and its prefix symbol.
  return { factor, symbol: formatPrefix('.0', factor)(factor).slice(1) };
}

/** d3 formatters by specifier: d3 parses the specifier anew at every `format` call, and tables
 * write two values a row. */
const formatters = new Map<string, (value: number) => string>();

function formatOf(specifier: string): (value: number) => string {
  let formatter = formatters.get(specifier);
  if (!formatter) {
    formatter = format(specifier);
    formatters.set(specifier, formatter);
  }
  return formatter;
}

/** A number in SI units with its prefix: 1.2e-9, "A" → "1.2 nA"; "—" when not finite. */
export function formatSi(value: number | null | undefined, unit: string, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (!takesPrefix(unit)) return `${formatOf(`.${digits}~g`)(value)} ${unit}`.trim();
  const text = formatOf(`.${digits}~s`)(value);
  const match = /^(.*?\d)([^\d]*)$/.exec(text);
  const [number, symbol] = match ? [match[1], match[2]] : [text, ''];
  return `${number} ${symbol}${unit}`;
}

export interface AxisLabels {
  /** Tick text in display units, no unit: "−0.5". */
  labels: string[];
  /** The shared prefix, named once in the axis title: "(nA)". */
  prefix: SiPrefix;
}

/**
 * Decimals that write `step` (display units) exactly: d3's precisionFixed gives the decimals of
 * its leading digit (0.25 → 1), raised until the step reads back (0.25 → 2).
 */
function decimalsFor(rawStep: number): number {
  // A step divided by its prefix carries binary noise (1e-10 / 1e-9 = 0.09999999999999999).
  const step = Number(rawStep.toPrecision(12));
  let decimals = precisionFixed(step);
  while (decimals < 12 && Math.abs(Number(step.toFixed(decimals)) - step) > 1e-9 * step) decimals++;
  return decimals;
}

/** Tick text for `values` with one shared prefix and the decimals their step needs. */
export function axisLabels(values: number[], unit: string): AxisLabels {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const step = values.length > 1 ? Math.abs(values[1]! - values[0]!) : largest || 1;
  const prefix = siPrefix(largest, unit);
  const decimals = decimalsFor((step || 1) / prefix.factor);
  // formatPrefix (d3) scales by the prefix and appends its symbol, named once in the title instead.
  const write = prefix.symbol === '' ? format(`.${decimals}f`) : formatPrefix(`.${decimals}`, prefix.factor);
  return {
    labels: values.map((v) => write(v).slice(0, write(v).length - prefix.symbol.length)),
    prefix,
  };
}

/** An axis or colour-bar title over plain tick numbers: "Z (nm)"; the quantity alone without a unit. */
export function axisTitle(quantity: string, prefix: SiPrefix, unit: string): string {
  return unit ? `${quantity} (${prefix.symbol}${unit})` : quantity;
}

export interface ColourBarTick {
  /** SI value. */
  value: number;
  /** Plain number in the title's prefix and unit ("4.6"). */
  label: string;
  /** Position from the top (high end) of the bar, 0 … 1. */
  fraction: number;
}

/**
 * A colour bar's ticks (about `count` round values inside the range) and its title with the
 * prefix they share: range 0 … 4.6e-9 m of "Z" → ticks "0" … "4", title "Z (nm)". A constant
 * range gets one tick in the middle: −1.43e-8 m of "Z" → "−14.3", title "Z (nm), constant".
 */
export function colourBarTicks(
  range: { lo: number; hi: number },
  quantity: string,
  unit: string,
  count: number,
): { ticks: ColourBarTick[]; title: string } {
  const { lo, hi } = range;
  if (!(hi > lo)) {
    // One value: four significant digits (no tick spacing to round to), "constant" in the title so
    // the tick stays as narrow as a ranged bar's.
    const prefix = siPrefix(Math.abs(lo), unit);
    return {
      ticks: [{ value: lo, label: formatOf('.4~g')(lo / prefix.factor), fraction: 0.5 }],
      title: `${axisTitle(quantity, prefix, unit)}, constant`,
    };
  }
  const values = niceTicks(lo, hi, count);
  const { labels, prefix } = axisLabels(values, unit);
  return {
    ticks: values.map((value, i) => ({ value, label: labels[i] ?? '', fraction: (hi - value) / (hi - lo) })),
    title: axisTitle(quantity, prefix, unit),
  };
}
