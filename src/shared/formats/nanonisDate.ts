// Nanonis writes local times as `dd.mm.yyyy hh:mm:ss` (no zone); the contract wants ISO 8601.

const NANONIS_DATE = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;

function two(value: string): string {
  return value.padStart(2, '0');
}

/**
 * `dd.mm.yyyy hh:mm:ss` -> `yyyy-mm-ddThh:mm:ss`; a date without a time gets `00:00:00`.
 * Returns null for anything else, including impossible dates such as 31.02.
 */
export function nanonisDateToIso(text: string | undefined): string | null {
  if (text === undefined) return null;
  const match = NANONIS_DATE.exec(text);
  if (!match) return null;
  const [, day = '', month = '', year = '', hour = '0', minute = '00', second = '00'] = match;
  const d = Number(day);
  const m = Number(month);
  const h = Number(hour);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) return null;
  if (h > 23 || Number(minute) > 59 || Number(second) > 60) return null;
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${minute}:${second}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC avoids DST surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
