import { describe, expect, it } from 'vitest';
import { niceTicks } from './niceTicks.ts';

describe('niceTicks', () => {
  it('simple case', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it('nanometre range across zero', () => {
    const nm = (ticks: number[]): number[] => ticks.map((t) => Number((t * 1e9).toFixed(6)));
    expect(nm(niceTicks(-2.112e-9, 3.481e-9))).toEqual([-2, 0, 2]);
    expect(nm(niceTicks(-2.112e-9, 3.481e-9, 6))).toEqual([-2, -1, 0, 1, 2, 3]);
  });
  it('empty or reversed range', () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(2, 1)).toEqual([]);
  });
});
