// probe: re-analysis through the UI-thread configuration (packSlice, runColumns)
import { createAnalysisPool } from '../src/workers/analysisPool.ts';
import { startNodeAnalysisWorker } from '../src/main/analysis/nodeAnalysisPool.ts';
import { syntheticSpectra } from './analysis/synthetic.ts';
import { median } from './median.ts';
const ui = process.argv[2] === 'ui';
const spectra = syntheticSpectra({ count: 1000, points: 512, noise: 1e-12 });
const pool = createAnalysisPool({ size: 2, createWorker: startNodeAnalysisWorker, ...(ui ? { packSlice: 500 } : {}) });
const timed = async (recipe: object) => { const t0 = performance.now(); await (ui ? pool.runColumns(spectra, { recipe }) : pool.run(spectra, { recipe })); return performance.now() - t0; };
const first = await timed({});
const deep: number[] = []; for (let r = 0; r < 21; r++) deep.push(await timed({ traps: { deep: [-0.8 + 0.01 * (r % 7), 1.0 - 0.01 * (r % 5)] } }));
const sg: number[] = []; for (let r = 0; r < 21; r++) sg.push(await timed({ derivative: { window: 9 + 2 * (r % 7) } }));
console.log(ui ? 'ui ' : 'obj', 'first', first.toFixed(0), 'deep', median(deep.slice(1)).toFixed(1), 'sg', median(sg.slice(1)).toFixed(1));
pool.terminate();
