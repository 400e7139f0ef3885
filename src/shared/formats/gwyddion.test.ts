import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import reference from './fixtures/gwyddion-reference.json' with { type: 'json' };
import { baseUnit, parseGwyddion } from './gwyddion.ts';
import { parseFile } from './index.ts';
import { parseFailure } from '../../testing/parseFailure.ts';

interface FieldReference {
  index: number;
  title: string;
  xres: number;
  yres: number;
  xreal: number;
  yreal: number;
  xoff: number;
  yoff: number;
  unitXy: string;
  unitZ: string;
  min: number;
  max: number;
  pixels: Record<string, number>;
}

// A minimal GWYP writer (Gwyddion 2 serialisation) for synthetic files with known content.
type Component =
  | [string, 'i', number]
  | [string, 'd', number]
  | [string, 's', string]
  | [string, 'o', Uint8Array]
  | [string, 'D', number[]];
const encoder = new TextEncoder();

function cString(text: string): number[] {
  return [...encoder.encode(text), 0];
}

function object(type: string, components: Component[]): Uint8Array {
  const body: number[] = [];
  for (const [name, kind, value] of components) {
    body.push(...cString(name), kind.charCodeAt(0));
    if (kind === 'i') body.push(...new Uint8Array(new Int32Array([value as number]).buffer));
    else if (kind === 'd') body.push(...new Uint8Array(new Float64Array([value as number]).buffer));
    else if (kind === 's') body.push(...cString(value as string));
    else if (kind === 'o') body.push(...(value as Uint8Array));
    else {
      const values = value as number[];
      body.push(...new Uint8Array(new Uint32Array([values.length]).buffer));
      body.push(...new Uint8Array(new Float64Array(values).buffer));
    }
  }
  return new Uint8Array([
    ...cString(type),
    ...new Uint8Array(new Uint32Array([body.length]).buffer),
    ...body,
  ]);
}

function unit(text: string): Uint8Array {
  return object('GwySIUnit', [['unitstr', 's', text]]);
}

function dataField(xres: number, yres: number, values: number[], z: string, offsets = true): Uint8Array {
  const components: Component[] = [
    ['xres', 'i', xres],
    ['yres', 'i', yres],
    ['xreal', 'd', 2e-9 * xres],
    ['yreal', 'd', 2e-9 * yres],
  ];
  if (offsets) components.push(['xoff', 'd', 1e-8], ['yoff', 'd', -3e-8]);
  components.push(['si_unit_xy', 'o', unit('m')], ['si_unit_z', 'o', unit(z)], ['data', 'D', values]);
  return object('GwyDataField', components);
}

function gwyFile(components: Component[]): Uint8Array {
  return new Uint8Array([...encoder.encode('GWYP'), ...object('GwyContainer', components)]);
}

describe('parseGwyddion on the real file, against scripts/fixtures/gwyddion_reference.py', () => {
  for (const ref of (reference as { files: Array<{ file: string; fields: FieldReference[] }> }).files) {
    it(ref.file, () => {
      const parsed = parseFile(ref.file, new Uint8Array(readFileSync(realFile('gwyddion', ref.file))));
      expect(parsed.format).toBe('gwyddion');
      expect(parsed.kind).toBe('image');
      expect(parsed.images).toHaveLength(ref.fields.length);
      for (const [k, field] of ref.fields.entries()) {
        const image = parsed.images[k];
        expect([image?.channel, image?.width, image?.height]).toEqual([field.title, field.xres, field.yres]);
        // Gwyddion 1 wrote `µm` / `nm` for display; the values are in metres (xreal 8e-5 = 80 µm).
        expect([baseUnit(field.unitXy), image?.unit]).toEqual(['m', baseUnit(field.unitZ)]);
        expect(image?.frame).toEqual({
          centreX: field.xoff + field.xreal / 2,
          centreY: field.yoff + field.yreal / 2,
          width: field.xreal,
          height: field.yreal,
          angleDeg: 0,
        });
        for (const [at, value] of Object.entries(field.pixels)) {
          const [row, col] = at.split(',').map(Number) as [number, number];
          expect(image?.data[row * field.xres + col]).toBe(value);
        }
        let [min, max] = [Infinity, -Infinity];
        for (const v of image?.data ?? []) [min, max] = [Math.min(min, v), Math.max(max, v)];
        expect([min, max]).toEqual([field.min, field.max]);
      }
    });
  }
});

