// Colour lookup tables (256 RGB entries) for images. Perceptual maps come from d3-scale-chromatic
// (maintained, matplotlib's data); afmhot is gnuplot's piecewise-linear map as matplotlib defines it.
import { interpolateInferno, interpolateViridis } from 'd3-scale-chromatic';

export type ColormapName = 'gray' | 'viridis' | 'afmhot' | 'inferno';
export const COLORMAP_NAMES: ColormapName[] = ['afmhot', 'gray', 'viridis', 'inferno'];

/** d3 interpolators answer `#rrggbb` (ramps) or `rgb(r, g, b)` (interpolated schemes). */
export function parseCssColour(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex)
    return [parseInt(hex[1] as string, 16), parseInt(hex[2] as string, 16), parseInt(hex[3] as string, 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`unexpected colour ${colour}`);
}

function fromInterpolator(interpolate: (t: number) => string): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) table.set(parseCssColour(interpolate(i / 255)), i * 3);
  return table;
}

function afmhot(): Uint8Array {
  const table = new Uint8Array(256 * 3);
  const clip = (v: number): number => Math.round(255 * Math.min(1, Math.max(0, v)));
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    table[i * 3] = clip(2 * t);
    table[i * 3 + 1] = clip(2 * t - 0.5);
    table[i * 3 + 2] = clip(2 * t - 1);
  }
  return table;
}

function grey(): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) table.fill(i, i * 3, i * 3 + 3);
  return table;
}

const cache = new Map<ColormapName, Uint8Array>();

export function colormapTable(name: ColormapName): Uint8Array {
  let table = cache.get(name);
  if (!table) {
    if (name === 'afmhot') table = afmhot();
    else if (name === 'viridis') table = fromInterpolator(interpolateViridis);
    else if (name === 'inferno') table = fromInterpolator(interpolateInferno);
    // A linear ramp: d3's Greys is a ColorBrewer scheme with uneven steps, not a grey scale.
    else table = grey();
    cache.set(name, table);
  }
  return table;
}

/** CSS gradient of a colormap, for colour bars (bottom = low). */
export function colormapGradient(name: ColormapName): string {
  const table = colormapTable(name);
  const stops: string[] = [];
  for (let i = 0; i <= 16; i++) {
    const k = Math.round((i / 16) * 255) * 3;
    stops.push(`rgb(${table[k]}, ${table[k + 1]}, ${table[k + 2]}) ${(i / 16) * 100}%`);
  }
  return `linear-gradient(to top, ${stops.join(', ')})`;
}
