// Labels mark tip-position categories (core, crown-centre, crown-edge or the user's own). One label
// per spectrum; setting a label replaces the previous one. A label set by hand has no classify run;
// labels accepted from the classifier's suggestions record the run (image and parameters).
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope.ts';
import type { ClassifyParams } from '../../shared/image/classifyParams.ts';

/** Where suggested labels came from: the topography image classified and the settings used. */
export interface LabelProvenance {
  imageId: number;
  params: ClassifyParams;
}

/** Records one classification of an image; returns its classify run id. */
export function insertClassifyRun(db: Database, imageId: number, params: ClassifyParams): number {
  const image = db
    .prepare('SELECT f.name AS name FROM images i JOIN files f ON f.id = i.file_id WHERE i.id = ?')
    .get(imageId) as { name: string } | undefined;
  if (!image) throw new ApiError('not-found', `no image with id ${imageId}`);
  return Number(
    db
      .prepare(
        'INSERT INTO classify_runs (created_at, image_id, image_name, params_json) VALUES (?, ?, ?, ?)',
      )
      .run(new Date().toISOString(), imageId, image.name, JSON.stringify(params)).lastInsertRowid,
  );
}

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

/**
 * Sets (or with label null removes) the label of each spectrum; returns how many spectra changed.
 * With `classified`, the labels are the classifier's: one classify run records the image and its
 * parameters and each label points at it.
 */
export function setLabel(
  db: Database,
  requestedIds: number[],
  label: string | null,
  colour?: string,
  classified?: LabelProvenance,
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
    if (classified) {
      const run = insertClassifyRun(db, classified.imageId, classified.params);
      const mark = db.prepare('UPDATE spectrum_labels SET classify_run_id = ? WHERE spectrum_id = ?');
      for (const id of spectrumIds) mark.run(run, id);
    }
    return spectrumIds.length;
  })();
}
