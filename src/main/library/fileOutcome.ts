// What the import decided for one file, ready to be written in a batch.
import type { FileRows } from './fileRows.ts';

export interface FileIdentity {
  /** Absolute path. */
  path: string;
  name: string;
  /** Bytes. */
  size: number;
  mtimeMs: number;
  sha256: string;
}

export type FileOutcome =
  | { status: 'imported'; file: FileIdentity; rows: FileRows }
  | { status: 'skipped'; file: FileIdentity; reason: string; format: string | null }
  | { status: 'failed'; file: FileIdentity; error: string; format: string | null };
