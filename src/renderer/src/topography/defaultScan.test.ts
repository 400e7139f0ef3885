// The scan the Topography view opens on: contrast first, then .sxm, then the newest, then the last
// imported; and its channel.
import { describe, expect, it } from 'vitest';
import { defaultChannel, defaultScan } from './defaultScan.ts';
import type { ScanChoice } from './defaultScan.ts';

const scan = (fileId: number, fileName: string, acquiredAt: string | null, allNaN = false): ScanChoice => ({
  fileId,
  fileName,
  acquiredAt,
  images: allNaN
    ? [
        { channel: 'Z', min: null, max: null },
        { channel: 'Current', min: null, max: null },
      ]
    : [
        { channel: 'Z', min: -1e-9, max: 2e-9 },
        { channel: 'Current', min: 1e-11, max: 9e-11 },
      ],
});

/** A constant-height scan: Z one value, the current varies. */
const constantHeight = (fileId: number, acquiredAt: string): ScanChoice => ({
  fileId,
  fileName: `ch${fileId}.sxm`,
  acquiredAt,
  images: [
    { channel: 'Z', min: -2.659e-9, max: -2.659e-9 },
    { channel: 'temperature_AFM', min: 5.7895, max: 5.7986 },
    { channel: 'Bias', min: -0.002, max: -0.002 },
    { channel: 'Current', min: 1e-11, max: 9e-11 },
    { channel: 'Frequency_Shift', min: -9.76, max: -3.57 },
  ],
});

describe('defaultScan', () => {
  it('passes over a newer aborted scan whose every image is NaN', () => {
    const scans = [
      scan(1, 'Image_002.sxm', '2012-06-15T16:06:48'),
      scan(2, 'empty.sxm', '2021-12-16T19:20:00', true),
      scan(3, 'Image_445.sxm', '2019-03-01T10:00:00'),
    ];
    expect(defaultScan(scans)?.fileName).toBe('Image_445.sxm');
  });

  it('takes an .sxm before other formats, the newest, then the last imported', () => {
    expect(
      defaultScan([scan(1, 'chip.gwy', '2024-01-01T00:00:00'), scan(2, 'old.sxm', '2010-01-01T00:00:00')])
        ?.fileName,
    ).toBe('old.sxm');
    expect(defaultScan([scan(4, 'a.sxm', null), scan(5, 'b.sxm', null)])?.fileId).toBe(5);
  });

  it('passes over a constant-height scan for a scan with Z contrast, and shows its current when alone', () => {
    const scans = [constantHeight(7, '2018-01-22T12:15:00'), scan(3, 'Image_445.sxm', '2017-03-01T10:00:00')];
    expect(defaultScan(scans)?.fileId).toBe(3);
    expect(defaultChannel(scans[1]!)).toBe('Z');
    expect(defaultChannel(constantHeight(7, '2018-01-22T12:15:00'))).toBe('Current');
    // Without a varying current: the frequency shift; without that either: the first that varies.
    const afm = constantHeight(8, '2018-01-22T12:15:00');
    const flatCurrent = afm.images.map((i) => (i.channel === 'Current' ? { ...i, max: i.min } : i));
    expect(defaultChannel({ ...afm, images: flatCurrent })).toBe('Frequency_Shift');
    expect(
      defaultChannel({ ...afm, images: flatCurrent.filter((i) => i.channel !== 'Frequency_Shift') }),
    ).toBe('temperature_AFM');
    expect(defaultChannel(scan(2, 'empty.sxm', null, true))).toBe('Z');
  });

  it('still opens an aborted scan when it is the only one, and nothing without scans', () => {
    expect(defaultScan([scan(2, 'empty.sxm', null, true)])?.fileName).toBe('empty.sxm');
    expect(defaultScan([])).toBeUndefined();
  });
});
