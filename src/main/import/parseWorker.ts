// Runs in a worker_threads thread: reads files, hashes and parses them, so main's event loop never
// parses. It also builds the library rows (JSON, BLOB bytes), which go back in one message per
// batch with the BLOB chunks transferred; a .dat's curves are written by the parser straight into
// those chunks (BlobPacker.curve), so each is copied once from its table. A file's bytes live in a buffer reused for the next file
// (readWhole): every value taken from them is copied into the rows before the next read. Until its
// first batch arrives, the worker warms its code up on a synthetic file (warmUp.ts).
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { ParseError } from '../../shared/formats/types.ts';
import { parseFile } from '../../shared/formats/index.ts';
import { parseContextFor } from './parseContext.ts';
import type { ParseBatch, ParseBatchAnswer, ParseRequest, ParseResponse } from './parseMessages.ts';
import { toFileRows } from '../library/fileRows.ts';
import { BlobPacker } from '../library/blobPacker.ts';
import { readWhole } from './readWhole.ts';
import { startWarmUp, warmUpFileBytes } from './warmUp.ts';

const packer = new BlobPacker();

function handle(request: ParseRequest): ParseResponse {
  let bytes: Uint8Array;
  try {
    bytes = readWhole(request.path, request.bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, sha256: '', code: 'unreadable', message };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const context = { ...parseContextFor(request.path, request.name), allocateCurve: packer.curve };
    const parsed = parseFile(request.name, bytes, context);
    return { id: request.id, ok: true, sha256, format: parsed.format, rows: toFileRows(parsed, packer) };
  } catch (error) {
    const code = error instanceof ParseError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, sha256, code, message };
  }
}

/** The same steps as handle() on an in-memory file, its rows dropped (a packer of its own). */
function warmUpWith(bytes: Uint8Array): () => void {
  const warmUpPacker = new BlobPacker();
  return () => {
    createHash('sha256').update(bytes).digest('hex');
    toFileRows(parseFile('warm-up.dat', bytes, { allocateCurve: warmUpPacker.curve }), warmUpPacker);
    warmUpPacker.reuse(warmUpPacker.drain());
  };
}

const warmUp = startWarmUp(warmUpWith(warmUpFileBytes()));

parentPort?.on('message', ({ requests, spareChunks }: ParseBatch) => {
  warmUp.stop();
  if (spareChunks) packer.reuse(spareChunks);
  const answer: ParseBatchAnswer = { responses: requests.map(handle) };
  parentPort?.postMessage(answer, packer.drain());
});
