// Version 12: each stored group average keeps its members' spread, the point-wise std of each
// member's own dI/dV and normalised conductance (memberSpread in src/shared/analysis/groupAverage.ts),
// as little-endian Float64 BLOBs like the other curves. The Spectra view shades it without loading
// a single sweep. Runs stored before have none (NULL): the view computes it from the sweeps.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion12(db: Database): void {
  db.exec(`
    ALTER TABLE analysis_group_curves ADD COLUMN didv_std BLOB;
    ALTER TABLE analysis_group_curves ADD COLUMN normalised_std BLOB;
  `);
}
