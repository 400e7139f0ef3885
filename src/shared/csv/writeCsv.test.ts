import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, provenanceHeader, writeCsv } from './index.ts';

/** Reads `text` back with Python's csv module (readCsv.py), an independent RFC 4180 reader. */
function readWithPython(text: string): { comments: string[]; rows: string[][] } {
  const path = join(mkdtempSync(join(tmpdir(), 'sts-csv-')), 'table.csv');
  writeFileSync(path, text, 'utf8');
  const run = spawnSync('python3', [join(import.meta.dirname, 'readCsv.py'), path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { comments: string[]; rows: string[][] };
}

describe('csvField', () => {
  it('simple case', () => {
    expect(csvField('core')).toBe('core');
    expect(csvField(-1.25e-9)).toBe('-1.25e-9');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(true)).toBe('true');
  });
  it('missing values are empty', () => {
    for (const v of [null, undefined, Number.NaN, Infinity, -Infinity]) expect(csvField(v)).toBe('');
  });
  it('quotes as RFC 4180 says', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('#1')).toBe('"#1"');
    expect(csvField('a#1')).toBe('a#1');
  });
});

describe('writeCsv', () => {
  const labels = [
    'crown, edge',
    'the "good" ones',
    'line one\nline two',
    'Kristall-Kern Ø',
    'ядро',
    '核心区域',
    'Δf 🙂',
    '#hash first',
    ' padded ',
  ];
  const table = {
    header: ['label', 'vbm_V', 'note'],
    rows: labels.map((label, i) => [label, i % 3 === 0 ? Number.NaN : -1.1 - i / 100, i % 2 ? null : 'x,y']),
  };

  it('reads back field for field with an independent reader', () => {
    const text = writeCsv(table, ['STS Workbench 0.1.0 · test', 'recipe: {"a":"b, c"}']);
    const back = readWithPython(text);
    expect(back.comments).toEqual(['STS Workbench 0.1.0 · test', 'recipe: {"a":"b, c"}']);
    expect(back.rows[0]).toEqual(table.header);
    expect(back.rows).toHaveLength(1 + labels.length);
    back.rows.slice(1).forEach((row, i) => {
      const source = table.rows[i]!;
      expect(row[0]).toBe(labels[i]);
      expect(row[1]).toBe(Number.isFinite(source[1]) ? String(source[1]) : '');
      if (row[1] !== '') expect(Number(row[1])).toBe(source[1]);
      expect(row[2]).toBe(source[2] ?? '');
    });
  });

  it('a comment with line breaks stays a comment', () => {
    const back = readWithPython(writeCsv({ header: ['a'], rows: [[1]] }, ['first\nsecond']));
    expect(back.comments).toEqual(['first', 'second']);
    expect(back.rows).toEqual([['a'], ['1']]);
  });

  it('refuses ragged rows', () => {
    expect(() => writeCsv({ header: ['a', 'b'], rows: [[1]] })).toThrow(
      'CSV row 1 has 1 fields, the header 2',
    );
  });

  it('provenance header', () => {
    const lines = provenanceHeader({
      appVersion: '0.1.0',
      what: 'Band diagram',
      runId: 3,
      runCreatedAt: '2026-11-25T17:00:00.000Z',
      recipe: { derivative: { window: 15 } },
      settings: { ups: -1.3 },
    });
    expect(lines).toEqual([
      'STS Workbench 0.1.0 · Band diagram · analysis run 3 (2026-11-25T17:00:00.000Z)',
      'recipe: {"derivative":{"window":15}}',
      'view: {"ups":-1.3}',
    ]);
  });
});
