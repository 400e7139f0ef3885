// What the import decided for one file, ready to be written in a batch.
import type { ParsedFile } from '../../shared/formats/types.ts';

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
  | { status: 'imported'; file: FileIdentity; parsed: ParsedFile }
  | { status: 'skipped'; file: FileIdentity; reason: string; format: string | null }
  | { status: 'failed'; file: FileIdentity; error: string; format: string | null };
