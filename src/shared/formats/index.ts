// TEMPORARY (lead's local test shim; the formats owner writes the real one)
import { parseNanonisDat } from './nanonisDat.ts';
import { parseNanonisSxm } from './nanonisSxm.ts';
import { parseNanonis3ds } from './nanonis3ds.ts';
import { ParseError } from './types.ts';
import type { ParsedFile } from './types.ts';
export function parseFile(name: string, bytes: Uint8Array): ParsedFile {
  const lower = name.toLowerCase();
  if (lower.endsWith('.dat') && new TextDecoder('latin1').decode(bytes.subarray(0, 11)) === 'Experiment\t')
    return parseNanonisDat(bytes, name);
  if (lower.endsWith('.sxm')) return parseNanonisSxm(bytes, name);
  if (lower.endsWith('.3ds')) return parseNanonis3ds(bytes, name);
  throw new ParseError('unknown-format', 'not a file format STS Workbench reads');
}
