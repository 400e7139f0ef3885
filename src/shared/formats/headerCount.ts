// A count a reader takes from a file's header (pixels, points, lines, channels): the one check and
// the one wording for every format, so a bad header reads the same whichever reader met it.
import { ParseError } from './types.ts';

/**
 * `value` when it is a whole number from 1 to `max`; otherwise a ParseError naming the header key
 * and what the file wrote there (`written`), e.g. `Points is "0", not a positive whole number`.
 */
export function headerCount(
  value: number,
  key: string,
  written: string | undefined,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  const bound = max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : '';
  throw new ParseError('bad-header', `${key} is "${written ?? ''}", not a positive whole number${bound}`);
}
