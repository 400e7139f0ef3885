// Reads a whole file into a buffer the parse worker reuses from file to file: a fresh Buffer per
// file (readFileSync) costs an allocation, its zeroing-free copy and the garbage collector's
// bookkeeping of one more external buffer, for bytes that are dead once the file's rows are built.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files up to this size are read into the reused buffer; a larger one gets a buffer of its own. */
const REUSED_MAX_BYTES = 8 << 20;

let reused = Buffer.allocUnsafeSlow(64 << 10);

/**
 * The file's bytes, read up to `expectedBytes` (the size the import's scan found: one fstat call
 * per file saved) or, when that is not given (0), the size fstat gives (as readFileSync does); to
 * the end for a file that reports no size. A file that grew since is read whole all the same (a
 * read that fills the buffer is followed by more); one that shrank ends at its first short read.
 * The view is valid until the next call: everything taken from it must be copied before then (the
 * parse worker builds a file's rows before reading the next file).
 */
export function readWhole(path: string, expectedBytes = 0): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = expectedBytes > 0 ? expectedBytes : fstatSync(fd).size;
    let buffer = reused;
    if (size + 1 > buffer.length) {
      buffer = Buffer.allocUnsafeSlow(size + 1);
      if (buffer.length <= REUSED_MAX_BYTES) reused = buffer;
    }
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // Grew since fstat, or a pseudo-file that reports size 0: double.
        const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
        bigger.set(buffer);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
      if (read === 0 || (size > 0 && length >= size)) break;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    closeSync(fd);
  }
}
