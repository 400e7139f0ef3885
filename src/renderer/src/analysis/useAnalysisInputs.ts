// What the sub-views share besides the run: the label colours (listLabels), the curves of the
// run's spectra (getSpectraSlab by run id: pages of one binary slab each, curves as views, not
// copies) and one worker pool for all heavy numerics.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisSpectrum, LibraryApi } from '../../../shared/api/contract.ts';
import { spectraOfSlab } from '../../../shared/model/spectraSlab.ts';
import { createAnalysisPool } from '../../../workers/analysisPool.ts';
import type { AnalysisPool } from '../../../workers/analysisPool.ts';
import { getApi } from '../api.ts';
import { PALETTE } from '../plots/palette.ts';

export interface AnalysisInputs {
  /** Label → CSS colour (the label's own colour, else a palette colour). */
  colourOf(label: string): string;
  /** Curves by spectrum id; empty until loaded. */
  spectra: ReadonlyMap<number, AnalysisSpectrum>;
  spectraError: string | null;
  pool: AnalysisPool | null;
}

/** `runSpectrumIds`: the shown run's spectra; only their curves are loaded, never the whole library. */
export function useAnalysisInputs(
  version: number,
  runId: number | null,
  runSpectrumIds: readonly number[],
): AnalysisInputs {
  const [colours, setColours] = useState<Record<string, string>>({});
  const [spectra, setSpectra] = useState<ReadonlyMap<number, AnalysisSpectrum>>(new Map());
  const [spectraError, setSpectraError] = useState<string | null>(null);
  const [pool, setPool] = useState<AnalysisPool | null>(null);

  useEffect(() => {
    // At least two workers, so a re-analysis uses both cores of a 2-core laptop (the UI thread
    // only waits meanwhile).
    const created = createAnalysisPool({ size: Math.min(4, Math.max(2, navigator.hardwareConcurrency - 1)) });
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

  const idsRef = useRef(runSpectrumIds);
  useEffect(() => {
    idsRef.current = runSpectrumIds;
  });
  useEffect(() => {
    const ids = idsRef.current;
    if (runId === null || ids.length === 0) return;
    let current = true;
    loadRunSpectra(getApi(), runId).then(
      (loaded) => current && setSpectra(new Map(loaded.map((s) => [s.id, s]))),
      (e: unknown) => current && setSpectraError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [version, runId]);

  const colourOf = useMemo(() => {
    const assigned = new Map<string, string>();
    return (label: string): string => {
      const own = colours[label];
      if (own) return own;
      if (!assigned.has(label)) assigned.set(label, PALETTE[(assigned.size + 4) % PALETTE.length]!);
      return assigned.get(label)!;
    };
  }, [colours]);

  return { colourOf, spectra, spectraError, pool };
}

/** Forward sweeps per slab page: ~8 MB of 512-point curves with their backward partners. */
const SLAB_PAGE = 2000;

/** The curves of the spectra a stored run analysed, page by page. */
async function loadRunSpectra(api: LibraryApi, runId: number): Promise<AnalysisSpectrum[]> {
  const spectra: AnalysisSpectrum[] = [];
  for (let offset = 0; ; offset += SLAB_PAGE) {
    const page = await api.getSpectraSlab({ runId, limit: SLAB_PAGE, offset });
    spectra.push(...spectraOfSlab(page));
    if (page.spectra.length < SLAB_PAGE || offset + SLAB_PAGE >= page.total) return spectra;
  }
}
