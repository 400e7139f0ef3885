import { describe, expect, it } from 'vitest';
import { parseLabelsCsv } from './labelsCsv.ts';

describe('parseLabelsCsv', () => {
  it('reads rows after an optional header, any line ending', () => {
    const csv = parseLabelsCsv('file,label\r\nBias001.dat,core\nsub\\Bias002.dat,crown-edge\r');
    expect(csv.rows).toEqual([
      { line: 2, file: 'Bias001.dat', label: 'core' },
      { line: 3, file: 'sub/Bias002.dat', label: 'crown-edge' },
    ]);
    expect(csv.problems).toEqual([]);
  });

  it('accepts quoted names with commas and reports malformed lines by number', () => {
    const csv = parseLabelsCsv('"Follow Me, Bias 054.dat",core\nonly-one-cell\n# a comment\n,empty');
    expect(csv.rows).toEqual([{ line: 1, file: 'Follow Me, Bias 054.dat', label: 'core' }]);
    expect(csv.problems.map((p) => p.line)).toEqual([2, 4]);
    expect(csv.problems[0]?.reason).toContain("expected 'file,label'");
  });
});
