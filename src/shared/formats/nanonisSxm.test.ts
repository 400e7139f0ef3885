import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseNanonisSxm } from './nanonisSxm.ts';
import { ParseError, type ParsedFile } from './types.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('nanonis-sxm', name)));
}

function parseReal(name: string): ParsedFile {
  return parseNanonisSxm(readReal(name), name);
}

function failure(bytes: Uint8Array): ParseError {
  try {
    parseNanonisSxm(bytes, 'bad.sxm');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

/**
 * Decoded independently once with numpy (`>f4`, rows reversed for SCAN_DIR up, backward images
 * mirrored left-right): [display row, display column, value], finite min/max and NaN count per image.
 */
const EXPECTED: Array<{
  file: string;
  width: number;
  height: number;
  images: string[];
  picks: Array<{
    index: number;
    values: Array<[number, number, number]>;
    min: number | null;
    max: number | null;
    nan: number;
  }>;
}> = [
  {
    file: '01581.sxm',
    width: 160,
    height: 80,
    images: [
      'Z/forward',
      'Z/backward',
      'temperature_AFM/forward',
      'temperature_AFM/backward',
      'Applied_Voltage_measured/forward',
      'Applied_Voltage_measured/backward',
      'Bias/forward',
      'Bias/backward',
      'Current/forward',
      'Current/backward',
      'Phase/forward',
      'Phase/backward',
      'Amplitude/forward',
      'Amplitude/backward',
      'Frequency_Shift/forward',
      'Frequency_Shift/backward',
      'Excitation/forward',
      'Excitation/backward',
    ],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, -2.658903763830267e-9],
          [0, 159, -2.658903763830267e-9],
          [79, 0, -2.658903763830267e-9],
          [26, 80, -2.658903763830267e-9],
          [79, 159, -2.658903763830267e-9],
        ],
        min: -2.658903763830267e-9,
        max: -2.658903763830267e-9,
        nan: 0,
      },
      {
        index: 1,
        values: [
          [0, 0, -2.658903763830267e-9],
          [0, 159, -2.658903763830267e-9],
          [79, 0, -2.658903763830267e-9],
          [26, 80, -2.658903763830267e-9],
          [79, 159, -2.658903763830267e-9],
        ],
        min: -2.658903763830267e-9,
        max: -2.658903763830267e-9,
        nan: 0,
      },
      {
        index: 9,
        values: [
          [0, 0, 2.5935384821208253e-14],
          [0, 159, -4.83196009517118e-14],
          [79, 0, -4.6527492687624405e-14],
          [26, 80, 8.789805363597358e-13],
          [79, 159, -9.778637589333977e-14],
        ],
        min: -1.2481069780120868e-13,
        max: 1.7346466060427779e-12,
        nan: 0,
      },
      {
        index: 17,
        values: [
          [0, 0, 0.00035332809784449637],
          [0, 159, 0.0013490045676007867],
          [79, 0, 0.0184408538043499],
          [26, 80, 0.009886153973639011],
          [79, 159, 0.008505728095769882],
        ],
        min: -0.0214716587215662,
        max: 0.03561994805932045,
        nan: 0,
      },
    ],
  },
  {
    file: 'A170315.172707-00393.sxm',
    width: 48,
    height: 48,
    images: [
      'Z/forward',
      'Z/backward',
      'Applied_Voltage_measured/forward',
      'Applied_Voltage_measured/backward',
      'Bias/forward',
      'Bias/backward',
      'Current/forward',
      'Current/backward',
      'Phase/forward',
      'Phase/backward',
      'Amplitude/forward',
      'Amplitude/backward',
      'Frequency_Shift/forward',
      'Frequency_Shift/backward',
      'Excitation/forward',
      'Excitation/backward',
    ],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, -3.214892796421509e-9],
          [0, 47, -3.214892796421509e-9],
          [47, 0, -3.214892796421509e-9],
          [16, 24, -3.214892796421509e-9],
          [47, 47, -3.214892796421509e-9],
        ],
        min: -3.214892796421509e-9,
        max: -3.214892796421509e-9,
        nan: 0,
      },
      {
        index: 1,
        values: [
          [0, 0, -3.214892796421509e-9],
          [0, 47, -3.214892796421509e-9],
          [47, 0, -3.214892796421509e-9],
          [16, 24, -3.214892796421509e-9],
          [47, 47, -3.214892796421509e-9],
        ],
        min: -3.214892796421509e-9,
        max: -3.214892796421509e-9,
        nan: 0,
      },
      {
        index: 8,
        values: [
          [0, 0, -0.053839061409235],
          [0, 47, 0.06686863303184509],
          [47, 0, 0.28536689281463623],
          [16, 24, 0.015611185692250729],
          [47, 47, 0.3756650388240814],
        ],
        min: -0.8845958113670349,
        max: 0.7364994883537292,
        nan: 0,
      },
      {
        index: 15,
        values: [
          [0, 0, 0.04971860349178314],
          [0, 47, 0.04990765079855919],
          [47, 0, 0.03954261168837547],
          [16, 24, 0.026571523398160934],
          [47, 47, 0.04606883227825165],
        ],
        min: -0.08547348529100418,
        max: 0.09420402348041534,
        nan: 0,
      },
    ],
  },
  {
    file: 'Image_002.sxm',
    width: 256,
    height: 256,
    images: [
      'Z/forward',
      'Z/backward',
      'Bias/forward',
      'Bias/backward',
      'Current/forward',
      'Current/backward',
      'Phase/forward',
      'Phase/backward',
      'Amplitude/forward',
      'Amplitude/backward',
      'Frequency_Shift/forward',
      'Frequency_Shift/backward',
      'Excitation/forward',
      'Excitation/backward',
    ],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, -7.384343803096272e-8],
          [0, 255, -7.380664612810506e-8],
          [255, 0, -7.385125400105608e-8],
          [85, 128, -7.381194677691383e-8],
          [255, 255, -7.378262267820901e-8],
        ],
        min: -7.389420630943278e-8,
        max: -7.369597909701042e-8,
        nan: 0,
      },
      {
        index: 1,
        values: [
          [0, 0, -7.3837860270487e-8],
          [0, 255, -7.380768352049927e-8],
          [255, 0, -7.385499145584618e-8],
          [85, 128, -7.380715061344745e-8],
          [255, 255, -7.378552169257091e-8],
        ],
        min: -7.389046885464268e-8,
        max: -7.36895984232433e-8,
        nan: 0,
      },
      {
        index: 7,
        values: [
          [0, 0, -34.47566223144531],
          [0, 255, -27.334074020385742],
          [255, 0, -67.5130386352539],
          [85, 128, 91.20616912841797],
          [255, 255, -21.290185928344727],
        ],
        min: -168.9879608154297,
        max: 168.699859619140625,
        nan: 0,
      },
      {
        index: 13,
        values: [
          [0, 0, 0.012494013644754887],
          [0, 255, 0.012494013644754887],
          [255, 0, 0.012494013644754887],
          [85, 128, 0.012494013644754887],
          [255, 255, 0.012494013644754887],
        ],
        min: 0.012494013644754887,
        max: 0.012494013644754887,
        nan: 0,
      },
    ],
  },
  {
    file: 'Image_177.sxm',
    width: 96,
    height: 96,
    images: [
      'Z/forward',
      'Z/backward',
      'LI_X/forward',
      'LI_X/backward',
      'LI_Y/forward',
      'LI_Y/backward',
      'Bias/forward',
      'Bias/backward',
      'Current/forward',
      'Current/backward',
      'Phase/forward',
      'Phase/backward',
      'Amplitude/forward',
      'Amplitude/backward',
      'Frequency_Shift/forward',
      'Frequency_Shift/backward',
      'Excitation/forward',
      'Excitation/backward',
    ],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, -1.268950882149511e-7],
          [0, 95, -1.268950882149511e-7],
          [95, 0, -1.268950882149511e-7],
          [32, 48, -1.268950882149511e-7],
          [95, 95, -1.268950882149511e-7],
        ],
        min: -1.268950882149511e-7,
        max: -1.268950882149511e-7,
        nan: 0,
      },
      {
        index: 1,
        values: [
          [0, 0, -1.2689642403529433e-7],
          [0, 95, -1.2689642403529433e-7],
          [95, 0, -1.2689642403529433e-7],
          [32, 48, -1.2689642403529433e-7],
          [95, 95, -1.2689642403529433e-7],
        ],
        min: -1.2689642403529433e-7,
        max: -1.2689642403529433e-7,
        nan: 0,
      },
      {
        index: 9,
        values: [
          [0, 0, 1.1384099218858523e-10],
          [0, 95, 1.0491527785427834e-10],
          [95, 0, 1.1477651468139172e-10],
          [32, 48, 1.8405568180668297e-9],
          [95, 95, 1.1175384923012288e-10],
        ],
        min: 1.011085243307619e-10,
        max: 2.2247133024677623e-9,
        nan: 0,
      },
      {
        index: 17,
        values: [
          [0, 0, 8.929707837523893e-5],
          [0, 95, -0.00011071367771364748],
          [95, 0, -6.580213084816933e-5],
          [32, 48, -0.00019892037380486727],
          [95, 95, -0.0003673486935440451],
        ],
        min: -0.0006181577919051051,
        max: 0.0005842329119332135,
        nan: 0,
      },
    ],
  },
  {
    file: 'Image_445.sxm',
    width: 96,
    height: 192,
    images: [
      'Z/forward',
      'Z/backward',
      'LI_X/forward',
      'LI_X/backward',
      'LI_Y/forward',
      'LI_Y/backward',
      'Bias/forward',
      'Bias/backward',
      'Current/forward',
      'Current/backward',
      'Phase/forward',
      'Phase/backward',
      'Amplitude/forward',
      'Amplitude/backward',
      'Frequency_Shift/forward',
      'Frequency_Shift/backward',
      'Excitation/forward',
      'Excitation/backward',
    ],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, -1.430460994100713e-8],
          [0, 95, -1.430460994100713e-8],
          [191, 0, -1.430460994100713e-8],
          [64, 48, -1.430460994100713e-8],
          [191, 95, -1.430460994100713e-8],
        ],
        min: -1.430460994100713e-8,
        max: -1.430460994100713e-8,
        nan: 0,
      },
      {
        index: 1,
        values: [
          [0, 0, -1.430487195364094e-8],
          [0, 95, -1.430487195364094e-8],
          [191, 0, -1.430487195364094e-8],
          [64, 48, -1.430487195364094e-8],
          [191, 95, -1.430487195364094e-8],
        ],
        min: -1.430487195364094e-8,
        max: -1.430487195364094e-8,
        nan: 0,
      },
      {
        index: 9,
        values: [
          [0, 0, 8.334366530249326e-11],
          [0, 95, 2.4847632631996852e-11],
          [191, 0, 3.274187171387055e-11],
          [64, 48, 4.3041634145701835e-10],
          [191, 95, 2.1926557791651646e-11],
        ],
        min: 2.129080592383481e-11,
        max: 9.066387640643825e-10,
        nan: 0,
      },
      {
        index: 17,
        values: [
          [0, 0, -0.000946276355534792],
          [0, 95, 0.0004237217362970114],
          [191, 0, -0.0005264294450171292],
          [64, 48, 0.0006601321510970592],
          [191, 95, -0.0014290540711954236],
        ],
        min: -0.0016831582179293036,
        max: 0.0019497150788083673,
        nan: 0,
      },
    ],
  },
  {
    file: 'empty.sxm',
    width: 240,
    height: 96,
    images: [
      'Z/forward',
      'Z/backward',
      'Applied_Voltage_measured/forward',
      'Applied_Voltage_measured/backward',
      'Bias/forward',
      'Bias/backward',
      'Current/forward',
      'Current/backward',
      'Phase/forward',
      'Phase/backward',
      'Amplitude/forward',
      'Amplitude/backward',
      'Frequency_Shift/forward',
      'Frequency_Shift/backward',
      'Excitation/forward',
      'Excitation/backward',
      'LIX_1_omega/forward',
      'LIX_1_omega/backward',
      'LIY_1_omega/forward',
      'LIY_1_omega/backward',
    ],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, NaN],
          [0, 239, NaN],
          [95, 0, NaN],
          [32, 120, NaN],
          [95, 239, NaN],
        ],
        min: null,
        max: null,
        nan: 23040,
      },
      {
        index: 1,
        values: [
          [0, 0, NaN],
          [0, 239, NaN],
          [95, 0, NaN],
          [32, 120, NaN],
          [95, 239, NaN],
        ],
        min: null,
        max: null,
        nan: 23040,
      },
      {
        index: 10,
        values: [
          [0, 0, NaN],
          [0, 239, NaN],
          [95, 0, NaN],
          [32, 120, NaN],
          [95, 239, NaN],
        ],
        min: null,
        max: null,
        nan: 23040,
      },
      {
        index: 19,
        values: [
          [0, 0, NaN],
          [0, 239, NaN],
          [95, 0, NaN],
          [32, 120, NaN],
          [95, 239, NaN],
        ],
        min: null,
        max: null,
        nan: 23040,
      },
    ],
  },
  {
    file: 'sxm_moire_10nm.sxm',
    width: 160,
    height: 160,
    images: ['Z/forward', 'Z/backward', 'Current/forward', 'Current/backward'],
    picks: [
      {
        index: 0,
        values: [
          [0, 0, 1.0568658836973555e-7],
          [0, 159, 1.0539643113816055e-7],
          [159, 0, 1.0566716213133986e-7],
          [53, 80, 1.0548149731448575e-7],
          [159, 159, 1.0547245921088688e-7],
        ],
        min: 1.0537996075754563e-7,
        max: 1.0574908060334565e-7,
        nan: 0,
      },
      {
        index: 1,
        values: [
          [0, 0, 1.0565000252427126e-7],
          [0, 159, 1.0538998651554721e-7],
          [159, 0, 1.0568216168849176e-7],
          [53, 80, 1.0547197604182657e-7],
          [159, 159, 1.0547082496259463e-7],
        ],
        min: 1.0538374795032723e-7,
        max: 1.0574458286782829e-7,
        nan: 0,
      },
      {
        index: 2,
        values: [
          [0, 0, 3.4380942537382e-11],
          [0, 159, 2.7542456162987783e-11],
          [159, 0, 2.866558032610378e-11],
          [53, 80, 2.8443209593165264e-11],
          [159, 159, 3.00453238677445e-11],
        ],
        min: 2.0665476274661643e-11,
        max: 5.359901411594592e-11,
        nan: 0,
      },
      {
        index: 3,
        values: [
          [0, 0, 3.417278959805259e-11],
          [0, 159, 2.7856090697997438e-11],
          [159, 0, 2.914177926749417e-11],
          [53, 80, 2.813136008861239e-11],
          [159, 159, 2.9116084543368004e-11],
        ],
        min: 1.877290857488223e-11,
        max: 4.355424701452115e-11,
        nan: 0,
      },
    ],
  },
];

