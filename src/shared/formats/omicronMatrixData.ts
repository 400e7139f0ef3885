// An Omicron MATRIX data file (`*--<run>_<cycle>.<channel>_mtrx`): ONTMATRX0101, then a BKLT block
// (uint32 length, uint64 UTC seconds, 4 bytes) holding DESC (channel key, 12 bytes, points
// announced, points written, "SI32" …) and DATA (int32 DAC counts in acquisition order).
import { MatrixCursor } from './omicronMatrixCursor.ts';
import type { MatrixTransfer } from './omicronMatrixParameters.ts';
import { ParseError } from './types.ts';

export const MATRIX_MAGIC = 'ONTMATRX0101';

export interface MatrixDataFile {
  /** UTC seconds since 1970 when the file was written. */
  seconds: number;
  /** Channel key into the parameter file's tables (hex). */
  channelKey: string;
  announced: number;
  /** Points present: the smaller of DESC's written count and the DATA block's length. */
  written: number;
  /** The int32 counts as written. */
  counts: Int32Array;
}

/** Reads a data file's BKLT/DESC/DATA structure; refuses the parameter file with its own reason. */
export function readMatrixDataFile(bytes: Uint8Array): MatrixDataFile {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 12)) !== MATRIX_MAGIC) {
    throw new ParseError('bad-signature', `no ${MATRIX_MAGIC} signature`);
  }
  const file = new MatrixCursor(bytes, 12, bytes.length);
  const first = file.tag();
  if (first === 'ATEM') {
    throw new ParseError('unsupported-format', 'Omicron MATRIX parameter file (read with its data files)');
  }
  if (first !== 'TLKB') throw new ParseError('bad-header', `block "${first}" where a data file has BKLT`);
  file.skip(4);
  const low = file.u32();
  const seconds = low + file.u32() * 2 ** 32;
  file.skip(4);
  const desc = file.block();
  if (desc.tag !== 'CSED') throw new ParseError('bad-header', 'no DESC block after BKLT');
  const channelKey = desc.body.key();
  desc.body.skip(12);
  const announced = desc.body.u32();
  const writtenByDesc = desc.body.u32();
  if (file.tag() !== 'ATAD') throw new ParseError('bad-header', `no DATA block at byte ${file.at - 4}`);
  const dataBytes = Math.min(file.u32(), file.left);
  const written = Math.min(writtenByDesc, Math.floor(dataBytes / 4));
  const counts = new Int32Array(written);
  const view = new DataView(bytes.buffer, bytes.byteOffset + file.at, written * 4);
  for (let i = 0; i < written; i++) counts[i] = view.getInt32(4 * i, true);
  return { seconds, channelKey, announced, written, counts };
}

function numberParam(transfer: MatrixTransfer, name: string): number {
  const value = transfer.params[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParseError('bad-parameter-file', `${transfer.kind} has no numeric ${name}`);
  }
  return value;
}

/**
 * The physical value of a count. TFF_Linear1D: (raw − Offset) / Factor. TFF_MultiLinear1D:
 * (Raw_1 − PreOffset)·(raw − Offset) / (NeutralFactor·PreFactor) (pyMTRX, access2theMatrix).
 */
export function transferFunction(transfer: MatrixTransfer): (raw: number) => number {
  if (transfer.kind === 'TFF_Identity') return (raw) => raw;
  if (transfer.kind === 'TFF_Linear1D') {
    const offset = numberParam(transfer, 'Offset');
    const factor = numberParam(transfer, 'Factor');
    return (raw) => (raw - offset) / factor;
  }
  if (transfer.kind === 'TFF_MultiLinear1D') {
    const offset = numberParam(transfer, 'Offset');
    const scale =
      (numberParam(transfer, 'Raw_1') - numberParam(transfer, 'PreOffset')) /
      (numberParam(transfer, 'NeutralFactor') * numberParam(transfer, 'PreFactor'));
    return (raw) => (raw - offset) * scale;
  }
  throw new ParseError('unsupported-data', `transfer function ${transfer.kind} is not known`);
}
