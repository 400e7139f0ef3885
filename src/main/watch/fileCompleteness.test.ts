// The completeness verdicts against the real instrument files: every whole file that announces its
// length is complete (or, the aborted grid, partial with the pixels it really holds), and every
// prefix of it is partial: the watcher never imports a file cut short.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { judgeCompleteness } from './fileCompleteness.ts';

const whole = (folder: string, name: string): Uint8Array =>
  new Uint8Array(readFileSync(realFile(folder, name)));
const judge = (name: string, bytes: Uint8Array) => judgeCompleteness(name, bytes, bytes.length);

const ANNOUNCING = [
  ['nanonis-dat', 'i_v.dat'],
  ['nanonis-dat', 'z.dat'],
  ['nanonis-dat', 'nanonis_sts_15mv.dat'],
  ['nanonis-dat', 'filtered.dat'],
  ['nanonis-sxm', 'Image_002.sxm'],
  ['nanonis-sxm', 'empty.sxm'],
  ['nanonis-sxm', 'sxm_moire_10nm.sxm'],
  ['nanonis-3ds', 'Grid Spectroscopy002.3ds'],
  ['nanonis-3ds', 'NanonisReader_STS_grid_lockin.3ds'],
] as const;

describe('judgeCompleteness on real files', () => {
  it.each(ANNOUNCING)('%s/%s is complete whole and partial at every cut', (folder, name) => {
    const bytes = whole(folder, name);
    expect(judge(name, bytes)).toEqual({ state: 'complete' });
    for (const fraction of [0.05, 0.3, 0.5, 0.77, 0.999]) {
      const cut = Math.floor(bytes.length * fraction);
      expect(judge(name, bytes.subarray(0, cut)).state, `${name} cut at ${cut}`).toBe('partial');
    }
  });

  it('counts the written points of a cut .dat against Num Pixel', () => {
    const bytes = whole('nanonis-dat', 'i_v.dat');
    const text = new TextDecoder('latin1').decode(bytes);
    const dataRow = text.indexOf('\n', text.indexOf('\n', text.indexOf('[DATA]')) + 1) + 1;
    // 10 whole rows after the column names, then half a row.
    let at = dataRow;
    for (let i = 0; i < 10; i++) at = text.indexOf('\n', at) + 1;
    expect(judge('i_v.dat', bytes.subarray(0, at + 5))).toEqual({
      state: 'partial',
      done: 10,
      total: 201,
      unit: 'points',
    });
  });

  it('reads the aborted grid as partial with the 88 pixels it holds (the reader keeps those)', () => {
    expect(judge('Grid Spectroscopy006.3ds', whole('nanonis-3ds', 'Grid Spectroscopy006.3ds'))).toEqual({
      state: 'partial',
      done: 88,
      total: 1024,
      unit: 'pixels',
    });
  });

  it('leaves files without a length (2015 .dat without Num Pixel, text, other vendors) to quiet time', () => {
    expect(judge('Bias-Spectroscopy002.dat', whole('nanonis-dat', 'Bias-Spectroscopy002.dat')).state).toBe(
      'unknown',
    );
    expect(judge('test_iv.SM4', whole('rhk-sm4', 'test_iv.SM4')).state).toBe('unknown');
    // ... but a line cut off in the middle is partial all the same.
    const bytes = whole('nanonis-dat', 'Bias-Spectroscopy002.dat');
    expect(judge('Bias-Spectroscopy002.dat', bytes.subarray(0, bytes.length - 10)).state).toBe('partial');
  });
});