describe('parseGwyddion on synthetic GWYP files', () => {
  const first = [1, 2, 3, 4, 5, 6];
  const second = [0.5, -0.5];
  const file = gwyFile([
    ['/0/data', 'o', dataField(3, 2, first, 'm')],
    ['/0/data/title', 's', 'Topography'],
    ['/0/mask', 'o', dataField(3, 2, [0, 1, 0, 1, 0, 1], '')],
    ['/1/data', 'o', dataField(1, 2, second, 'A', false)],
    ['/0/graph/graph/1', 'o', object('GwyGraphModel', [['title', 's', 'profile']])],
    ['/sps/0', 'o', object('GwySpectra', [['title', 's', 'points']])],
  ]);

  it('reads data fields as images with size, offsets, units and titles; masks ignored', () => {
    const parsed = parseGwyddion(file, 'x.gwy');
    expect(parsed.images.map((i) => [i.channel, i.unit, i.width, i.height, [...i.data]])).toEqual([
      ['Topography', 'm', 3, 2, first],
      ['Channel 1', 'A', 1, 2, second],
    ]);
    const frame = parsed.images[0]?.frame;
    const expected = { centreX: 1.3e-8, centreY: -2.8e-8, width: 6e-9, height: 4e-9, angleDeg: 0 };
    for (const [key, value] of Object.entries(expected)) {
      expect(frame?.[key as keyof typeof expected]).toBeCloseTo(value, 20);
    }
    expect(parsed.images[1]?.frame.centreX).toBeCloseTo(1e-9, 20);
  });

  it('lists graphs and spectra as skipped with the reason', () => {
    const parsed = parseGwyddion(file, 'x.gwy');
    expect(parsed.header['Skipped']).toBe(
      '/0/graph/graph/1 (graph), /sps/0 (spectra): graphs, spectra, volume and XYZ data are not read',
    );
  });

  it('a file of graphs only gives no images and says why', () => {
    const parsed = parseGwyddion(gwyFile([['/0/graph/graph/1', 'o', object('GwyGraphModel', [])]]), 'g.gwy');
    expect([parsed.kind, parsed.images.length]).toEqual(['other', 0]);
    expect(parsed.notIv).toBe('Gwyddion file with no data fields; skipped /0/graph/graph/1 (graph)');
  });

  it('rejects data that does not match xres x yres', () => {
    const bad = gwyFile([['/0/data', 'o', dataField(3, 3, first, 'm')]]);
    expect(parseFailure(() => parseGwyddion(bad, 'b.gwy')).message).toBe(
      'data field "Channel 0" holds 6 values, not 3 x 3',
    );
  });

  it('rejects an array count larger than the file before allocating', () => {
    const bad = file.slice();
    const at = Buffer.from(bad).indexOf(Buffer.from('data\0D')) + 6;
    new DataView(bad.buffer).setUint32(at, 0xfffffff0, true);
    expect(parseFailure(() => parseGwyddion(bad, 'b.gwy')).code).toBe('truncated');
  });

  it('rejects nesting deeper than 32 objects', () => {
    let nested = object('GwySIUnit', []);
    for (let i = 0; i < 40; i++) nested = object('GwyContainer', [['x', 'o', nested]]);
    expect(parseFailure(() => parseGwyddion(gwyFile([['/0/data', 'o', nested]]), 'n.gwy')).message).toMatch(
      /nested deeper/,
    );
  });

  it('base units drop display prefixes only', () => {
    expect(['µm', 'nm', 'mV', 'pA', 'm', 'deg', 'counts', ''].map(baseUnit)).toEqual([
      'm',
      'm',
      'V',
      'A',
      'm',
      'deg',
      'counts',
      '',
    ]);
  });
});
