// Classifies the tip positions of a library from its topography images (the Z channel, forward
// scan, one per image file) and, when asked, stores the suggested labels, never over a label set
// by hand. Shared by the CLI; the numerics are src/shared/image/classifyImage.ts.
import type { Database } from 'better-sqlite3';
import { getImage, listSpectraInFrame } from '../../main/library/queries.ts';
import { setLabel } from '../../main/library/labels.ts';
import { classifyImage } from '../../shared/image/classifyImage.ts';
import type { ClassifyParams } from '../../shared/image/classifyParams.ts';
import type { SuggestedLabel } from '../../shared/image/classifyPositions.ts';
import type { SpectrumRow } from '../../shared/model/library.ts';

/** The JSON `sts-workbench classify --json` prints (metres, m²). */
export interface ClassifyReport {
  images: string[];
  particles: Array<{
    image: string;
    kind: 'core-only' | 'core-crown';
    centre: { x: number; y: number };
    area: number;
  }>;
  spectra: Array<{
    /** The file's name, as a labels CSV names it. */
    file: string;
    /** The spectrum: file name, sweep and direction. */
    name: string;
    sweep: number;
    label: SuggestedLabel | null;
    confidence: number;
  }>;
}

export interface ClassifyOutcome {
  report: ClassifyReport;
  /** Spectrum ids per suggested label, and the image each was read from (for --apply). */
  assignments: Array<{ spectrumId: number; label: SuggestedLabel; imageId: number; imageName: string }>;
}

/** Topography images: the Z channel's forward scan of each image file (backward when it has no forward). */
function topographyImages(db: Database, imageName: string | undefined): Array<{ id: number; name: string }> {
  const rows = db
    .prepare(
      `SELECT i.id AS id, f.name AS name, f.path AS path, i.direction AS direction FROM images i
      JOIN files f ON f.id = i.file_id WHERE lower(i.channel) = 'z' AND i.unit = 'm' ORDER BY f.path, i.idx`,
    )
    .all() as Array<{ id: number; name: string; path: string; direction: string }>;
  const byFile = new Map<string, { id: number; name: string; direction: string }>();
  for (const row of rows) {
    if (imageName !== undefined && row.name !== imageName && row.path !== imageName) continue;
    const known = byFile.get(row.path);
    if (!known || (known.direction !== 'forward' && row.direction === 'forward')) byFile.set(row.path, row);
  }
  return [...byFile.values()].map(({ id, name }) => ({ id, name }));
}

/** Positions shared by all sweeps of a file (and grid point): classified once, labelled together. */
function positionKey(row: SpectrumRow): string {
  return `${row.fileId}:${row.gridIndex ?? ''}`;
}

export function classifyLibrary(
  db: Database,
  imageName: string | undefined,
  params: ClassifyParams,
): ClassifyOutcome {
  const images = topographyImages(db, imageName);
  if (imageName !== undefined && images.length === 0)
    throw new Error(`no topography (Z channel) image named '${imageName}' in the library`);
  const report: ClassifyReport = { images: [], particles: [], spectra: [] };
  const assignments: ClassifyOutcome['assignments'] = [];
  const listed = new Set<number>();
  for (const image of images) {
    const { row, data } = getImage(db, image.id);
    const spectra = listSpectraInFrame(db, image.id).rows.filter((s) => !listed.has(s.id));
    const groups = new Map<string, SpectrumRow[]>();
    for (const spectrum of spectra) {
      const key = positionKey(spectrum);
      groups.set(key, [...(groups.get(key) ?? []), spectrum]);
    }
    const members = [...groups.values()];
    const positions = members.map((group) => {
      const first = group.find((s) => s.direction === 'forward') ?? (group[0] as SpectrumRow);
      return { x: first.x ?? Number.NaN, y: first.y ?? Number.NaN };
    });
    const result = classifyImage(
      { data, width: row.width, height: row.height },
      row.frame,
      positions,
      params,
    );
    report.images.push(image.name);
    for (const particle of result.particles) {
      report.particles.push({
        image: image.name,
        kind: particle.kind,
        centre: particle.centre,
        area: particle.area,
      });
    }
    members.forEach((group, k) => {
      const suggestion = result.suggestions[k]!;
      for (const spectrum of group) {
        listed.add(spectrum.id);
        report.spectra.push({
          file: spectrum.fileName,
          name: `${spectrum.fileName} sweep ${spectrum.sweep} ${spectrum.direction}`,
          sweep: spectrum.sweep,
          label: suggestion.label,
          confidence: suggestion.confidence,
        });
        if (suggestion.label !== null)
          assignments.push({
            spectrumId: spectrum.id,
            label: suggestion.label,
            imageId: image.id,
            imageName: image.name,
          });
      }
    });
  }
  return { report, assignments };
}

/**
 * Stores the suggested labels exactly as `core`, `crown-centre`, `crown-edge`, with the run that
 * made them (image and parameters). Spectra labelled by hand keep their label. Returns how many
 * spectra were labelled and how many hand labels were kept.
 */
export function applySuggestedLabels(
  db: Database,
  assignments: ClassifyOutcome['assignments'],
  params: ClassifyParams,
): { labelled: number; keptHand: number } {
  return db.transaction(() => {
    const handLabelled = db.prepare(
      'SELECT 1 FROM spectrum_labels WHERE spectrum_id = ? AND classify_run_id IS NULL',
    );
    const runs = new Map<number, number>();
    const insertRun = db.prepare(
      'INSERT INTO classify_runs (created_at, image_id, image_name, params_json) VALUES (?, ?, ?, ?)',
    );
    const markRun = db.prepare('UPDATE spectrum_labels SET classify_run_id = ? WHERE spectrum_id = ?');
    let labelled = 0;
    let keptHand = 0;
    for (const assignment of assignments) {
      if (handLabelled.get(assignment.spectrumId)) {
        keptHand++;
        continue;
      }
      let run = runs.get(assignment.imageId);
      if (run === undefined) {
        run = Number(
          insertRun.run(
            new Date().toISOString(),
            assignment.imageId,
            assignment.imageName,
            JSON.stringify(params),
          ).lastInsertRowid,
        );
        runs.set(assignment.imageId, run);
      }
      setLabel(db, [assignment.spectrumId], assignment.label);
      markRun.run(run, assignment.spectrumId);
      labelled++;
    }
    return { labelled, keptHand };
  })();
}
