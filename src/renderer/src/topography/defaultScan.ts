// The scan the Topography view opens on while the user has picked none: one with Z contrast
// first, then one with contrast in another channel (an aborted scan's images are all NaN, a
// constant-height scan's Z is one value: no topography to label particles on), then a Nanonis
// .sxm before other formats (the instrument's scans, not its previews), then the newest by
// acquisition time, then the last imported. Its channel: Z when Z has contrast, else the current,
// the frequency shift or another channel that has (a constant-height scan's).
import type { ImageRow } from '../../../shared/model/library.ts';

export interface ScanChoice {
  fileId: number;
  fileName: string;
  acquiredAt: string | null;
  images: ReadonlyArray<Pick<ImageRow, 'channel' | 'min' | 'max'>>;
}

/** Finite pixels that differ: something to see. */
function hasContrast(image: Pick<ImageRow, 'min' | 'max'>): boolean {
  return image.min !== null && image.max !== null && image.max > image.min;
}

export function defaultChannel(scan: ScanChoice): string | undefined {
  const channels = [...new Set(scan.images.map((i) => i.channel))];
  const withContrast = (channel: string): boolean =>
    scan.images.some((i) => i.channel === channel && hasContrast(i));
  // Topography first, then the tunnelling current (an STM constant-height scan's image), then a
  // qPlus scan's frequency shift, then whatever else varies.
  const preferred = ['Z', 'Current', 'Frequency_Shift'].filter((c) => channels.includes(c));
  return (
    preferred.find(withContrast) ??
    channels.find(withContrast) ??
    (channels.includes('Z') ? 'Z' : channels[0])
  );
}

export function defaultScan<S extends ScanChoice>(scans: readonly S[]): S | undefined {
  const rank = (s: S): [number, number, string, number] => [
    s.images.some((i) => i.channel === 'Z' && hasContrast(i)) ? 2 : s.images.some(hasContrast) ? 1 : 0,
    s.fileName.toLowerCase().endsWith('.sxm') ? 1 : 0,
    s.acquiredAt ?? '',
    s.fileId,
  ];
  return [...scans].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return rb[0] - ra[0] || rb[1] - ra[1] || rb[2].localeCompare(ra[2]) || rb[3] - ra[3];
  })[0];
}
