// Runs in a worker_threads thread: reads one file, hashes it and parses it, so main's event loop
// never parses. It also builds the library rows (JSON, BLOB bytes), which go back transferred.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ParseError } from '../../shared/formats/types.ts';
import { parseFile } from '../../shared/formats/index.ts';
import { parseContextFor } from './parseContext.ts';
import type { ParseRequest, ParseResponse } from './parseMessages.ts';
import { blobBuffersOf, toFileRows } from '../library/fileRows.ts';

function handle(request: ParseRequest): { response: ParseResponse; transfer: ArrayBuffer[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(request.path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { response: { id: request.id, ok: false, sha256: '', code: 'unreadable', message }, transfer: [] };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const parsed = parseFile(
      request.name,
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      parseContextFor(request.path, request.name),
    );
    const rows = toFileRows(parsed);
    return {
      response: { id: request.id, ok: true, sha256, format: parsed.format, rows },
      transfer: blobBuffersOf(rows),
    };
  } catch (error) {
    const code = error instanceof ParseError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    return { response: { id: request.id, ok: false, sha256, code, message }, transfer: [] };
  }
}

parentPort?.on('message', (request: ParseRequest) => {
  const { response, transfer } = handle(request);
  parentPort?.postMessage(response, transfer);
});
