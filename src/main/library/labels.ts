// Labels mark tip-position categories (core, crown-centre, crown-edge or the user's own). One label
// per spectrum; setting a label replaces the previous one.
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope.ts';

/** Colours for the seed study's groups, and a cycle for user labels without a colour. */
const DEFAULT_COLOURS: Record<string, string> = {
  core: '#d62728',
  'crown-centre': '#1f77b4',
  'crown-edge': '#2ca02c',
};
const CYCLE = ['#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

function colourFor(db: Database, name: string): string {
  const known = DEFAULT_COLOURS[name];
  if (known) return known;
  const count = (db.prepare('SELECT count(*) AS n FROM labels').get() as { n: number }).n;
  return CYCLE[count % CYCLE.length] as string;
}

/** Sets (or with label null removes) the label of each spectrum; returns how many spectra changed. */
export function setLabel(
  db: Database,
  requestedIds: number[],
  label: string | null,
  colour?: string,
): number {
  // Each spectrum once: a repeated id changes nothing twice.
  const spectrumIds = [...new Set(requestedIds)];
  return db.transaction(() => {
    const known = db.prepare('SELECT id FROM spectra WHERE id = ?');
    for (const id of spectrumIds) {
      if (!known.get(id)) throw new ApiError('not-found', `no spectrum with id ${id}`);
    }
    const remove = db.prepare('DELETE FROM spectrum_labels WHERE spectrum_id = ?');
    if (label === null) {
      return spectrumIds.reduce((changed, id) => changed + remove.run(id).changes, 0);
    }
    let labelRow = db.prepare('SELECT id FROM labels WHERE name = ?').get(label) as
      { id: number } | undefined;
    if (!labelRow) {
      const inserted = db
        .prepare('INSERT INTO labels (name, colour) VALUES (?, ?)')
        .run(label, colour ?? colourFor(db, label));
      labelRow = { id: Number(inserted.lastInsertRowid) };
    } else if (colour) {
      db.prepare('UPDATE labels SET colour = ? WHERE id = ?').run(colour, labelRow.id);
    }
    const upsert = db.prepare(
      // A label set here is set by hand: it is no longer the classifier's (classify_run_id NULL).
      'INSERT INTO spectrum_labels (spectrum_id, label_id) VALUES (?, ?) ON CONFLICT (spectrum_id) DO UPDATE SET label_id = excluded.label_id, classify_run_id = NULL',
    );
    for (const id of spectrumIds) upsert.run(id, labelRow.id);
    return spectrumIds.length;
  })();
}
