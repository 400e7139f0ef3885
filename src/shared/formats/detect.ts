// Which format a file is, from its first bytes (magic strings) and, where the bytes are plain
// text, its extension. Magic wins over extension: Nanonis and Createc both write `.dat`.
import { indexOfBytes, latin1, asciiBytes } from './binary.ts';
import { isCommentLine, sniffDialect, splitLines } from './textTable.ts';
import type { FileFormat } from './types.ts';

/** Bytes of the file's start that detection looks at; callers should pass at least this many. */
export const DETECT_HEAD_BYTES = 65536;

const RHK_MAGIC = new Uint8Array([...'STiMage'].flatMap((c) => [c.charCodeAt(0), 0]));
const TEXT_EXTENSIONS = new Set(['.txt', '.csv', '.tsv', '.asc', '.dat']);

function startsWith(head: Uint8Array, text: string, at = 0): boolean {
  if (head.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (head[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

/** Offset after a UTF-8 byte-order mark, if any. */
function bomLength(head: Uint8Array): number {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/**
 * A text table: no NUL bytes, and either a row of two or more numbers in the head or (a long
 * comment block such as SPIP's parameter dump fills the head) nothing but comments so far.
 */
function looksLikeTextTable(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  const lines = splitLines(latin1(head)).map((line) => line.text);
  if (head.length >= DETECT_HEAD_BYTES) lines.pop(); // the last line may be cut
  const content = lines.filter((line) => line.trim() !== '' && !isCommentLine(line));
  if (content.length === 0) return lines.some((line) => isCommentLine(line));
  return sniffDialect(content.slice(0, 200)) !== null;
}

/** The format of a file from its name and first bytes, or null when it is none we know. */
export function detectFormat(name: string, head: Uint8Array): FileFormat | null {
  const at = bomLength(head);
  if (startsWith(head, 'Experiment\t', at)) return 'nanonis-dat';
  if (startsWith(head, ':NANONIS_VERSION:', at)) return 'nanonis-sxm';
  if (startsWith(head, 'Grid dim=', at)) return 'nanonis-3ds';
  if (startsWith(head, '[ParVERT', at)) return 'createc-vert';
  if (startsWith(head, '[Paramco32]', at) || startsWith(head, '[Parameter]', at)) return 'createc-dat';
  if (startsWith(head, 'ONTMATRX')) return 'omicron-matrix';
  if (startsWith(head, 'GWYP') || startsWith(head, 'GWYO') || startsWith(head, 'GWYQ')) return 'gwyddion';
  if (startsWith(head, 'WSxM file copyright', at)) return 'wsxm';
  // RHK SM4: a 2-byte header size, then the UTF-16LE signature "STiMage".
  if (indexOfBytes(head, RHK_MAGIC, 2, 2 + RHK_MAGIC.length) === 2) return 'rhk-sm4';

  const ext = extensionOf(name);
  // A .3ds whose first key is not Grid dim (order is not guaranteed by any spec).
  if (ext === '.3ds' && indexOfBytes(head, asciiBytes('Grid dim=')) !== -1) return 'nanonis-3ds';
  if (ext === '.mtrx' || name.toLowerCase().endsWith('_mtrx')) return 'omicron-matrix';
  if (TEXT_EXTENSIONS.has(ext) && looksLikeTextTable(head.subarray(at))) return 'text-iv';
  return null;
}
