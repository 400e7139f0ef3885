// Tables S5–S8 in short: per group n, mean ± s.d. and median of VBM, CBM and Eg (eV), one sweep
// per spot, and the edges of the group's averaged spectrum.
import type { AnalysisGroupSummary } from '../../../../shared/api/contract.ts';
import { fixed, meanStd } from '../plot/units.ts';
import type { EdgeQuantity } from './quantities.ts';
import { EDGE_QUANTITIES, QUANTITY_TITLES, averagedEdge } from './quantities.ts';

export function StatsTable({
  groups,
  colourOf,
}: {
  groups: AnalysisGroupSummary[];
  colourOf(label: string): string;
}) {
  return (
    <table className="stats" data-testid="stats-table">
      <thead>
        <tr>
          <th>Group</th>
          <th className="num">n</th>
          {EDGE_QUANTITIES.map((q) => (
            <th key={q} className="num" colSpan={3}>
              {QUANTITY_TITLES[q]} (eV): mean ± s.d. · median · avg. spectrum
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.label} data-testid={`stats-row-${g.label}`}>
            <td>
              <span className="swatch" style={{ background: colourOf(g.label) }} />
              {g.label}
            </td>
            <td className="num">{g.counted}</td>
            {EDGE_QUANTITIES.map((q: EdgeQuantity) => {
              const s = g.stats[q];
              return [
                <td
                  key={`${q}m`}
                  className="num"
                  data-testid={`stat-${g.label}-${q}-mean`}
                  data-value={s.mean ?? ''}
                >
                  {meanStd(s.mean, s.std, 3)}
                </td>,
                <td key={`${q}d`} className="num">
                  {fixed(s.median, 3)}
                </td>,
                <td key={`${q}a`} className="num">
                  {fixed(averagedEdge(g, q), 3)}
                </td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
