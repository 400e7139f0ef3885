// The kept curves (the prepared I(V) a group average needs) on their way from the chunk workers,
// through the pool, to the worker that runs their label's group stage: packed into one buffer per
// label of a chunk.
import type { KeptCurve } from '../shared/analysis/index.ts';

/**
 * Copies of the kept curves, one new buffer per label (views into it), so the worker keeps its own
 * and the copies cross in one transfer per label: a buffer per curve was 2 ArrayBuffers per
 * spectrum to allocate, list, detach and rebuild on each side. One buffer per label (not per
 * chunk) lets the pool send each label's curves to the worker that runs that label's group stage.
 * Order kept: the result is `kept` copied, in its order.
 */
export function keptInOneBuffer(kept: ReadonlyArray<KeptCurve>): KeptCurve[] {
  const byLabel = new Map<string, number[]>();
  kept.forEach((k, i) => {
    const members = byLabel.get(k.label);
    if (members) members.push(i);
    else byLabel.set(k.label, [i]);
  });
  const copies: KeptCurve[] = new Array(kept.length);
  for (const members of byLabel.values()) {
    // Curves that share one bias array (sweeps with one setting: prepareCurve shares it) share
    // its copy too.
    const biases = new Map<Float64Array, Float64Array | null>();
    let total = 0;
    for (const i of members) {
      const k = kept[i]!;
      if (!biases.has(k.curve.bias)) {
        biases.set(k.curve.bias, null);
        total += k.curve.bias.length;
      }
      total += k.curve.current.length;
    }
    const slab = new Float64Array(total);
    let at = 0;
    const copy = (values: Float64Array): Float64Array => {
      slab.set(values, at);
      at += values.length;
      return slab.subarray(at - values.length, at);
    };
    for (const i of members) {
      const k = kept[i]!;
      let bias = biases.get(k.curve.bias);
      if (!bias) {
        bias = copy(k.curve.bias);
        biases.set(k.curve.bias, bias);
      }
      copies[i] = { ...k, curve: { bias, current: copy(k.curve.current) } };
    }
  }
  return copies;
}

/** The buffers under the kept curves, each once (a transfer list may not repeat a buffer). */
export function keptBuffers(kept: ReadonlyArray<KeptCurve>): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  for (const k of kept) {
    for (const values of [k.curve.bias, k.curve.current])
      if (values.buffer instanceof ArrayBuffer) found.add(values.buffer);
  }
  return [...found];
}
