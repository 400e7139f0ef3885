// Decimal number parsing on slices of a string, without allocating a substring per cell.
// Files of spectra hold thousands of cells like `-132.523E-12`; parseFloat(slice) per cell costs
// an allocation each, so the common shapes take a fast path that is still correctly rounded.

/** Exact powers of ten: every 10^k with k <= 22 is representable as a double. */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/** Largest integer mantissa that is still exact in a double (2^53). */
const MAX_EXACT = 9007199254740992;

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_DOT = 46;
const CHAR_MINUS = 45;
const CHAR_PLUS = 43;
const CHAR_E_UPPER = 69;
const CHAR_E_LOWER = 101;
const CHAR_SPACE = 32;
const CHAR_TAB = 9;

function isBlank(code: number): boolean {
  return code === CHAR_SPACE || code === CHAR_TAB || code === 13;
}

/**
 * The number written in `text[start, end)`, surrounding blanks ignored. An empty cell and `NaN`
 * give NaN; `Inf`/`-Inf`/`Infinity` give infinities; anything else that is not a decimal number
 * gives `undefined`, so callers can report the bad cell. Plain `Number()` semantics otherwise,
 * except that hex, binary and underscore forms are refused. `shift` multiplies by 10^shift within the
 * decimal parse (unit prefixes: `-1.0293` nA with shift -9 is exactly `-1.0293e-9`, no second rounding).
 */
export function parseNumberAt(text: string, start: number, end: number, shift = 0): number | undefined {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;
  const fast = fastDecimal(text, start, end, shift);
  if (fast !== undefined) return fast;
  return slowNumber(text.slice(start, end), shift);
}

/**
 * Clinger's fast path: a mantissa below 2^53 scaled by 10^k with |k| <= 22 is a single correctly
 * rounded IEEE operation, so the result equals parseFloat's. Returns undefined when the text is not
 * in that simple shape (the caller then falls back to the general parser).
 */
function fastDecimal(text: string, start: number, end: number, shift: number): number | undefined {
  let i = start;
  let negative = false;
  let code = text.charCodeAt(i);
  if (code === CHAR_MINUS || code === CHAR_PLUS) {
    negative = code === CHAR_MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    code = text.charCodeAt(i);
    if (code >= CHAR_0 && code <= CHAR_9) {
      mantissa = mantissa * 10 + (code - CHAR_0);
      digits++;
      if (seenDot) fractionDigits++;
    } else if (code === CHAR_DOT && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  if (digits === 0 || mantissa >= MAX_EXACT) return undefined;
  let exponent = 0;
  if (i < end) {
    if (code !== CHAR_E_UPPER && code !== CHAR_E_LOWER) return undefined;
    i++;
    let expNegative = false;
    code = text.charCodeAt(i);
    if (code === CHAR_MINUS || code === CHAR_PLUS) {
      expNegative = code === CHAR_MINUS;
      i++;
    }
    const expStart = i;
    for (; i < end; i++) {
      code = text.charCodeAt(i);
      if (code < CHAR_0 || code > CHAR_9) return undefined;
      exponent = exponent * 10 + (code - CHAR_0);
      if (exponent > 400) return undefined;
    }
    if (i === expStart) return undefined;
    if (expNegative) exponent = -exponent;
  }
  const scale = exponent - fractionDigits + shift;
  let value: number;
  if (scale === 0) value = mantissa;
  else if (scale > 0 && scale <= 22) value = mantissa * (POW10[scale] as number);
  else if (scale < 0 && scale >= -22) value = mantissa / (POW10[-scale] as number);
  else return undefined;
  return negative ? -value : value;
}

/**
 * parseNumberAt for latin-1 bytes: the .dat data block is parsed straight from the file's bytes,
 * without decoding it into a string first (half the cost on large files). Same results.
 */
export function parseNumberInBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  while (start < end && isBlank(bytes[start] as number)) start++;
  while (end > start && isBlank(bytes[end - 1] as number)) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  let code = bytes[i] as number;
  if (code === CHAR_MINUS || code === CHAR_PLUS) {
    negative = code === CHAR_MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    code = bytes[i] as number;
    if (code >= CHAR_0 && code <= CHAR_9) {
      mantissa = mantissa * 10 + (code - CHAR_0);
      digits++;
      if (seenDot) fractionDigits++;
    } else if (code === CHAR_DOT && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  let exponent = 0;
  let simple = digits > 0 && mantissa < MAX_EXACT;
  if (simple && i < end) {
    if (code === CHAR_E_UPPER || code === CHAR_E_LOWER) {
      i++;
      let expNegative = false;
      code = bytes[i] as number;
      if (code === CHAR_MINUS || code === CHAR_PLUS) {
        expNegative = code === CHAR_MINUS;
        i++;
      }
      const expStart = i;
      for (; i < end; i++) {
        code = bytes[i] as number;
        if (code < CHAR_0 || code > CHAR_9 || exponent > 400) break;
        exponent = exponent * 10 + (code - CHAR_0);
      }
      if (i !== end || i === expStart) simple = false;
      if (expNegative) exponent = -exponent;
    } else {
      simple = false;
    }
  }
  const scale = exponent - fractionDigits;
  if (simple && scale >= -22 && scale <= 22) {
    const value =
      scale === 0
        ? mantissa
        : scale > 0
          ? mantissa * (POW10[scale] as number)
          : mantissa / (POW10[-scale] as number);
    return negative ? -value : value;
  }
  let cell = '';
  for (let k = start; k < end; k++) cell += String.fromCharCode(bytes[k] as number);
  return slowNumber(cell, 0);
}

// A Map, not an object literal: a cell reading `constructor` must not find Object's prototype.
const SPECIAL = new Map<string, number>([
  ['nan', NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

/** Decimal numbers in every other shape (long mantissas, big exponents), plus NaN/Inf words. */
function slowNumber(cell: string, shift: number): number | undefined {
  const special = SPECIAL.get(cell.toLowerCase());
  if (special !== undefined) return special;
  // Number() accepts '0x1F', '0b1', '' and whitespace; a decimal cell never needs those.
  // Unambiguous pattern (no `\d+\.?\d*`), so a long run of digits cannot backtrack quadratically.
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(cell);
  if (!match) return undefined;
  if (shift === 0) return Number(cell);
  return Number(`${match[1]}e${Number(match[2] ?? 0) + shift}`);
}

/** A whole string as a number, or NaN when it is not one (header values such as `N/A`). */
export function numberOrNaN(text: string | undefined): number {
  if (text === undefined) return NaN;
  const value = parseNumberAt(text, 0, text.length);
  return value === undefined ? NaN : value;
}

/** A header value as a finite number, or null when absent or not a number. */
export function finiteOrNull(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = numberOrNaN(text);
  return Number.isFinite(value) ? value : null;
}
