// Resource limits of the readers, in one place: a crafted file of a few hundred kilobytes must
// not make a reader allocate gigabytes. Each limit is a reader option with a default; going over
// one is a ParseError('limit') naming the quantity, the value and the limit.
import { ParseError, type FileFormat } from './types.ts';

export interface ReaderLimits {
  /** Largest file accepted per format, bytes (text formats far less than binary ones). */
  maxFileBytes: Partial<Record<FileFormat, number>>;
  /** Largest file of a format not listed in maxFileBytes, bytes. */
  defaultMaxFileBytes: number;
  /** Columns of a spectroscopy table, or channels of a grid. */
  maxColumns: number;
  /** Numbers (Float64) all spectra of one file may hold: bias, current and extra channels. */
  maxSpectrumValues: number;
  /** Pixels x planes of an image file (Float32 values). */
  maxImageValues: number;
  /** Longest line of a text format, characters. */
  maxLineChars: number;
  /**
   * Longest channel name, characters: every spectrum of a grid stores its channel names, so one
   * crafted megabyte name would be copied per pixel (found by bench:fuzz).
   */
  maxChannelNameChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  maxFileBytes: {
    // Text: a 10,000-point sweep with 20 channels is ~4 MB; 64 MB is ~2 M rows of 4 columns.
    'nanonis-dat': 64 * MB,
    'text-iv': 64 * MB,
    'createc-vert': 64 * MB,
  },
  // Binary images and grids: the largest real sessions' grids are a few hundred MB.
  defaultMaxFileBytes: 1024 * MB,
  maxColumns: 512,
  // 2^25 doubles = 256 MB.
  maxSpectrumValues: 1 << 25,
  // 2^25 float32 = 128 MB: eight 2048 x 2048 planes.
  maxImageValues: 1 << 25,
  maxLineChars: 1 * MB,
  maxChannelNameChars: 1024,
};

export function withDefaults(limits: Partial<ReaderLimits> = {}): ReaderLimits {
  return {
    ...DEFAULT_READER_LIMITS,
    ...limits,
    maxFileBytes: { ...DEFAULT_READER_LIMITS.maxFileBytes, ...limits.maxFileBytes },
  };
}

export function overLimit(what: string, value: number, limit: number): never {
  throw new ParseError('limit', `${what}: ${value}, over the limit of ${limit}`);
}

export function checkFileSize(format: FileFormat, bytes: number, limits: ReaderLimits): void {
  const limit = limits.maxFileBytes[format] ?? limits.defaultMaxFileBytes;
  if (bytes > limit) overLimit(`file size (bytes) for ${format}`, bytes, limit);
}

/**
 * Throws when a line of the text is longer than the limit; O(n) over the bytes. Hops a window of
 * `limit + 1` bytes at a time to the last line feed in it (one native search per window, not per
 * line): a window without one holds a line over the limit.
 */
export function checkLineLength(bytes: Uint8Array, limit: number): void {
  let start = 0;
  while (bytes.length - start > limit) {
    const lastFeed = bytes.lastIndexOf(10, start + limit);
    if (lastFeed < start) {
      const end = bytes.indexOf(10, start);
      overLimit('line length (characters)', (end === -1 ? bytes.length : end) - start, limit);
    }
    start = lastFeed + 1;
  }
}

const TEXT_FORMATS = new Set<FileFormat>(['nanonis-dat', 'text-iv', 'createc-vert']);

export function isTextFormat(format: FileFormat): boolean {
  return TEXT_FORMATS.has(format);
}

/** The bytes after a UTF-8 byte-order mark (EF BB BF), or the bytes themselves. */
export function stripBom(bytes: Uint8Array): Uint8Array {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    ? bytes.subarray(3)
    : bytes;
}
