import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centralDifference } from './centralDifference.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/gradient.json', import.meta.url), 'utf8')) as {
  cases: Array<{ name: string; x: number[]; y: number[]; value: number[] }>;
};

describe('centralDifference', () => {
  for (const c of fixture.cases) {
    it(`equals numpy.gradient: ${c.name}`, () => {
      const d = centralDifference(c.x, c.y);
      c.value.forEach((v, i) => expect(d[i]).toBeCloseTo(v, 11));
    });
  }

  it('simple case', () => {
    expect(Array.from(centralDifference([0, 1, 2], [0, 1, 4]))).toEqual([1, 2, 3]);
  });
});
