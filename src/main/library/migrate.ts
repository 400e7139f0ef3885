// Runs the migrations this app knows, each in its own transaction, recording the version in
// PRAGMA user_version. A library written by a newer app is refused: opening it could corrupt it.
// Each step takes the write lock first (BEGIN IMMEDIATE) and re-reads the version inside it, so
// two processes opening a new library together never both create its tables.
import type { Database } from 'better-sqlite3';
import { updateToSchemaVersion1 } from './migrations/0001-initial.ts';
import { updateToSchemaVersion2 } from './migrations/0002-analysis-runs.ts';
import { updateToSchemaVersion3 } from './migrations/0003-nullable-frames-interrupted-runs.ts';
import { updateToSchemaVersion4 } from './migrations/0004-spectrum-exclusions.ts';
import { updateToSchemaVersion5 } from './migrations/0005-sessions.ts';
import { updateToSchemaVersion6 } from './migrations/0006-list-indexes.ts';
import { updateToSchemaVersion7 } from './migrations/0007-missing-files.ts';
import { updateToSchemaVersion8 } from './migrations/0008-classify-runs.ts';
import { updateToSchemaVersion9 } from './migrations/0009-grid-runs.ts';
import { updateToSchemaVersion10 } from './migrations/0010-spectrum-quality.ts';
import { updateToSchemaVersion11 } from './migrations/0011-files-import-run.ts';
import { updateToSchemaVersion12 } from './migrations/0012-group-curve-spread.ts';
import { updateToSchemaVersion13 } from './migrations/0013-series-edits.ts';
import { updateToSchemaVersion14 } from './migrations/0014-current-noise-raise.ts';

// Numbered as assigned to the parallel branches; the list stays in ascending order.
const MIGRATIONS: Array<(db: Database) => void> = [
  updateToSchemaVersion1,
  updateToSchemaVersion2,
  updateToSchemaVersion3,
  updateToSchemaVersion4,
  updateToSchemaVersion5,
  updateToSchemaVersion6,
  updateToSchemaVersion7,
  updateToSchemaVersion8,
  updateToSchemaVersion9,
  updateToSchemaVersion10,
  updateToSchemaVersion11,
  updateToSchemaVersion12,
  updateToSchemaVersion13,
  updateToSchemaVersion14,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class DatabaseTooNewError extends Error {
  constructor(path: string, found: number) {
    super(
      `${path} was written by a newer STS Workbench (schema version ${found}; this app knows up to ${SCHEMA_VERSION}). ` +
        'Update the app to open it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function getSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, path: string): void {
  const found = getSchemaVersion(db);
  if (found > SCHEMA_VERSION) throw new DatabaseTooNewError(path, found);
  if (found === SCHEMA_VERSION) return;
  // Table rebuilds (ALTER TABLE's "other changes") need foreign keys off outside the transaction;
  // each step checks them before it commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = found + 1; version <= SCHEMA_VERSION; version++) {
      const step = MIGRATIONS[version - 1];
      if (!step) throw new Error(`migration ${version} is missing`);
      db.transaction(() => {
        // Another process may have migrated while we waited for the lock.
        if (getSchemaVersion(db) >= version) return;
        step(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${version} broke ${broken.length} foreign keys`);
        db.pragma(`user_version = ${version}`);
      }).immediate();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
