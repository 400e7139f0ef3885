// A figure's SVG as a standalone file (interactive-only parts removed, provenance in <metadata>),
// and the same SVG rasterised through an Image onto a canvas at print resolution for PNG.
import type { Provenance } from './provenance.ts';
import { withPngITxt } from '../../../../shared/png/index.ts';

/** Rasterisation factor: a 760-unit-wide figure becomes 2,280 px (≈ 300 dpi at 19 cm). */
export const PNG_SCALE = 3;

export function standaloneSvg(svg: SVGSVGElement, provenance: Provenance): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of clone.querySelectorAll('[data-export="skip"]')) el.remove();
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  const metadata = document.createElementNS('http://www.w3.org/2000/svg', 'metadata');
  metadata.textContent = JSON.stringify(provenance);
  clone.insertBefore(metadata, clone.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** Rasterises a standalone SVG; `provenance` (any JSON) goes into the PNG's iTXt chunk. */
export async function svgToPng(
  svgText: string,
  provenance: Provenance | Record<string, unknown>,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * PNG_SCALE);
    canvas.height = Math.round(image.naturalHeight * PNG_SCALE);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas for the PNG export');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
    return withProvenance(blob, provenance);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas PNG with `provenance` (JSON) in an iTXt chunk "sts-workbench": UTF-8, so label names
 * outside Latin-1 survive. Every PNG the app exports goes through here. */
export async function withProvenance(png: Blob, provenance: unknown): Promise<Blob> {
  const bytes = withPngITxt(
    new Uint8Array(await png.arrayBuffer()),
    'sts-workbench',
    JSON.stringify(provenance),
  );
  return new Blob([bytes.slice().buffer], { type: 'image/png' });
}
