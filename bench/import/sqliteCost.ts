// SQLite cost of the import's write, per file, by part: the same parsed bench session written into
// fresh libraries with one part changed at a time (no files index beyond the schema's, no spectra
// rows, empty BLOBs, one index dropped, ...). The main thread's write is the import's bound on
// 2 cores; this says which statement and which index it goes to. Minimum of RUNS passes.
//   node bench/import/sqliteCost.ts            (after npm run bench:import made the session)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { parseFile } from '../../src/shared/formats/index.ts';
import { BATCH, benchSessionFiles, RUNS } from './benchSession.ts';
import { BlobPacker } from '../../src/main/library/blobPacker.ts';
import { toFileRows } from '../../src/main/library/fileRows.ts';
import type { FileRows } from '../../src/main/library/fileRows.ts';
import type { FileOutcome } from '../../src/main/library/fileOutcome.ts';
import { createBatchWriter } from '../../src/main/library/writeFiles.ts';
import { openLibrary } from '../../src/main/library/openLibrary.ts';

const files = benchSessionFiles();

const packer = new BlobPacker();
const outcomes: FileOutcome[] = files.map((file) => {
  const bytes = readFileSync(file.path);
  const rows = toFileRows(parseFile(file.name, new Uint8Array(bytes)), packer);
  packer.drain();
  return {
    status: 'imported',
    file: {
      ...file,
      size: bytes.length,
      mtimeMs: 0,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    rows,
  };
});

interface Variant {
  name: string;
  setUp?: (db: Database) => void;
  rows?: (rows: FileRows) => FileRows;
  after?: (db: Database) => void;
}

const empty = new Uint8Array(0);
const variants: Variant[] = [
  { name: 'as the import writes' },
  { name: 'files rows only (no spectra)', rows: (rows) => ({ ...rows, spectra: [] }) },
  {
    name: 'empty curve BLOBs',
    rows: (rows) => ({ ...rows, spectra: rows.spectra.map((s) => ({ ...s, bias: empty, current: empty })) }),
  },
  {
    name: 'header_json and entries empty',
    rows: (rows) => ({ ...rows, file: { ...rows.file, header_json: '{}', header_entries_json: '[]' } }),
  },
  ...[
    'files_sha256',
    'files_acquired_at',
    'files_name',
    'files_import_run',
    'spectra_xy',
    'spectra_file_average',
    'spectra_averages',
  ].map((index): Variant => ({
    name: `without index ${index}`,
    setUp: (db) => db.exec(`DROP INDEX ${index}`),
  })),
  { name: 'foreign_keys off', setUp: (db) => db.pragma('foreign_keys = OFF') },
  { name: 'no autocheckpoint', setUp: (db) => db.pragma('wal_autocheckpoint = 0') },
  {
    name: 'no autocheckpoint, one at the end',
    setUp: (db) => db.pragma('wal_autocheckpoint = 0'),
    after: (db) => db.pragma('wal_checkpoint(TRUNCATE)'),
  },
  { name: 'synchronous off', setUp: (db) => db.pragma('synchronous = OFF') },
];

const best = new Map<string, number>();
for (let run = 0; run < RUNS; run++) {
  for (const variant of variants) {
    const dir = mkdtempSync(join(tmpdir(), 'sts-sqlite-cost-'));
    const db = openLibrary(join(dir, 'library.sqlite'));
    variant.setUp?.(db);
    const write = createBatchWriter(db, { importRunId: null, readerVersion: 'bench' });
    const written = variant.rows
      ? outcomes.map((o) => (o.status === 'imported' ? { ...o, rows: variant.rows!(o.rows) } : o))
      : outcomes;
    const t = performance.now();
    for (let i = 0; i < written.length; i += BATCH) write(written.slice(i, i + BATCH));
    variant.after?.(db);
    const ms = performance.now() - t;
    best.set(variant.name, Math.min(best.get(variant.name) ?? Infinity, ms));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`${files.length} files, SQLite write per file (min of ${RUNS} passes, batches of ${BATCH}):`);
for (const [name, ms] of best)
  console.log(`  ${name.padEnd(40)} ${((1000 * ms) / files.length).toFixed(1).padStart(7)} µs`);
