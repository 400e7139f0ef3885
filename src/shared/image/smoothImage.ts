// Gaussian smoothing that skips NaN pixels (normalised convolution, separable), and the height
// gradient of an image in physical units: what the particle classifier reads plateaus from.
import type { ScalarImage } from './types.ts';

/** Gaussian blur with standard deviation `sigma` pixels; NaN pixels neither count nor change. */
export function gaussianSmooth(image: ScalarImage, sigma: number): Float64Array {
  const { data, width, height } = image;
  const out = new Float64Array(width * height);
  if (!(sigma > 0)) {
    for (let i = 0; i < out.length; i++) out[i] = data[i] as number;
    return out;
  }
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = Float64Array.from({ length: 2 * radius + 1 }, (_, k) =>
    Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)),
  );
  // Pass 1 along rows into `along`, with the weight of finite pixels in `weight`.
  const along = new Float64Array(width * height);
  const weight = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let w = 0;
      for (let k = -radius; k <= radius; k++) {
        const xx = x + k;
        if (xx < 0 || xx >= width) continue;
        const z = data[y * width + xx] as number;
        if (!Number.isFinite(z)) continue;
        const kw = kernel[k + radius] as number;
        sum += kw * z;
        w += kw;
      }
      along[y * width + x] = sum;
      weight[y * width + x] = w;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!Number.isFinite(data[i] as number)) {
        out[i] = Number.NaN;
        continue;
      }
      let sum = 0;
      let w = 0;
      for (let k = -radius; k <= radius; k++) {
        const yy = y + k;
        if (yy < 0 || yy >= height) continue;
        const kw = kernel[k + radius] as number;
        sum += kw * (along[yy * width + x] as number);
        w += kw * (weight[yy * width + x] as number);
      }
      out[i] = w > 0 ? sum / w : Number.NaN;
    }
  }
  return out;
}

/**
 * Slope magnitude |∇z| at every pixel (central differences, one-sided at the border), with pixel
 * sizes in the height's unit: dimensionless (metres per metre) for a Z image in metres.
 */
export function slopeMagnitude(
  values: Float64Array,
  width: number,
  height: number,
  pixelWidth: number,
  pixelHeight: number,
): Float64Array {
  const out = new Float64Array(width * height);
  const at = (x: number, y: number): number => values[y * width + x] as number;
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - 1);
    const y1 = Math.min(height - 1, y + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - 1);
      const x1 = Math.min(width - 1, x + 1);
      const gx = x1 > x0 ? (at(x1, y) - at(x0, y)) / ((x1 - x0) * pixelWidth) : 0;
      const gy = y1 > y0 ? (at(x, y1) - at(x, y0)) / ((y1 - y0) * pixelHeight) : 0;
      out[y * width + x] = Math.hypot(gx, gy);
    }
  }
  return out;
}
