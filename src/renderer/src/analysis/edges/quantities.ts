// The three band-edge quantities of Fig. 3c and how to read them from results and stats.
import type { AnalysisGroupSummary, AnalysisSpectrumResult } from '../../../../shared/api/contract.ts';

export type EdgeQuantity = 'vbm' | 'cbm' | 'gap';
export const EDGE_QUANTITIES: EdgeQuantity[] = ['vbm', 'cbm', 'gap'];

export const QUANTITY_TITLES: Record<EdgeQuantity, string> = { vbm: 'VBM', cbm: 'CBM', gap: 'Eg' };
export const QUANTITY_AXES: Record<EdgeQuantity, string> = {
  vbm: 'VBM (eV vs E_F)',
  cbm: 'CBM (eV vs E_F)',
  gap: 'Band gap E_g (eV)',
};

export function valueOf(r: AnalysisSpectrumResult, q: EdgeQuantity): number | null {
  return r[q];
}

/** The group's averaged-spectrum edge, or null. */
export function averagedEdge(g: AnalysisGroupSummary, q: EdgeQuantity): number | null {
  return g.average.ok ? g.average.edges[q] : null;
}

/** A clicked histogram bar. Bounds in eV; the last bin includes its right edge (numpy). */
export interface BinSelection {
  label: string;
  quantity: EdgeQuantity;
  lo: number;
  hi: number;
  last: boolean;
}

export function inBin(v: number | null, bin: BinSelection): boolean {
  return v !== null && v >= bin.lo - 1e-12 && (v < bin.hi - 1e-12 || (bin.last && v <= bin.hi + 1e-12));
}
