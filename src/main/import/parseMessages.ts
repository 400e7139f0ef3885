// Messages between the import pool and its parse workers.
import type { ParsedFile } from '../../shared/formats/types.ts';

export interface ParseRequest {
  id: number;
  path: string;
  name: string;
}

export type ParseResponse =
  | { id: number; ok: true; sha256: string; parsed: ParsedFile }
  | { id: number; ok: false; sha256: string; code: string; message: string };

/** Every distinct buffer under a parse result, to transfer instead of copy. */
export function transferablesOf(parsed: ParsedFile): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: Float64Array | Float32Array): void => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const channel of parsed.channels) add(channel.values);
  for (const spectrum of parsed.spectra) {
    add(spectrum.bias);
    add(spectrum.current);
    for (const extra of spectrum.extra) add(extra.values);
  }
  for (const image of parsed.images) add(image.data);
  return [...buffers];
}
