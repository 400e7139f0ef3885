// One fuzz case: a seeded mutant of a real file through the reader (parseFile) and the import's
// write path (rows built, then written to a real library in its own savepoint). Runs in a worker.
import type { Database } from 'better-sqlite3';
import { mulberry32 } from '../../src/shared/analysis/random.ts';
import { ParseError, parseFile, type ParseContext } from '../../src/shared/formats/index.ts';
import { toFileRows } from '../../src/main/library/fileRows.ts';
import { createBatchWriter, type BatchWriter } from '../../src/main/library/writeFiles.ts';
import { mutate } from '../../src/testing/mutate.ts';

export interface FuzzFile {
  name: string;
  bytes: Uint8Array;
  context: ParseContext;
}

/** What became of one mutant. `bug` is any exception other than ParseError: the one outcome that must not occur. */
export type FuzzOutcome = 'stored' | 'refused-by-library' | 'parse-error' | 'bug';

export interface FuzzResult {
  index: number;
  outcome: FuzzOutcome;
  /** ParseError code, or the bug's message. */
  detail: string;
  file: string;
  what: string;
  /** Milliseconds for parse + rows + write. */
  ms: number;
}

/** The same seed and index give the same mutant of the same file, whatever worker runs it. */
export function caseRandom(seed: number, index: number): () => number {
  return mulberry32((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

export function runCase(
  files: readonly FuzzFile[],
  seed: number,
  index: number,
  write: BatchWriter,
): FuzzResult {
  const next = caseRandom(seed, index);
  const file = files[Math.floor(next() * files.length)];
  if (!file) throw new Error('no files to fuzz');
  const { bytes, what } = mutate(file.bytes, next, true);
  const start = performance.now();
  let outcome: FuzzOutcome;
  let detail: string;
  try {
    const parsed = parseFile(file.name, bytes, file.context);
    const refused = write([
      {
        status: 'imported',
        file: {
          path: `/fuzz/${index}/${file.name}`,
          name: file.name,
          size: bytes.length,
          mtimeMs: 0,
          sha256: `${index}`,
        },
        rows: toFileRows(parsed),
      },
    ]);
    outcome = refused.length > 0 ? 'refused-by-library' : 'stored';
    detail = refused[0]?.error ?? '';
  } catch (error) {
    outcome = error instanceof ParseError ? 'parse-error' : 'bug';
    detail = error instanceof ParseError ? error.code : String(error);
  }
  return { index, outcome, detail, file: file.name, what, ms: performance.now() - start };
}

export function batchWriterFor(db: Database): BatchWriter {
  return createBatchWriter(db, { importRunId: null, readerVersion: 'fuzz' });
}
