// Re-analysis after one parameter change, through the renderer's worker path: the pool of
// src/workers/analysisPool.ts running the worker module (src/workers/analysisApi.ts) in Node
// worker_threads (src/main/analysis/nodeAnalysisWorker.ts is the same object behind comlink's
// Node adapter instead of a Web Worker's). Two workers, as the renderer starts on two cores.
// After a first full run on 1,000 spectra, each timed run changes one parameter to a value not
// used just before (deep window: its bounds; SG window: 9 ↔ 21 … odd windows), so every run
// recomputes what that parameter reaches and nothing is served from a result cache.
import { createNodeAnalysisPool } from '../../src/main/analysis/nodeAnalysisPool.ts';
import type { PipelineSpectrum, RecipeOverrides } from '../../src/shared/analysis/index.ts';
import { median } from '../median.ts';

export async function benchReanalysis(
  spectra: ReadonlyArray<PipelineSpectrum<number>>,
  runs = 21,
): Promise<{ deep: number; sg: number; first: number; workers: number }> {
  const pool = createNodeAnalysisPool(2);
  try {
    const timed = async (recipe: RecipeOverrides): Promise<number> => {
      const t0 = performance.now();
      await pool.run(spectra, { recipe });
      return performance.now() - t0;
    };
    const first = await timed({});
    const deep: number[] = [];
    for (let r = 0; r < runs; r++)
      deep.push(await timed({ traps: { deep: [-0.8 + 0.01 * (r % 7), 1.0 - 0.01 * (r % 5)] } }));
    const sg: number[] = [];
    for (let r = 0; r < runs; r++) sg.push(await timed({ derivative: { window: 9 + 2 * (r % 7) } }));
    return { deep: median(deep.slice(1)), sg: median(sg.slice(1)), first, workers: pool.size };
  } finally {
    pool.terminate();
  }
}
