// What a reader needs besides the file it parses, found beside that file on disk.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { matrixParameterFileName, type ParseContext } from '../../shared/formats/index.ts';

/**
 * Files a reader needs besides the one it parses: a MATRIX data file's `<experiment>_0001.mtrx` in
 * the same folder (null when it is not there, which the reader reports).
 */
export function parseContextFor(path: string, name: string): ParseContext {
  const parameterName = matrixParameterFileName(name);
  if (parameterName === null) return {};
  try {
    const bytes = readFileSync(join(dirname(path), parameterName));
    return { matrixParameterFile: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch {
    return { matrixParameterFile: null };
  }
}
