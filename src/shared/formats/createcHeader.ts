// Createc header pieces shared by `.VERT` spectra and `.dat` images: latin-1 `key=value` lines
// (keys are often `internal / display`), DAC conversions, and the date in Createc file names.
import { latin1 } from './binary.ts';
import type { HeaderEntries } from './headerEntries.ts';
import { finiteOrNull } from './numbers.ts';

/** `key=value` lines of a header block; the first line (`[ParVERT30]` …) has no `=` and is skipped. */
export function createcEntries(bytes: Uint8Array, start: number, end: number): HeaderEntries {
  const entries: HeaderEntries = [];
  for (const line of latin1(bytes, start, end).split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    entries.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return entries;
}

/** A value by its key as written or by either half of an `internal / display` key; first wins. */
export function createcValue(entries: HeaderEntries, name: string): string | undefined {
  for (const [key, value] of entries) {
    if (key === name) return value;
    const slash = key.indexOf(' / ');
    if (slash !== -1 && (key.slice(0, slash) === name || key.slice(slash + 3) === name)) return value;
  }
  return undefined;
}

export function createcNumber(entries: HeaderEntries, ...names: string[]): number | null {
  for (const name of names) {
    const value = finiteOrNull(createcValue(entries, name));
    if (value !== null) return value;
  }
  return null;
}

/** DAC resolution in bits from `DAC-Type=20bit` (default 20, the only value seen). */
export function dacBits(entries: HeaderEntries): number {
  const match = /(\d+)/.exec(createcValue(entries, 'DAC-Type') ?? '');
  const bits = match ? Number(match[1]) : 20;
  return bits >= 8 && bits <= 32 ? bits : 20;
}

/**
 * Amperes per current DAC count: the ADC spans ±10 V (20 V over 2^bits counts), divided by the
 * preamplifier gain 10^GainPre V/A. Checked on A180201.151737.M0001.VERT: its first point (bias still
 * at the set-point, -50 mV) reads -5787.79 counts = -1.10e-10 A against `Current[A]=1.0E-10`.
 */
export function amperesPerCount(entries: HeaderEntries): number | null {
  const gain = createcNumber(entries, 'GainPre 10^', 'Gainpreamp');
  if (gain === null) return null;
  return 20 / 2 ** dacBits(entries) / 10 ** gain;
}

/** Acquisition time from a Createc file name `AYYMMDD.HHMMSS…` (the header holds no date), or null. */
export function createcNameToIso(name: string): string | null {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const m = /^A(\d{2})(\d{2})(\d{2})\.(\d{2})(\d{2})(\d{2})/.exec(base);
  if (!m) return null;
  const [, yy, mo, dd, hh, mi, ss] = m as unknown as string[];
  if (Number(mo) < 1 || Number(mo) > 12 || Number(dd) < 1 || Number(dd) > 31 || Number(hh) > 23) return null;
  return `20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}`;
}
