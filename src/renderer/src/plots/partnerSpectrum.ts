// The other direction of the same sweep (forward ↔ backward), if the file recorded both.
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';

/** Records of one file sit in order (`index`), the two directions of a sweep side by side. */
export async function findPartnerSpectrum(row: SpectrumRow): Promise<SpectrumRow | null> {
  const { rows } = await getApi().listSpectra({
    fileId: row.fileId,
    includeAverages: true,
    offset: Math.max(0, row.index - 2),
    limit: 5,
  });
  return (
    rows.find(
      (other) =>
        other.id !== row.id &&
        other.sweep === row.sweep &&
        other.isAverage === row.isAverage &&
        other.gridIndex === row.gridIndex &&
        other.direction !== row.direction,
    ) ?? null
  );
}
