// SI-prefixed numbers for axes and tables: 1.2e-9 A -> "1.2 nA".
const PREFIXES: Array<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
  [1e-15, 'f'],
];

/** The prefix (factor, symbol) that brings `magnitude` into [1, 1000). */
export function siPrefixFor(magnitude: number): [number, string] {
  const abs = Math.abs(magnitude);
  if (!Number.isFinite(abs) || abs === 0) return [1, ''];
  for (const entry of PREFIXES) if (abs >= entry[0] * 0.9995) return entry;
  return PREFIXES[PREFIXES.length - 1] as [number, string];
}

export function formatSi(value: number | null | undefined, unit: string, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const [factor, symbol] = siPrefixFor(value);
  return `${Number((value / factor).toPrecision(digits))} ${symbol}${unit}`;
}

/** Formats every tick of an axis with one shared prefix, chosen from the largest tick. */
export function siTicks(values: number[], unit: string): string[] {
  const largest = values.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  const [factor, symbol] = siPrefixFor(largest);
  return values.map((v) => `${Number((v / factor).toPrecision(4))} ${symbol}${unit}`);
}
