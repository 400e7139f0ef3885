// Tables S5–S8 in short: per group n, mean ± s.d. and median of VBM, CBM and Eg (eV), one sweep
// per spot, and the edges of the group's averaged spectrum. n is the first sweeps used; those left
// out (quality flags or by hand) are counted beside it, and a group too small for a CI says why.
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
          <th rowSpan={2}>Group</th>
          <th rowSpan={2} className="num">
            n used
          </th>
          <th rowSpan={2} className="num">
            n excluded
          </th>
          {EDGE_QUANTITIES.map((q) => (
            <th key={q} className="group-head" colSpan={3} scope="colgroup">
              {QUANTITY_TITLES[q]} (eV)
            </th>
          ))}
        </tr>
        {/* One header per sub-column, so each number reads under its own name. */}
        <tr>
          {EDGE_QUANTITIES.map((q) => [
            <th key={`${q}m`} className="num" scope="col">
              mean ± s.d.
            </th>,
            <th key={`${q}d`} className="num" scope="col">
              median
            </th>,
            <th key={`${q}a`} className="num" scope="col">
              avg. spectrum
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.label} data-testid={`stats-row-${g.label}`}>
            <td>
              <span className="swatch" style={{ background: colourOf(g.label) }} />
              {g.label}
            </td>
            <td className="num" data-testid={`stat-${g.label}-n`} data-value={g.counted}>
              {g.counted}
            </td>
            <td className="num" data-testid={`stat-${g.label}-excluded`} data-value={g.excluded}>
              {g.excluded}
            </td>
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
      <CiReasons groups={groups} />
    </table>
  );
}

/** Why a group's statistics carry no confidence interval (n below the recipe's minimum). */
function CiReasons({ groups }: { groups: AnalysisGroupSummary[] }) {
  const without = groups.filter((g) => g.ciReason !== null);
  if (without.length === 0) return null;
  return (
    <tfoot>
      {without.map((g) => (
        <tr key={g.label} data-testid={`ci-reason-${g.label}`}>
          <td colSpan={2 + 1 + EDGE_QUANTITIES.length * 3} className="note">
            {g.label}: no confidence interval — {g.ciReason}
          </td>
        </tr>
      ))}
    </tfoot>
  );
}
