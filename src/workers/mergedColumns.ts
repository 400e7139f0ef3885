// splitPipeline step 3's per-spectrum part in a worker, for a pool whose caller is a UI thread:
// the chunks' results (in columns, as they came back) merged into input order, the exclusions
// applied (flagOutliers, decideExclusions: the shared stage, so the numbers are runPipeline's),
// then the merged results and the group stage's inputs encoded in columns again. On Chromium's
// page thread this was the pool's longest work per re-analysis: decoding 10⁴ results into ~10
// objects each (36–45 ms per 2,000), the exclusions (~40 ms) and the group inputs' encoding
// (~20 ms), and the garbage of the decoded objects (major collections of 50–90 ms mid-drag).
// The page now keeps the columns and decodes a result only when a caller asks for objects.
import { decideExclusions, flagOutliers, resolveRecipe } from '../shared/analysis/index.ts';
import type { RecipeOverrides, SpectrumResult } from '../shared/analysis/index.ts';
import type { SpectrumId } from './packSpectra.ts';
import {
  decodeResults,
  encodeGroupInputs,
  encodeResults,
  groupInputBuffers,
  resultBuffers,
} from './resultColumns.ts';
import type { GroupInputColumns, ResultColumns } from './resultColumns.ts';

/** A chunk's per-spectrum results as they came back, with their indices into the input. */
export interface ChunkColumns<Id extends SpectrumId> {
  indices: Int32Array;
  spectra: ResultColumns<Id>;
}

/** The merged per-spectrum results (input order, exclusions applied) and the group inputs. */
export interface MergedColumns<Id extends SpectrumId> {
  spectra: ResultColumns<Id>;
  inputs: GroupInputColumns;
}

export function mergeChunkColumns<Id extends SpectrumId>(
  chunks: ReadonlyArray<ChunkColumns<Id>>,
  total: number,
  overrides: RecipeOverrides,
): MergedColumns<Id> {
  const recipe = resolveRecipe(overrides);
  const merged: Array<SpectrumResult<Id>> = new Array(total);
  for (const chunk of chunks) {
    const results = decodeResults(chunk.spectra);
    for (let i = 0; i < results.length; i++) merged[chunk.indices[i]!] = results[i]!;
  }
  for (let i = 0; i < total; i++)
    if (merged[i] === undefined) throw new Error(`merge: no chunk brought the result of spectrum ${i}`);
  flagOutliers(merged, recipe);
  decideExclusions(merged, recipe);
  return { spectra: encodeResults(merged), inputs: encodeGroupInputs(merged) };
}

/** The typed arrays of merged columns, for a transfer list. */
export function mergedBuffers(merged: MergedColumns<SpectrumId>): ArrayBuffer[] {
  return [...resultBuffers(merged.spectra), ...groupInputBuffers(merged.inputs)];
}