describe('parseNanonisSxm on every real file', () => {
  it('covers every file in the real-data folder', () => {
    expect(EXPECTED.map((e) => e.file)).toEqual(realFiles('nanonis-sxm').map((path) => basename(path)));
  });

  for (const expected of EXPECTED) {
    it(expected.file, () => {
      const parsed = parseReal(expected.file);
      expect(parsed.format).toBe('nanonis-sxm');
      expect(parsed.kind).toBe('image');
      expect(parsed.notIv).toBeNull();
      expect(parsed.spectra).toHaveLength(0);
      expect(parsed.images.map((image) => `${image.channel}/${image.direction}`)).toEqual(expected.images);
      for (const image of parsed.images) {
        expect([image.width, image.height]).toEqual([expected.width, expected.height]);
        expect(image.data).toHaveLength(expected.width * expected.height);
      }
      for (const pick of expected.picks) {
        const image = parsed.images[pick.index];
        if (!image) throw new Error(`no image ${pick.index}`);
        for (const [row, col, value] of pick.values) {
          const got = image.data[row * image.width + col];
          if (Number.isNaN(value)) expect(got).toBeNaN();
          else expect(got).toBe(value);
        }
        let min = Infinity;
        let max = -Infinity;
        let nan = 0;
        for (const v of image.data) {
          if (Number.isNaN(v)) nan++;
          else {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        expect(nan).toBe(pick.nan);
        if (pick.min !== null) expect([min, max]).toEqual([pick.min, pick.max]);
      }
    });
  }
});

describe('header', () => {
  it('01581.sxm: frame, date, set-point and a multi-line comment', () => {
    const parsed = parseReal('01581.sxm');
    expect(parsed.header['SCAN_PIXELS']).toBe('       160       80');
    expect(parsed.header['REC_DATE']).toBe(' 22.01.2018');
    expect(parsed.header['Current>Gain']).toBe('n/a');
    expect(parsed.acquiredAt).toBe('2018-01-22T12:15:11');
    expect(parsed.setpoint).toEqual({ biasV: -2e-3, currentA: 2e-12 });
    expect(parsed.comment.split('\n')).toEqual([
      'Au(111)',
      'RR-CN-monomer-salt: 462C, 60sec, Ts=60C',
      'CO: 2e-7mbar, 50sec, shutter hole',
      'Anneal: 120C, 10min',
      'Anneal: missing info',
      'CO: missing info',
      'User: Alex Riss',
    ]);
    expect(parsed.images[0]?.frame).toEqual({
      centreX: 2.500422e-7,
      centreY: -1.525555e-7,
      width: 4.6e-9,
      height: 2.3e-9,
      angleDeg: 0,
    });
    expect(parsed.header['DATA_INFO']?.split('\n')).toHaveLength(10);
    expect(parsed.position).toBeNull();
  });

  it('A170315: frequency set-point is not a current; angle -41', () => {
    const parsed = parseReal('A170315.172707-00393.sxm');
    expect(parsed.setpoint).toEqual({ biasV: -1.14e-3, currentA: null });
    expect(parsed.images[0]?.frame.angleDeg).toBe(-41);
    // A blank line inside the comment is kept.
    expect(parsed.comment).toBe('Cu(111)\nBorazine: 7e-7mbar, 25sec, 754C (3.12A, 9.5V)\n\nf0 offset = -0Hz');
  });

  it('Image_445.sxm: non-square 96 x 192, 59 deg, units per channel, constant Z', () => {
    const parsed = parseReal('Image_445.sxm');
    expect(parsed.images[0]?.frame).toMatchObject({ width: 2e-9, height: 4e-9, angleDeg: 59 });
    expect(parsed.images.map((image) => image.unit)).toEqual(
      ['m', 'V', 'V', 'V', 'A', 'deg', 'm', 'Hz', 'V'].flatMap((unit) => [unit, unit]),
    );
    const z = parsed.images[0]?.data ?? new Float32Array();
    expect(z.every((v) => v === z[0])).toBe(true);
  });

  it('empty.sxm: every image all NaN', () => {
    const parsed = parseReal('empty.sxm');
    expect(parsed.images).toHaveLength(20);
    for (const image of parsed.images) expect(image.data.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('sxm_moire_10nm.sxm: anonymised date, padded SCAN_FILE', () => {
    const parsed = parseReal('sxm_moire_10nm.sxm');
    expect(parsed.acquiredAt).toBe('2000-01-01T00:00:00');
    expect(parsed.header['SCAN_FILE']?.trimEnd()).toBe('sxm_moire_10nm.sxm');
    expect(parsed.setpoint).toEqual({ biasV: 0.2688, currentA: 3e-11 });
  });
});

describe('bad input', () => {
  it('truncated data block reports byte counts', () => {
    const bytes = readReal('sxm_moire_10nm.sxm').slice(0, 200_000);
    expect(failure(bytes)).toMatchObject({
      code: 'truncated',
      message: 'data block has 195949 of 409600 bytes (4 images of 160 x 160 float32)',
    });
  });

  it('header cut before :SCANIT_END:', () => {
    expect(failure(readReal('01581.sxm').slice(0, 3000))).toMatchObject({
      code: 'missing-header-end',
      message: 'no :SCANIT_END: in 3000 bytes',
    });
  });

  it('no data marker after the header', () => {
    const bytes = readReal('sxm_moire_10nm.sxm');
    const cut = bytes.slice(0, 4051 - 2);
    expect(failure(cut)).toMatchObject({ code: 'missing-data-marker' });
  });

  it('bad SCAN_PIXELS', () => {
    const text = ':SCAN_PIXELS:\n  abc\n:DATA_INFO:\n\tChannel\tName\n:SCANIT_END:\n\n\n\x1a\x04';
    expect(failure(new TextEncoder().encode(text))).toMatchObject({
      code: 'bad-header',
      message: 'SCAN_PIXELS "abc" is not two positive integers',
    });
  });

  it('empty file and random bytes', () => {
    expect(failure(new Uint8Array(0))).toMatchObject({ code: 'empty' });
    let seed = 11;
    const bytes = new Uint8Array(8192).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16);
    expect(failure(bytes)).toMatchObject({ code: 'missing-header-end' });
  });
});
