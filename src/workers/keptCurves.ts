// The kept curves (the prepared I(V) a group average needs) on their way from the chunk workers,
// through the pool, to the worker that runs their label's group stage: one pack per label of a
// chunk, each curve's numbers copied into one buffer with its input index in a typed column.
// Structured-cloning the curves as objects (an object, two typed-array views and a label string
// per curve) cost 20–50 ms of the pool's and the group workers' threads for 6,000 curves, twice
// per run (chunk → pool → group worker), the second time right at the barrier before the group
// stage; a pack crosses as a few transferred buffers and a string.
import type { KeptCurve } from '../shared/analysis/index.ts';

/** One label's kept curves of a chunk, in the chunk's order (copies: the worker keeps its own). */
export interface KeptPack {
  label: string;
  /** Input index of curve k. */
  index: Int32Array;
  /**
   * Curve k's bias at data[biasAt[k], + points[k]) and current at data[currentAt[k], + points[k]).
   * Curves that shared one bias array (sweeps with one setting: prepareCurve shares it) share one
   * copy of it, and one view of it after unpacking.
   */
  biasAt: Int32Array;
  currentAt: Int32Array;
  points: Int32Array;
  data: Float64Array;
}

// Loops, not closures created per call: V8 holds a closure's optimised code only weakly, so
// per-call closures here were recompiled in every run (seriesStage.ts says more).

/** Copies of one label's kept curves in one pack. */
function packLabel(label: string, members: ReadonlyArray<KeptCurve>): KeptPack {
  const biasAt = new Map<Float64Array, number>();
  let total = 0;
  for (const k of members) {
    if (!biasAt.has(k.curve.bias)) {
      biasAt.set(k.curve.bias, total);
      total += k.curve.bias.length;
    }
    total += k.curve.current.length;
  }
  const pack: KeptPack = {
    label,
    index: new Int32Array(members.length),
    biasAt: new Int32Array(members.length),
    currentAt: new Int32Array(members.length),
    points: new Int32Array(members.length),
    data: new Float64Array(total),
  };
  for (const [bias, at] of biasAt) pack.data.set(bias, at);
  let at = 0;
  for (let i = 0; i < members.length; i++) {
    const k = members[i]!;
    const { bias, current } = k.curve;
    if (biasAt.get(bias) === at) at += bias.length; // skip over the bias stored here
    pack.index[i] = k.index;
    pack.biasAt[i] = biasAt.get(bias)!;
    pack.currentAt[i] = at;
    pack.points[i] = current.length;
    pack.data.set(current, at);
    at += current.length;
  }
  return pack;
}

/** Copies of `kept` packed per label, labels in order of first appearance, curves in their order. */
export function packKept(kept: ReadonlyArray<KeptCurve>): KeptPack[] {
  const byLabel = new Map<string, KeptCurve[]>();
  for (const k of kept) {
    const members = byLabel.get(k.label);
    if (members) members.push(k);
    else byLabel.set(k.label, [k]);
  }
  const packs: KeptPack[] = [];
  for (const [label, members] of byLabel) packs.push(packLabel(label, members));
  return packs;
}

/** A pack's curves as KeptCurves (views into its buffer), in pack order. */
export function unpackKept(pack: KeptPack): KeptCurve[] {
  const biases = new Map<number, Float64Array>();
  const curves: KeptCurve[] = new Array(pack.index.length);
  for (let i = 0; i < pack.index.length; i++) {
    const points = pack.points[i]!;
    const at = pack.biasAt[i]!;
    let bias = biases.get(at);
    if (!bias) {
      bias = pack.data.subarray(at, at + points);
      biases.set(at, bias);
    }
    const currentAt = pack.currentAt[i]!;
    curves[i] = {
      index: pack.index[i]!,
      label: pack.label,
      curve: { bias, current: pack.data.subarray(currentAt, currentAt + points) },
    };
  }
  return curves;
}

/** The buffers of packs, for a transfer list. */
export function keptPackBuffers(packs: ReadonlyArray<KeptPack>): ArrayBuffer[] {
  return packs.flatMap((p) =>
    [p.index, p.biasAt, p.currentAt, p.points, p.data].map((a) => a.buffer as ArrayBuffer),
  );
}
