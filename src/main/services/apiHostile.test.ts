// The API as any caller may use it (browser mode takes any local page's token-bearing requests):
// paths it must not read, oversized inputs and impossible dates, through the one dispatch.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/api/dispatch.ts';
import type { Dispatch } from '../../shared/api/dispatch.ts';
import { LibraryService } from './libraryService.ts';

let service: LibraryService;
let dispatch: Dispatch;
let dir: string;
let spectra: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sts-api-hostile-'));
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 1 });
  dispatch = createDispatch(service.handlers);
  const progress = await service.startImport([resolve('resources/demo')]).done;
  spectra = progress.report.spectra;
  expect(spectra).toBeGreaterThan(10);
});

afterAll(async () => {
  await service.close();
});

describe('importLabels reads only a labels table', () => {
  it('refuses /etc/passwd by name, echoing none of it', async () => {
    const result = await dispatch('importLabels', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(result)).not.toMatch(/root:/);
  });

  it('refuses a FIFO named .csv at once, without blocking', async () => {
    const fifo = join(dir, 'labels.csv');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO with no writer blocks forever: an answer at all (within the test's timeout)
    // shows it was refused by type, not read.
    const result = await dispatch('importLabels', { path: fifo });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('answers a missing file and a folder alike, so the answer does not reveal which exists', async () => {
    const missing = await dispatch('importLabels', { path: join(dir, 'nope.csv') });
    const folder = join(dir, 'folder.csv');
    execFileSync('mkdir', [folder]);
    const isFolder = await dispatch('importLabels', { path: folder });
    expect(missing).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(isFolder).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('reports lines that are not file,label by count of cells, never by their text', async () => {
    const path = join(dir, 'secret.txt');
    writeFileSync(path, 'root:x:0:0:root:/root:/bin/bash\n');
    const result = await dispatch('importLabels', { path });
    expect(result).toEqual({
      ok: true,
      value: {
        files: 0,
        spectra: 0,
        unmatched: [],
        problems: [{ line: 1, reason: "expected 'file,label', found 1 cell(s)" }],
      },
    });
  });
});

describe('input limits', () => {
  it('refuses 600,000 ids in setLabel before touching the library', async () => {
    const ids = Array.from({ length: 600_000 }, (_, i) => (i % spectra) + 1);
    const result = await dispatch('setLabel', { spectrumIds: ids, label: 'core' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/spectrumIds/) },
    });
  });

  it('counts each spectrum once when ids repeat', async () => {
    const result = await dispatch('setLabel', { spectrumIds: [1, 1, 2, 2, 2], label: 'core' });
    expect(result).toEqual({ ok: true, value: { changed: 2 } });
  });

  it.each(['2024-13-45T99', '2024-02-30', '2024-01-01T24:00', '2024-01-01junk', '20240101'])(
    'refuses the impossible date %s',
    async (from) => {
      const result = await dispatch('listFiles', { from });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    },
  );

  it.each(['2024-02-29', '2024-01-01T10:20', '2024-01-01T10:20:30.5Z', '2024-01-01T10:20:30+02:00'])(
    'accepts the real date %s',
    async (from) => {
      const result = await dispatch('listFiles', { from });
      expect(result).toMatchObject({ ok: true });
    },
  );

  it('refuses a 10,000-character text filter', async () => {
    const result = await dispatch('listSpectra', { text: 'x'.repeat(10_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
