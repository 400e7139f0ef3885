// Quality flags of the sweeps a watched folder just brought, found by the analysis pipeline itself
// (src/shared/analysis, in the renderer's view worker) with the default recipe, so a notice can
// say "sweep 2 fwd: saturated" while the user is still at the instrument. Only the flags a sweep
// has on its own: 'outlier' compares a sweep with its group and 'no-gap' is a finding, not a defect.
import type { PipelineSpectrum, QualityFlag } from '../../../shared/analysis/index.ts';
import type { Direction } from '../../../shared/formats/types.ts';
import { getApi } from '../api.ts';
import { queryClient, queryKeys } from '../data/queryClient.ts';
import { viewPool } from '../lib/viewPool.ts';

/** Flags a single sweep carries whatever its group: the measurement's own defects. */
const SWEEP_FLAGS: ReadonlySet<QualityFlag> = new Set<QualityFlag>([
  'saturated',
  'tip-change',
  'too-few-points',
]);

export interface FlaggedSweep {
  sweep: number;
  direction: Direction;
  /** Pixel of a grid file, else null. */
  gridIndex: number | null;
  flags: QualityFlag[];
  /** The reason of each flag (same order). */
  reasons: string[];
}

/** The watched file at `path` (named `name`) as the library lists it, or null. */
async function fileIdOf(path: string, name: string): Promise<number | null> {
  const page = await getApi().listFiles({ text: name, limit: 50 });
  return page.rows.find((row) => row.path === path)?.id ?? null;
}

/** Its sweeps that carry a flag of their own, in file order. */
export async function flaggedSweepsOf(path: string, name: string): Promise<FlaggedSweep[]> {
  const fileId = await fileIdOf(path, name);
  if (fileId === null) throw new Error(`${path} is not in the library`);
  const { rows } = await getApi().listSpectra({ fileId, limit: 500 });
  const spectra: Array<PipelineSpectrum<number>> = await Promise.all(
    rows.map(async (row) => {
      const curves = await queryClient.fetchQuery({
        queryKey: queryKeys.spectrum(row.id),
        queryFn: () => getApi().getSpectrum({ id: row.id }),
      });
      return {
        id: row.id,
        fileName: row.fileName,
        time: null,
        x: row.x,
        y: row.y,
        sweep: row.sweep,
        gridIndex: row.gridIndex,
        label: null,
        bias: curves.bias,
        current: curves.current,
      };
    }),
  );
  if (spectra.length === 0) return [];
  const result = await (await viewPool()).run(spectra);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return result.spectra.flatMap((r) => {
    const row = byId.get(r.spectrumId);
    const kept = r.flags.flatMap((flag, i) =>
      SWEEP_FLAGS.has(flag) ? [[flag, r.flagReasons[i] ?? ''] as const] : [],
    );
    if (!row || kept.length === 0) return [];
    return [
      {
        sweep: row.sweep,
        direction: row.direction,
        gridIndex: row.gridIndex,
        flags: kept.map(([flag]) => flag),
        reasons: kept.map(([, reason]) => reason),
      },
    ];
  });
}

/** "sweep 2 bwd: saturated (…)", or "pixel 17: …" for a grid. */
export function flaggedSweepText(sweep: FlaggedSweep): string {
  const where =
    sweep.gridIndex !== null
      ? `pixel ${sweep.gridIndex}`
      : `sweep ${sweep.sweep} ${sweep.direction === 'forward' ? 'fwd' : 'bwd'}`;
  const what = sweep.flags.map((flag, i) => `${flag} (${sweep.reasons[i]})`).join(', ');
  return `${where}: ${what}`;
}
