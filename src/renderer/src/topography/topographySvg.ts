// The topography as a standalone figure: the levelled, colour-mapped scan (its own pixels, drawn
// sharp), a marker at every tip position coloured by label, a scale bar, a colour bar with the
// value range in round ticks of one unit, a legend of the labels, the particle outlines of the
// suggestions when shown, and a title naming file, channel, direction and levelling. Units: frame in
// metres.
import { colourise } from '../lib/contrast.ts';
import { colourBarTicks, formatSi, niceLength } from '../lib/axisKit.ts';
import { outlinePath } from './classify/outlinePath.ts';
import type { ImageFrame } from '../../../shared/formats/types.ts';
import type { Range } from './contrastRange.ts';

export interface TopographyFigure {
  data: Float32Array;
  /** Scan pixels. */
  width: number;
  height: number;
  frame: ImageFrame;
  unit: string;
  /** What the colours show, the colour bar's title: the channel ("Z", "Current"). */
  quantity: string;
  title: string;
  range: Range;
  /** What the colour bar states, when not `range`: a constant image's value as recorded. */
  barRange?: Range;
  table: Uint8Array;
  markers: Array<{ u: number; v: number; colour: string; title: string }>;
  /** Label legend: each label shown on the markers, with its colour and number of markers. */
  legend: Array<{ name: string; colour: string; count: number }>;
  /** Particle outlines (segments in the pixels of a width × height image), or null. */
  outlines: {
    width: number;
    height: number;
    particles: Array<{ outline: number[]; coreOutline: number[] }>;
  } | null;
}

/** Height of one legend row below the image, SVG units. */
const LEGEND_ROW = 20;

/** Width of the image area in the figure, SVG units (CSS px). */
const IMAGE_WIDTH = 600;
const MARGIN = 16;
const TITLE_HEIGHT = 28;
const BAR_WIDTH = 18;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string,
  );
}

/** The colour-mapped scan as a PNG data URL at its own pixel size. */
function scanDataUrl(figure: TopographyFigure): string {
  const canvas = document.createElement('canvas');
  canvas.width = figure.width;
  canvas.height = figure.height;
  const rgba = colourise(figure.data, figure.range, figure.table);
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, figure.width, figure.height), 0, 0);
  return canvas.toDataURL('image/png');
}

