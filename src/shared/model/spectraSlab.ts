// Curves for the analysis as one typed-array slab instead of one small array per curve: a page of
// forward sweeps (with their backward partners) whose numbers all live in one Float64Array, so a
// transport moves one buffer (binary over the bridge, structured clone / transfer over IPC) and
// the receiver makes views, not copies. Layout per spectrum, from `offset`: forward bias and
// current (`points` each), then backward bias and current (`backwardPoints` each, 0 without one).
import type { AnalysisSpectrum } from '../api/contract.ts';

/** What a spectrum carries besides its curves. */
export type SlabSpectrumMeta = Omit<AnalysisSpectrum, 'bias' | 'current' | 'backward'> & {
  /** Index of its first value in `values`. */
  offset: number;
  points: number;
  backwardPoints: number;
};

export interface SpectraSlab {
  spectra: SlabSpectrumMeta[];
  /** V and A, laid out as the module comment says. */
  values: Float64Array;
  /** Forward sweeps matching the filter in all pages. */
  total: number;
}

/** The slab's spectra as AnalysisSpectrum objects whose curves are views into `values`. */
export function spectraOfSlab(slab: SpectraSlab): AnalysisSpectrum[] {
  const { values } = slab;
  return slab.spectra.map(({ offset, points, backwardPoints, ...meta }) => {
    const back = offset + 2 * points;
    return {
      ...meta,
      bias: values.subarray(offset, offset + points),
      current: values.subarray(offset + points, back),
      backward:
        backwardPoints > 0
          ? {
              bias: values.subarray(back, back + backwardPoints),
              current: values.subarray(back + backwardPoints, back + 2 * backwardPoints),
            }
          : null,
    };
  });
}
