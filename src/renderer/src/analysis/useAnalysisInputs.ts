// What the sub-views share besides the run: the label colours (listLabels), the curves of the
// run's spectra (getSpectraSlab by run id: pages of one binary slab each, curves as views, not
// copies; backward sweeps only for a run whose direction uses them) and one worker pool for all heavy numerics. The curves are loaded only once a view asks
// for them (requestSpectra: Degradation, Trap windows, Band edges' spectra lists, the Spectra view
// at another smoothing or for a run stored without its spread): the Spectra figure of a stored run
// needs none, and 10,000 sweeps are ~4 s of reading on the server and ~80 MB here.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalysisSpectrum, LibraryApi } from '../../../shared/api/contract.ts';
import type { DirectionMode } from '../../../shared/analysis/combineDirections.ts';
import { spectraOfSlab } from '../../../shared/model/spectraSlab.ts';
import { createAnalysisPool } from '../../../workers/analysisPool.ts';
import type { AnalysisPool } from '../../../workers/analysisPool.ts';
import { getApi } from '../api.ts';
import { PALETTE } from '../plots/palette.ts';

export type CurvesState =
  | { state: 'none' }
  | { state: 'loading'; loaded: number; total: number | null }
  | { state: 'loaded'; loaded: number };

export interface AnalysisInputs {
  /** Label → CSS colour (the label's own colour, else a palette colour). */
  colourOf(label: string): string;
  /** Curves by spectrum id; empty until asked for (requestSpectra) and loaded. */
  spectra: ReadonlyMap<number, AnalysisSpectrum>;
  /** Loads the curves of the run's spectra (once per run and library change). */
  requestSpectra(): void;
  spectraError: string | null;
  /** Where the curves stand: none asked for, being read (sweeps so far of the run's), all read. */
  curves: CurvesState;
  pool: AnalysisPool | null;
}

/**
 * `run`: the shown run (null: none); only its spectra's curves are loaded, never the whole library,
 * and their backward sweeps only when its direction is 'backward' or 'mean' (the views draw the
 * run's direction).
 */
export function useAnalysisInputs(
  version: number,
  run: { runId: number; recipe: { direction: DirectionMode } } | null,
): AnalysisInputs {
  const runId = run?.runId ?? null;
  const backward = run ? run.recipe.direction !== 'forward' : false;
  const [colours, setColours] = useState<Record<string, string>>({});
  const [spectra, setSpectra] = useState<ReadonlyMap<number, AnalysisSpectrum>>(new Map());
  const [spectraError, setSpectraError] = useState<string | null>(null);
  const [curves, setCurves] = useState<CurvesState>({ state: 'none' });
  const [pool, setPool] = useState<AnalysisPool | null>(null);
  const [wanted, setWanted] = useState(false);
  const requestSpectra = useCallback(() => setWanted(true), []);

  useEffect(() => {
    // At least two workers, so a re-analysis uses both cores of a 2-core laptop (the UI thread
    // only waits meanwhile).
    // Sweeps are packed for the workers 100 per task: a new dataset's pack is fresh memory, and
    // 200 sweeps of 512 points took 12–44 ms a task in Chromium traces of the first drag.
    const created = createAnalysisPool({
      size: Math.min(4, Math.max(2, navigator.hardwareConcurrency - 1)),
      packSlice: 100,
    });
    setPool(created);
    return () => created.terminate();
  }, []);

  useEffect(() => {
    let current = true;
    void getApi()
      .listLabels({})
      .then(({ rows }) => current && setColours(Object.fromEntries(rows.map((r) => [r.name, r.colour]))));
    return () => {
      current = false;
    };
  }, [version]);

  useEffect(() => {
    if (runId === null || !wanted) return;
    let current = true;
    setCurves({ state: 'loading', loaded: 0, total: null });
    setSpectraError(null);
    loadRunSpectra(getApi(), runId, backward, (loaded, total) => {
      if (current) setCurves({ state: 'loading', loaded, total });
    }).then(
      (loaded) => {
        if (!current) return;
        setSpectra(new Map(loaded.map((s) => [s.id, s])));
        setCurves({ state: 'loaded', loaded: loaded.length });
      },
      (e: unknown) => {
        if (!current) return;
        setSpectraError(e instanceof Error ? e.message : String(e));
        setCurves({ state: 'none' });
      },
    );
    return () => {
      current = false;
    };
  }, [version, runId, backward, wanted]);

  const colourOf = useMemo(() => {
    const assigned = new Map<string, string>();
    return (label: string): string => {
      const own = colours[label];
      if (own) return own;
      if (!assigned.has(label)) assigned.set(label, PALETTE[(assigned.size + 4) % PALETTE.length]!);
      return assigned.get(label)!;
    };
  }, [colours]);

  return { colourOf, spectra, requestSpectra, spectraError, curves, pool };
}

/** Forward sweeps per slab page: ~8 MB of 512-point curves with their backward partners. */
const SLAB_PAGE = 2000;

/**
 * The curves of the spectra a stored run analysed, page by page (each read and decoded off the
 * page's thread: api.ts calls getSpectraSlab from a worker). `onPage`: sweeps so far, of all.
 */
async function loadRunSpectra(
  api: LibraryApi,
  runId: number,
  backward: boolean,
  onPage: (loaded: number, total: number) => void,
): Promise<AnalysisSpectrum[]> {
  const spectra: AnalysisSpectrum[] = [];
  for (let offset = 0; ; offset += SLAB_PAGE) {
    const page = await api.getSpectraSlab({ runId, limit: SLAB_PAGE, offset, backward });
    for (const spectrum of spectraOfSlab(page)) spectra.push(spectrum);
    onPage(spectra.length, page.total);
    if (page.spectra.length < SLAB_PAGE || offset + SLAB_PAGE >= page.total) return spectra;
  }
}
