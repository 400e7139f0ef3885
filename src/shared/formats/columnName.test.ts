import { describe, expect, it } from 'vitest';
import { parseColumnName } from './columnName.ts';

describe('parseColumnName', () => {
  it('plain name with unit', () => {
    expect(parseColumnName('Current (A)')).toEqual({
      quantity: 'Current',
      unit: 'A',
      sweep: null,
      direction: 'forward',
      filtered: false,
    });
  });

  it('backward, filtered, in either order', () => {
    expect(parseColumnName('Input 3 (A) [bwd] [filt]')).toMatchObject({
      quantity: 'Input 3',
      unit: 'A',
      direction: 'backward',
      filtered: true,
    });
    expect(parseColumnName('Input 3 [bwd] (A)')).toMatchObject({
      quantity: 'Input 3',
      direction: 'backward',
    });
  });

  it('sweep numbers and the average', () => {
    expect(parseColumnName('Current [00002] [bwd] (A)')).toMatchObject({ sweep: 2, direction: 'backward' });
    expect(parseColumnName('LockIn [AVG] (V)')).toMatchObject({
      quantity: 'LockIn',
      unit: 'V',
      sweep: 'avg',
    });
  });

  it('spaces and dots inside the quantity', () => {
    expect(parseColumnName('OC M1 Freq. Shift [bwd] (Hz)')).toMatchObject({
      quantity: 'OC M1 Freq. Shift',
      unit: 'Hz',
    });
    expect(parseColumnName('LIX 1 omega (A)')).toMatchObject({ quantity: 'LIX 1 omega', unit: 'A' });
  });

  it('no unit', () => {
    expect(parseColumnName('Counter')).toMatchObject({ quantity: 'Counter', unit: '' });
  });
});
