// Per-stage cost of importing the bench session, in one thread, stage by stage, so each figure is
// the CPU one stage takes per file (no pool, no overlap): read, sha256, parse, library rows (BLOB
// bytes), the structured clone a worker's answer costs, and the SQLite write. Prints microseconds per
// file, the minimum over RUNS passes (the least disturbed by other load on a shared machine).
//   node bench/import/stages.ts            (after npm run bench:import made the session)
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { parseFile } from '../../src/shared/formats/index.ts';
import { BATCH, benchSessionFiles, RUNS } from './benchSession.ts';
import type { ParsedFile } from '../../src/shared/formats/types.ts';
import { BlobPacker } from '../../src/main/library/blobPacker.ts';
import { toFileRows, type FileRows } from '../../src/main/library/fileRows.ts';
import type { FileOutcome } from '../../src/main/library/fileOutcome.ts';
import { createBatchWriter } from '../../src/main/library/writeFiles.ts';
import { openLibrary } from '../../src/main/library/openLibrary.ts';

const files = benchSessionFiles();

const best = new Map<string, number>();
function record(stage: string, ms: number): void {
  best.set(stage, Math.min(best.get(stage) ?? Infinity, ms));
}

for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  const bytes = files.map((file) => readFileSync(file.path));
  record('read (readFileSync)', performance.now() - t);

  t = performance.now();
  const hashes = bytes.map((b) => createHash('sha256').update(b).digest('hex'));
  record('sha256', performance.now() - t);

  // As the parse worker does: the parser writes the curves into the packer's chunks (no copy
  // in toFileRows), which are drained (transferred) only once the rows are built.
  const packer = new BlobPacker();
  t = performance.now();
  const parsed: ParsedFile[] = bytes.map((b, i) =>
    parseFile(files[i]!.name, new Uint8Array(b.buffer, b.byteOffset, b.byteLength), {
      allocateCurve: packer.curve,
    }),
  );
  record('parse (parseFile, curves into BLOB chunks)', performance.now() - t);

  t = performance.now();
  const rows: FileRows[] = parsed.map((p) => toFileRows(p, packer));
  packer.drain();
  record('rows + BLOB bytes (toFileRows)', performance.now() - t);

  // What postMessage does to a batch answer besides moving the chunks: serialise and deserialise.
  t = performance.now();
  for (let i = 0; i < rows.length; i += 16) deserialize(serialize({ responses: rows.slice(i, i + 16) }));
  record('structured clone (v8 serialize+deserialize)', performance.now() - t);

  const dir = mkdtempSync(join(tmpdir(), 'sts-stages-'));
  const db = openLibrary(join(dir, 'library.sqlite'));
  const write = createBatchWriter(db, { importRunId: null, readerVersion: 'bench' });
  const outcomes: FileOutcome[] = rows.map((r, i) => ({
    status: 'imported',
    file: {
      path: files[i]!.path,
      name: files[i]!.name,
      size: bytes[i]!.length,
      mtimeMs: 0,
      sha256: hashes[i]!,
    },
    rows: r,
  }));
  t = performance.now();
  for (let i = 0; i < outcomes.length; i += BATCH) write(outcomes.slice(i, i + BATCH));
  record(`SQLite write (batches of ${BATCH})`, performance.now() - t);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`${files.length} files, per file (min of ${RUNS} passes, one thread):`);
let total = 0;
for (const [stage, ms] of best) {
  total += ms;
  console.log(`  ${stage.padEnd(46)} ${((1000 * ms) / files.length).toFixed(1).padStart(7)} µs`);
}
console.log(`  ${'total'.padEnd(46)} ${((1000 * total) / files.length).toFixed(1).padStart(7)} µs`);