export function topographySvg(figure: TopographyFigure): string {
  const w = IMAGE_WIDTH;
  const h = Math.round(IMAGE_WIDTH * (figure.frame.height / figure.frame.width));
  const x0 = MARGIN;
  const y0 = MARGIN + TITLE_HEIGHT;
  const barX = x0 + w + 14;
  const bar = colourBarTicks(figure.barRange ?? figure.range, figure.quantity, figure.unit, 6);
  // Tick text is ~0.6 em per character at 13 px; the rotated title stands right of the widest.
  const tickWidth = Math.max(...bar.ticks.map((t) => t.label.length)) * 8;
  const titleX = barX + BAR_WIDTH + 7 + tickWidth + 18;
  const totalWidth = titleX + MARGIN;
  const legendTop = y0 + h + 12;
  const legendRows = figure.legend.length + (figure.outlines ? 2 : 0);
  const totalHeight = legendTop + legendRows * LEGEND_ROW + MARGIN;
  const scale = niceLength(figure.frame.width);
  const scalePx = (scale / figure.frame.width) * w;
  const stops = Array.from({ length: 17 }, (_, i) => {
    const k = Math.round((i / 16) * 255) * 3;
    const [r, g, b] = [figure.table[k], figure.table[k + 1], figure.table[k + 2]];
    return `<stop offset="${(i / 16) * 100}%" stop-color="rgb(${r},${g},${b})"/>`;
  });
  const markers = figure.markers
    .filter((m) => m.u >= 0 && m.u <= 1 && m.v >= 0 && m.v <= 1)
    .map(
      (m) =>
        `<circle cx="${(x0 + m.u * w).toFixed(2)}" cy="${(y0 + m.v * h).toFixed(2)}" r="4.5" fill="${m.colour}" stroke="#fff" stroke-width="1.5"><title>${escapeXml(m.title)}</title></circle>`,
    );
  const ticks = bar.ticks.map((tick) => {
    const y = y0 + tick.fraction * h;
    return `<line x1="${barX + BAR_WIDTH}" y1="${y.toFixed(2)}" x2="${barX + BAR_WIDTH + 4}" y2="${y.toFixed(2)}" stroke="#000"/><text class="bar-tick" x="${barX + BAR_WIDTH + 7}" y="${(y + 4).toFixed(2)}">${escapeXml(tick.label)}</text>`;
  });
  const barTitle = `<text class="bar-title" transform="translate(${titleX} ${(y0 + h / 2).toFixed(2)}) rotate(-90)" text-anchor="middle">${escapeXml(bar.title)}</text>`;
  const toFigure = (u: number, v: number): { x: number; y: number } => ({ x: x0 + u * w, y: y0 + v * h });
  const outlines = figure.outlines
    ? figure.outlines.particles.flatMap((p) => {
        const o = figure.outlines as NonNullable<TopographyFigure['outlines']>;
        const outer = outlinePath(p.outline, o.width, o.height, toFigure);
        const core = outlinePath(p.coreOutline, o.width, o.height, toFigure);
        return [
          `<path d="${outer}" fill="none" stroke="#000" stroke-opacity="0.55" stroke-width="3"/>`,
          `<path d="${outer}" fill="none" stroke="#fff" stroke-width="1.4"/>`,
          ...(core
            ? [
                `<path d="${core}" fill="none" stroke="#000" stroke-opacity="0.55" stroke-width="3"/>`,
                `<path d="${core}" fill="none" stroke="#fff" stroke-width="1.4" stroke-dasharray="4 3"/>`,
              ]
            : []),
        ];
      })
    : [];
  const legend = figure.legend.map((entry, i) => {
    const y = legendTop + i * LEGEND_ROW + 10;
    return `<circle cx="${x0 + 6}" cy="${y}" r="4.5" fill="${entry.colour}" stroke="#444" stroke-width="0.8"/><text x="${x0 + 16}" y="${y + 4}">${escapeXml(`${entry.name} (${entry.count})`)}</text>`;
  });
  if (figure.outlines) {
    const y = legendTop + figure.legend.length * LEGEND_ROW + 10;
    legend.push(
      `<line x1="${x0}" y1="${y}" x2="${x0 + 12}" y2="${y}" stroke="#000" stroke-width="1.4"/><text x="${x0 + 16}" y="${y + 4}">platelet outline (half height)</text>`,
      `<line x1="${x0}" y1="${y + LEGEND_ROW}" x2="${x0 + 12}" y2="${y + LEGEND_ROW}" stroke="#000" stroke-width="1.4" stroke-dasharray="4 3"/><text x="${x0 + 16}" y="${y + LEGEND_ROW + 4}">core outline (midway between crown and core), suggested from the topography</text>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${totalWidth}" height="${totalHeight}" viewBox="0 0 ${totalWidth} ${totalHeight}" font-family="Helvetica, Arial, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${x0}" y="${MARGIN + 16}" font-size="14" font-weight="600">${escapeXml(figure.title)}</text>`,
    `<image x="${x0}" y="${y0}" width="${w}" height="${h}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${scanDataUrl(figure)}"/>`,
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#000"/>`,
    ...outlines,
    ...markers,
    `<rect x="${x0 + 14}" y="${y0 + h - 18}" width="${scalePx.toFixed(2)}" height="5" fill="#fff" stroke="#000" stroke-width="0.6"/>`,
    `<text x="${x0 + 14}" y="${y0 + h - 24}" fill="#fff" stroke="#000" stroke-width="2.5" paint-order="stroke" font-weight="600">${escapeXml(formatSi(scale, 'm', 2))}</text>`,
    `<defs><linearGradient id="bar" x1="0" y1="1" x2="0" y2="0">${stops.join('')}</linearGradient></defs>`,
    `<rect x="${barX}" y="${y0}" width="${BAR_WIDTH}" height="${h}" fill="url(#bar)" stroke="#000" stroke-width="0.6"/>`,
    ...ticks,
    barTitle,
    ...legend,
    '</svg>',
  ].join('\n');
}
