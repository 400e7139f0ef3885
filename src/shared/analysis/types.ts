// Shapes shared by the analysis functions. Units: bias in volts (V), current in amperes (A),
// differential conductance in A/V.

/** Any array of numbers: number[] or a typed array. Results are always Float64Array. */
export type NumberArray = ArrayLike<number>;

/** A result that may legitimately fail on real data: the reason is shown to the user. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string };

/** One I(V) sweep sorted by bias ascending: no NaN, no repeated bias. */
export interface Curve {
  /** Volts, strictly ascending. */
  bias: Float64Array;
  /** Amperes. */
  current: Float64Array;
}
