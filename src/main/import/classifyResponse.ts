// Turns a worker's parse response into what the library records: imported, skipped (not an
// instrument file we read, or content already in the library) or failed (a reader rejected it).
import type { FileIdentity, FileOutcome } from '../library/fileOutcome.ts';
import type { ParseResponse } from './parseMessages.ts';

/** Parse-error codes that mean "not ours to read", reported as skipped rather than failed. */
const SKIP_CODES = new Set(['unknown-format', 'unsupported-format']);

export function classifyResponse(
  file: FileIdentity,
  response: ParseResponse,
  duplicateOf: string | null,
): FileOutcome {
  if (!response.ok) {
    if (SKIP_CODES.has(response.code))
      return { status: 'skipped', file, reason: response.message, format: null };
    return { status: 'failed', file, error: response.message, format: null };
  }
  if (duplicateOf) {
    return {
      status: 'skipped',
      file,
      reason: `same content (sha256) as ${duplicateOf}, already in the library`,
      format: response.format,
    };
  }
  return { status: 'imported', file, rows: response.rows };
}
