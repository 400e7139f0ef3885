// Version 10: each spectrum's quality findings of a run live in its spectrum_results row instead
// of one JSON list in analysis_runs.summary_json, so a run's summary stays small at 100k spectra
// and its per-spectrum rows (numbers and quality together) are read a page at a time.
// - in_gap_states_json, flags_json, flag_reasons_json: JSON arrays (bias V, height ÷ VB peak,
//   width V; flag names; one reason per flag);
// - excluded / exclusion_reason: left out of the group statistics, and why.
// Stored runs move their summary_json quality list into these columns.
import type { Database } from 'better-sqlite3';

interface StoredQuality {
  spectrumId: number;
  inGapStates?: unknown[];
  flags?: string[];
  flagReasons?: string[];
  excluded?: boolean;
  exclusionReason?: string | null;
}

export function updateToSchemaVersion10(db: Database): void {
  db.exec(`
    ALTER TABLE spectrum_results ADD COLUMN in_gap_states_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE spectrum_results ADD COLUMN flags_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE spectrum_results ADD COLUMN flag_reasons_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE spectrum_results ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1));
    ALTER TABLE spectrum_results ADD COLUMN exclusion_reason TEXT;
  `);
  const update = db.prepare(`UPDATE spectrum_results SET in_gap_states_json = @inGapStates,
    flags_json = @flags, flag_reasons_json = @flagReasons, excluded = @excluded,
    exclusion_reason = @exclusionReason WHERE run_id = @runId AND spectrum_id = @spectrumId`);
  const rewrite = db.prepare('UPDATE analysis_runs SET summary_json = ? WHERE id = ?');
  const runs = db.prepare('SELECT id, summary_json FROM analysis_runs').all() as Array<{
    id: number;
    summary_json: string;
  }>;
  for (const run of runs) {
    const { quality, ...summary } = JSON.parse(run.summary_json) as { quality?: StoredQuality[] };
    if (!quality) continue;
    for (const q of quality)
      update.run({
        runId: run.id,
        spectrumId: q.spectrumId,
        inGapStates: JSON.stringify(q.inGapStates ?? []),
        flags: JSON.stringify(q.flags ?? []),
        flagReasons: JSON.stringify(q.flagReasons ?? []),
        excluded: q.excluded ? 1 : 0,
        exclusionReason: q.exclusionReason ?? null,
      });
    rewrite.run(JSON.stringify(summary), run.id);
  }
}
