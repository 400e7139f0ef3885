// Entry point of the format readers: detect the format, run its reader, and make sure nothing but
// a ParseError ever leaves (a reader bug becomes ParseError('reader-failed') naming the format).
import { DETECT_HEAD_BYTES, detectFormat } from './detect.ts';
import { parseCreatecDat } from './createcDat.ts';
import { parseCreatecVert } from './createcVert.ts';
import { parseNanonis3ds } from './nanonis3ds.ts';
import { parseNanonisDat } from './nanonisDat.ts';
import { parseNanonisSxm } from './nanonisSxm.ts';
import { parseGwyddion } from './gwyddion.ts';
import { parseOmicronMatrix } from './omicronMatrix.ts';
import { parseRhkSm4 } from './rhkSm4.ts';
import { checkFileSize, checkLineLength, isTextFormat, stripBom, withDefaults } from './limits.ts';
import type { ReaderLimits } from './limits.ts';
import type { CurveAllocator } from './spectrumColumns.ts';
import { formatInfo } from './supportedFormats.ts';
import { parseTextIv } from './textIv.ts';
import { parseWsxm } from './wsxm.ts';
import { ParseError, type FileFormat, type ParsedFile } from './types.ts';

export { DETECT_HEAD_BYTES, detectFormat } from './detect.ts';
export { SUPPORTED_FORMATS, type SupportedFormat } from './supportedFormats.ts';
export { ParseError } from './types.ts';
export { DEFAULT_READER_LIMITS, type ReaderLimits } from './limits.ts';
export { matrixMissingParameterReason, matrixParameterFileName } from './omicronMatrix.ts';

/** Files a reader needs besides the one it parses (found by the caller beside it). */
export interface ParseContext {
  /** The `<experiment>_0001.mtrx` beside a MATRIX data file; null or absent when there is none. */
  matrixParameterFile?: Uint8Array | null;
  /** Resource limits overriding DEFAULT_READER_LIMITS. */
  limits?: Partial<ReaderLimits>;
  /**
   * Makes the arrays of the spectrum records a Nanonis .dat yields (default: a fresh Float64Array
   * each, so each can be transferred on its own). The import's worker gives views into its BLOB
   * chunks: a curve is then copied once, from the table to the bytes the library stores.
   */
  allocateCurve?: CurveAllocator;
}

type Reader = (bytes: Uint8Array, name: string, context: ParseContext, limits: ReaderLimits) => ParsedFile;

const READERS: Partial<Record<FileFormat, Reader>> = {
  'nanonis-dat': (bytes, name, context, limits) =>
    parseNanonisDat(bytes, name, limits, context.allocateCurve),
  'nanonis-sxm': parseNanonisSxm,
  'nanonis-3ds': (bytes, name, _context, limits) => parseNanonis3ds(bytes, name, limits),
  'text-iv': parseTextIv,
  'rhk-sm4': parseRhkSm4,
  'omicron-matrix': (bytes, name, context) =>
    parseOmicronMatrix(bytes, name, context.matrixParameterFile ?? null),
  gwyddion: parseGwyddion,
  'createc-vert': parseCreatecVert,
  'createc-dat': (bytes, name, _context, limits) => parseCreatecDat(bytes, name, limits),
  wsxm: parseWsxm,
};

/**
 * Parses any supported file. Throws ParseError: `unknown-format` when the file is none we know,
 * `unsupported-format` when it is recognised but has no reader yet, else the reader's own code.
 */
export function parseFile(name: string, fileBytes: Uint8Array, context: ParseContext = {}): ParsedFile {
  const limits = withDefaults(context.limits);
  // A UTF-8 byte-order mark (Windows editors add one) is not part of any format.
  const bytes = stripBom(fileBytes);
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  const format = detectFormat(name, bytes.subarray(0, DETECT_HEAD_BYTES));
  if (format === null) {
    const dot = name.lastIndexOf('.');
    const ext = dot === -1 ? 'no extension' : name.slice(dot);
    throw new ParseError('unknown-format', `not a recognised STM/STS file (${ext}, no known signature)`);
  }
  const reader = READERS[format];
  if (!reader)
    throw new ParseError('unsupported-format', `${formatInfo(format).description} recognised; no reader yet`);
  checkFileSize(format, bytes.length, limits);
  if (isTextFormat(format)) checkLineLength(bytes, limits.maxLineChars);
  try {
    return reader(bytes, name, context, limits);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ParseError('reader-failed', `${formatInfo(format).description}: reader failed (${message})`);
  }
}
