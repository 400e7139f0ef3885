// The per-spectrum band-edge analysis as one clean function of (bias V, dI/dV A/V), for the
// pipeline and for every pixel of a grid: band edges by the recipe's method, the in-gap states
// (always from the band walk, whatever the edge method) and the flags that follow from dI/dV
// alone ('no-gap', 'too-few-points'). Current-based flags (saturated, tip-change) need I(V): see
// qualityFlags.ts.
import { bandWalk } from './bandWalk.ts';
import type { InGapState } from './bandWalk.ts';
import { DEFAULT_BAND_EDGE_OPTIONS, findBandEdges } from './findBandEdges.ts';
import type { BandEdgeOptions } from './findBandEdges.ts';
import type { FlagFinding } from './qualityFlags.ts';
import type { NoiseProfile } from './noiseProfile.ts';
import type { NumberArray } from './types.ts';

export interface SpectrumBandEdges {
  /** V, or null when not found. */
  vbm: number | null;
  cbm: number | null;
  gap: number | null;
  inGapStates: InGapState[];
  /** 'no-gap' (an edge is missing: a metal, or a filled gap), 'too-few-points'. */
  flags: FlagFinding[];
  /** Why an edge is missing; null when both were found. */
  reason: string | null;
}

/** Fewer points than this cannot hold two bands and a gap. */
const MIN_POINTS = 8;

export function spectrumBandEdges(
  bias: NumberArray,
  didv: NumberArray,
  options: BandEdgeOptions = {},
  /** Principal VB peak height (A/V) that in-gap heights are relative to; default the largest dI/dV at V < 0. */
  principalVb?: number | null,
  /** σ of dI/dV's noise (A/V), when known; see bandWalk. */
  noise?: number | NoiseProfile | null,
): SpectrumBandEdges {
  if (bias.length !== didv.length) throw new RangeError('bias and didv must have the same length');
  if (bias.length < MIN_POINTS) {
    const reason = `${bias.length} points, fewer than ${MIN_POINTS}`;
    return {
      vbm: null,
      cbm: null,
      gap: null,
      inGapStates: [],
      flags: [{ flag: 'too-few-points', reason }],
      reason,
    };
  }
  const o = { ...DEFAULT_BAND_EDGE_OPTIONS, ...options };
  const walk = bandWalk(bias, didv, o, principalVb, noise);
  const edges = findBandEdges(bias, didv, o, walk);
  const flags: FlagFinding[] = [];
  if (edges.gap === null) flags.push({ flag: 'no-gap', reason: edges.reason ?? 'no band gap found' });
  return {
    vbm: edges.vbm,
    cbm: edges.cbm,
    gap: edges.gap,
    inGapStates: edges.gap === null ? [] : walk.inGapStates,
    flags,
    reason: edges.reason,
  };
}
