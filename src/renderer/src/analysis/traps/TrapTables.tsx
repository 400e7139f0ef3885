// Trap-window numbers: per group the integrals of its averaged spectrum (live, main thread) and
// the per-spectrum deep integrals (stored run, or recomputed in the workers for a new window);
// and the reduction between two chosen groups with its bootstrap 95 % CI.
import type { GroupComparison, SummaryStats, TrapWindows } from '../../../../shared/analysis/index.ts';
import { fixed, meanStd } from '../plot/units.ts';

export interface GroupTrapRow {
  label: string;
  average: TrapWindows | null;
  perSpectrum: SummaryStats | undefined;
}

export function TrapIntegralsTable({
  rows,
  colourOf,
  perSpectrumNote,
}: {
  rows: GroupTrapRow[];
  colourOf(label: string): string;
  perSpectrumNote: string;
}) {
  return (
    <table className="stats" data-testid="trap-table">
      <thead>
        <tr>
          <th>Group</th>
          <th className="num">Deep ∫, avg. spectrum (V)</th>
          <th className="num">Shallow VB ∫ (V)</th>
          <th className="num">Shallow CB ∫ (V)</th>
          <th className="num">Deep ∫ per spectrum, mean ± s.d. (V)</th>
          <th className="num">n</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>
              <span className="swatch" style={{ background: colourOf(r.label) }} />
              {r.label}
            </td>
            <td className="num" data-testid={`trap-integral-${r.label}`}>
              {fixed(r.average?.deep, 4)}
            </td>
            <td className="num">{fixed(r.average?.shallowVb, 4)}</td>
            <td className="num">{fixed(r.average?.shallowCb, 4)}</td>
            <td className="num" title={perSpectrumNote}>
              {r.perSpectrum ? meanStd(r.perSpectrum.mean, r.perSpectrum.std, 4) : '—'}
            </td>
            <td className="num">{r.perSpectrum?.n ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1).replace('-', '−')} %`;
}

export function ReductionLine({
  labels,
  a,
  b,
  onPair,
  comparison,
  fromAverages,
  computing,
  windowNote,
}: {
  labels: string[];
  a: string;
  b: string;
  onPair(a: string, b: string): void;
  comparison: GroupComparison | undefined;
  /** 1 − deep(B avg)/deep(A avg), live. */
  fromAverages: number | null;
  computing: boolean;
  windowNote: string;
}) {
  return (
    <div className="reduction-block">
      <div className="row">
        Reference A{' '}
        <select value={a} data-testid="reduction-a" onChange={(e) => onPair(e.target.value, b)}>
          {labels.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        compared B{' '}
        <select value={b} data-testid="reduction-b" onChange={(e) => onPair(a, e.target.value)}>
          {labels.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </div>
      <p className="reduction" data-testid="trap-reduction">
        Deep-trap DOS reduction {a} → {b}: <strong>{percent(comparison?.reduction)}</strong>
        {comparison?.ci95 && ` (95 % CI ${percent(comparison.ci95[0])} … ${percent(comparison.ci95[1])})`}
        {comparison && `, n = ${comparison.nA} / ${comparison.nB}`}
        {computing && ' · recomputing for the new window…'}
      </p>
      <p className="note">
        1 − mean(B)/mean(A) of the per-spectrum deep integrals, percentile bootstrap ({windowNote}). From the
        two averaged spectra alone (live):{' '}
        <span data-testid="reduction-averages">{percent(fromAverages)}</span>.
      </p>
    </div>
  );
}
