// The kept curves (the prepared I(V) a group average needs) on their way from the chunk workers,
// through the pool, to the worker that runs the group stage: packed into one buffer per chunk.
import type { KeptCurve } from '../shared/analysis/index.ts';

/**
 * Copies of the kept curves, all in one new buffer (views into it), so the worker keeps its own
 * and the copies cross in one transfer: a buffer per curve was 2 ArrayBuffers per spectrum to
 * allocate, list, detach and rebuild on each side.
 */
export function keptInOneBuffer(kept: ReadonlyArray<KeptCurve>): KeptCurve[] {
  // Curves that share one bias array (sweeps with one setting: prepareCurve shares it) share
  // its copy too.
  const biases = new Map<Float64Array, Float64Array | null>();
  let total = 0;
  for (const k of kept) {
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
  return kept.map((k) => {
    let bias = biases.get(k.curve.bias);
    if (!bias) {
      bias = copy(k.curve.bias);
      biases.set(k.curve.bias, bias);
    }
    return { ...k, curve: { bias, current: copy(k.curve.current) } };
  });
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
