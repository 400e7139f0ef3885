// Messages between the import pool and its parse workers. A parsed file travels as the rows the
// library will store (built in the worker), not as the parse result. Files go in batches: one
// message carries several requests, and one answer carries their responses with the BLOB bytes of
// all of them in a few transferred chunks (see BlobPacker), so per-message costs are paid per batch.
import type { FileFormat } from '../../shared/formats/types.ts';
import type { FileRows } from '../library/fileRows.ts';

export interface ParseRequest {
  id: number;
  path: string;
  name: string;
  /** File size in bytes as the scan found it (0 when unknown): the worker reads this much first. */
  bytes: number;
}

export type ParseResponse =
  | { id: number; ok: true; sha256: string; format: FileFormat; rows: FileRows }
  | { id: number; ok: false; sha256: string; code: string; message: string };

/** Main -> worker: files to read, in order, and BLOB chunks to reuse (transferred). */
export interface ParseBatch {
  requests: ParseRequest[];
  spareChunks?: ArrayBuffer[];
}

/** Worker -> main: one response per request of a batch, in the same order. */
export interface ParseBatchAnswer {
  responses: ParseResponse[];
}

/** Starts the message of a file recorded failed because its parse worker died (retried next import). */
export const CRASH_MESSAGE_PREFIX = 'the parse worker crashed';
