// The CLI's readable analysis report: a run without labels says why it has no group table.
import { describe, expect, it } from 'vitest';
import { resolveRecipe } from '../../shared/analysis/recipe.ts';
import { formatAnalysisReport } from './analysisReport.ts';
import type { AnalysisReport } from './analysisReport.ts';

const spectrum = (name: string): AnalysisReport['spectra'][number] => ({
  file: `/data/${name}`,
  name,
  sweep: 1,
  direction: 'forward',
  label: null,
  vbm: -1.1,
  cbm: 1.5,
  gap: 2.6,
  inGapStates: [],
  flags: [],
  excluded: false,
  reason: null,
});

const report = (groups: AnalysisReport['groups']): AnalysisReport => ({
  recipe: { ...resolveRecipe(), appVersion: '0.1.0' },
  spectra: [spectrum('a.dat'), spectrum('b.dat')],
  groups,
  comparisons: [],
  series: [],
});

const stats = { n: 2, mean: -1.1, std: 0, median: -1.1 };

describe('formatAnalysisReport', () => {
  it('says that group statistics need labels when no spectrum has one', () => {
    const text = formatAnalysisReport(report([]), 3);
    expect(text).toContain('no labelled spectra among the 2 analysed');
    expect(text).toContain('analyze --labels <file.csv>');
    expect(text).not.toContain('avg VBM');
  });

  it('prints the group table when there are groups', () => {
    const group = {
      label: 'core',
      n: 2,
      excluded: 0,
      ciReason: null,
      vbm: stats,
      cbm: { ...stats, mean: 1.5, median: 1.5 },
      gap: { ...stats, mean: 2.6, median: 2.6 },
      deepTrap: { ...stats, mean: 0.1, median: 0.1 },
      averaged: { vbm: -1.1, cbm: 1.5, gap: 2.6, deepTrap: 0.1, leftOut: [], note: null },
    };
    const text = formatAnalysisReport(report([group]), 3);
    expect(text).toContain('avg VBM');
    expect(text).toMatch(/core\s+2\s+-1\.100 ± 0\.000/);
    expect(text).not.toContain('no labelled spectra');
    expect(text).not.toContain('left out');
  });

  it("says which sweeps a group's average left out, and why", () => {
    const note =
      "1 of 3 sweeps left out of the average: its bias range covers less than 90 % of the group's …";
    const group = {
      label: 'defect',
      n: 3,
      excluded: 0,
      ciReason: null,
      vbm: stats,
      cbm: stats,
      gap: stats,
      deepTrap: stats,
      averaged: { vbm: -1.1, cbm: 1.5, gap: 2.6, deepTrap: 0.1, leftOut: ['/data/STS003.dat'], note },
    };
    const text = formatAnalysisReport(report([group]), 3);
    expect(text).toContain(`defect average: ${note} (/data/STS003.dat)`);
  });
});
