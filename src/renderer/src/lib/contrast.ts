// Contrast range of an image: percentiles of the finite pixels, so a few spikes (tip changes)
// do not wash out the image.
export function percentileRange(
  data: Float32Array,
  lowPercent = 1,
  highPercent = 99,
): { lo: number; hi: number } | null {
  const finite: number[] = [];
  // Subsample large images: the percentiles of 65k pixels are plenty.
  const stride = Math.max(1, Math.floor(data.length / 65536));
  for (let i = 0; i < data.length; i += stride) {
    const v = data[i] as number;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return null;
  finite.sort((a, b) => a - b);
  const at = (p: number): number =>
    finite[Math.min(finite.length - 1, Math.max(0, Math.round((p / 100) * (finite.length - 1))))] as number;
  const lo = at(lowPercent);
  const hi = at(highPercent);
  // A constant image (constant-height Z, a disabled channel) keeps lo = hi; colourise paints it mid-scale.
  return { lo, hi };
}

/** Colours an image into RGBA pixels; NaN pixels are transparent. */
export function colourise(
  data: Float32Array,
  range: { lo: number; hi: number },
  table: Uint8Array,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(data.length * 4);
  const span = range.hi - range.lo;
  const scale = span > 0 ? 255 / span : 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) continue;
    const k = Math.max(0, Math.min(255, span > 0 ? Math.round((v - range.lo) * scale) : 127)) * 3;
    rgba[i * 4] = table[k] as number;
    rgba[i * 4 + 1] = table[k + 1] as number;
    rgba[i * 4 + 2] = table[k + 2] as number;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
