// Reads a labels table for importLabels, which any API caller can point at any path: only a
// regular file named .csv/.tsv/.txt, under a size limit, opened without blocking (a FIFO or device
// is refused, never waited on). Files that cannot be read all get one message, so the answer does
// not tell which paths exist.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ApiError } from '../../shared/api/envelope.ts';

/** Largest labels table read, bytes: a table of 100,000 files is ~5 MB. */
export const MAX_LABELS_FILE_BYTES = 16 * 1024 * 1024;
const LABEL_TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export function readLabelsFile(path: string, maxBytes = MAX_LABELS_FILE_BYTES): string {
  const absolute = resolve(path);
  if (!LABEL_TABLE_EXTENSIONS.has(extname(absolute).toLowerCase())) {
    throw new ApiError('invalid-input', `labels file ${absolute}: expected a .csv, .tsv or .txt table`);
  }
  const unreadable = new ApiError(
    'unreadable',
    `cannot read labels file ${absolute}: not a readable regular file`,
  );
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw unreadable;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw unreadable;
    if (stats.size > maxBytes) {
      throw new ApiError(
        'too-large',
        `labels file ${absolute} is ${stats.size} bytes, over the ${maxBytes}-byte limit`,
      );
    }
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unreadable;
  } finally {
    closeSync(fd);
  }
}
