// A group's averaged spectrum with the spread of its member sweeps, in ONE worker call (the
// Analysis tab's Spectra view). Before, the renderer asked the pool for the average and then for
// every member sweep alone (10,000 round trips to one worker for a 10,000-sweep session, each
// measuring edges, traps and in-gap states nobody read) and interpolated on the UI thread.
// The numbers are the same: the average is averageAndDifferentiate's; each member's dI/dV and
// normalised conductance are those of averageAndDifferentiate([member]) (measureAverage's steps
// without the measures, from the sweep prepared once for both: groupSpectra.test.ts compares them
// value for value), interpolated onto the average's grid, point-wise std (ddof = 1) over members
// (memberSpread, the spread a stored run keeps: within 1e-12 of a two-pass std).
import { prepareCurve, resolveRecipe } from '../shared/analysis/index.ts';
import type { BandEdges, Curve, RecipeOverrides } from '../shared/analysis/index.ts';
import { groupAverage, interpolateAt, singleSweepDerivative } from '../shared/analysis/groupAverage.ts';

// Defined with the group average (the stored run's spread uses them too); re-exported for the views.
export { interpolateAt, singleSweepDerivative };

/**
 * A group member as the pipeline prepares it (prepareCurve with the recipe's direction): its
 * forward sweep and, for 'backward' and 'mean', its backward sweep. V, A; any order.
 */
export interface MemberSweeps {
  bias: ArrayLike<number>;
  current: ArrayLike<number>;
  backward?: { bias: ArrayLike<number>; current: ArrayLike<number> } | null;
}

/**
 * Members packed in one buffer: member k at offsets[k], points[k] bias then current, then
 * backPoints[k] backward bias then current (0: none).
 */
export interface PackedCurves {
  data: Float64Array;
  offsets: Int32Array;
  points: Int32Array;
  backPoints: Int32Array;
}

export type GroupSpectraResult =
  | { ok: false; reason: string }
  | {
      ok: true;
      n: number;
      /** V. */
      bias: Float64Array;
      /** A, mean and point-wise std. */
      current: Float64Array;
      currentStd: Float64Array;
      /** A/V, of the average, and the std of the members' own dI/dV. */
      didv: Float64Array;
      didvStd: Float64Array;
      /** Feenstra (dI/dV)/(I/V)‾, dimensionless, and the members' std. */
      normalised: Float64Array;
      normalisedStd: Float64Array;
      edges: BandEdges;
      /** Members not in the average for their narrow bias range, and why (null when none). */
      leftOut: number;
      rangeNote: string | null;
    };

export function packCurves(members: ReadonlyArray<MemberSweeps>): PackedCurves {
  const offsets = new Int32Array(members.length);
  const points = new Int32Array(members.length);
  const backPoints = new Int32Array(members.length);
  let total = 0;
  members.forEach((m, k) => {
    offsets[k] = total;
    points[k] = m.bias.length;
    backPoints[k] = m.backward?.bias.length ?? 0;
    total += 2 * (points[k]! + backPoints[k]!);
  });
  const data = new Float64Array(total);
  members.forEach((m, k) => {
    const at = offsets[k]!;
    data.set(m.bias, at);
    data.set(m.current, at + points[k]!);
    if (m.backward) {
      data.set(m.backward.bias, at + 2 * points[k]!);
      data.set(m.backward.current, at + 2 * points[k]! + backPoints[k]!);
    }
  });
  return { data, offsets, points, backPoints };
}

/** Views into the packed buffer, no copies. */
/**
 * `members` packed in batches of `batch`, awaiting `between()` before each batch after the first
 * (a new task on a UI thread: a typed-array copy per sweep, ~4 MB a batch of 500), so a
 * 10,000-sweep group never holds the calling thread for long.
 */
export async function packCurvesInBatches(
  members: ReadonlyArray<MemberSweeps>,
  batch: number,
  between: () => Promise<void>,
): Promise<PackedCurves[]> {
  const batches: PackedCurves[] = [];
  for (let start = 0; start < members.length; start += batch) {
    if (start > 0) await between();
    batches.push(packCurves(members.slice(start, start + batch)));
  }
  return batches;
}

/** A pack's buffers, to transfer it (not clone it). */
export function packedCurveBuffers(packed: PackedCurves): ArrayBuffer[] {
  return [packed.data.buffer, packed.offsets.buffer, packed.points.buffer, packed.backPoints.buffer].map(
    (b) => b as ArrayBuffer,
  );
}

export function unpackCurves(packed: PackedCurves): Array<Curve & { backward: Curve | null }> {
  const view = (from: number, n: number): Curve => ({
    bias: packed.data.subarray(from, from + n),
    current: packed.data.subarray(from + n, from + 2 * n),
  });
  return Array.from(packed.offsets, (at, k) => {
    const n = packed.points[k]!;
    const back = packed.backPoints[k]!;
    return { ...view(at, n), backward: back > 0 ? view(at + 2 * n, back) : null };
  });
}

/**
 * The group's average (as averageAndDifferentiate(members)) and its members' spread. Each member
 * is prepared once, as the pipeline prepares it (its direction: one curve per member, the mean of
 * both sweeps for 'mean'), for the average and for itself alone.
 */
export function groupSpectraOf(
  members: ReadonlyArray<MemberSweeps>,
  overrides: RecipeOverrides,
): GroupSpectraResult {
  const recipe = resolveRecipe(overrides);
  const prepared: Curve[] = [];
  for (const member of members) {
    const p = prepareCurve(member, member.backward ?? null, recipe);
    if (!p.ok) return { ok: false, reason: p.reason };
    prepared.push({ bias: p.bias, current: p.current });
  }
  if (prepared.length === 0) return { ok: false, reason: 'no curves to average' };
  // With the spread of the members it averaged (memberSpread; a member left out for its narrow
  // range is not drawn), as a stored run keeps it.
  const average = groupAverage(prepared, recipe, true);
  if (!average.ok) return average;
  return {
    ok: true,
    n: average.n,
    bias: average.bias.slice(),
    current: average.current.slice(),
    currentStd: average.currentStd.slice(),
    didv: average.didv.slice(),
    didvStd: average.didvStd!,
    normalised: average.normalisedConductance.slice(),
    normalisedStd: average.normalisedStd!,
    edges: average.edges,
    leftOut: average.leftOut.length,
    rangeNote: average.rangeNote,
  };
}
