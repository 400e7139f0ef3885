// Small crafted files that once took gigabytes: each is imported by the real CLI in a child
// process, whose peak resident memory (/usr/bin/time's maximum RSS, threads included) must stay
// under 1 GB, and each gets a specific outcome: refused by a named limit, or read with the right
// number of spectra.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/sts-workbench.js');
const GB_KB = 1024 * 1024;

interface Report {
  imported: number;
  spectra: number;
  failed: Array<{ file: string; error: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

/** Imports one file in a child process; returns its JSON report and peak RSS in kB. */
function importInChild(file: string): { report: Report; maxRssKb: number } {
  const db = join(mkdtempSync(join(tmpdir(), 'sts-mem-db-')), 'library.sqlite');
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'maxrss_kb=%M', process.execPath, bin, 'import', file, '--db', db, '--json'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(child.status, child.stderr).toBe(0);
  const maxRssKb = Number(/maxrss_kb=(\d+)/.exec(child.stderr)?.[1]);
  expect(maxRssKb).toBeGreaterThan(0);
  return { report: JSON.parse(child.stdout) as Report, maxRssKb };
}

function folder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sts-mem-')), 'session');
  mkdirSync(dir);
  return dir;
}

const DAT_HEADER = 'Experiment\tbias spectroscopy\t\nDate\t01.02.2024 10:00:00\t\n\n[DATA]\n';

describe('memory stays bounded on crafted files (peak RSS of the import < 1 GB)', () => {
  it('a 0.5 MB .dat with 400 current columns: one spectrum per column, no copies of the others', () => {
    const path = join(folder(), 'many-currents.dat');
    const columns = 400;
    const rows = 160;
    const names = ['Bias calc (V)', ...Array.from({ length: columns }, () => 'Current (A)')].join('\t');
    const lines = Array.from({ length: rows }, (_, r) =>
      [(r / rows).toFixed(4), ...Array.from({ length: columns }, (_c, c) => `${r * 1e-12 + c * 1e-15}`)].join(
        '\t',
      ),
    );
    writeFileSync(path, DAT_HEADER + names + '\n' + lines.join('\n') + '\n', 'latin1');
    const { report, maxRssKb } = importInChild(path);
    expect(maxRssKb).toBeLessThan(GB_KB);
    expect(report.failed).toEqual([]);
    expect(report.spectra).toBe(columns);
  });

  it('a column line of 80,000 names (under the line limit) is refused by the column limit, naming it', () => {
    const path = join(folder(), 'wide.dat');
    writeFileSync(path, DAT_HEADER + 'Bias calc (V)' + '\tI (A)'.repeat(80_000) + '\n0\t1\n', 'latin1');
    const { report, maxRssKb } = importInChild(path);
    expect(maxRssKb).toBeLessThan(GB_KB);
    expect(report.failed).toEqual([
      { file: path, error: 'columns after [DATA]: 80001, over the limit of 512' },
    ]);
  });

  it('a .3ds with 200 current channels: 200 spectra per pixel, no quadratic copies', () => {
    const path = join(folder(), 'many-channels.3ds');
    const [nx, ny, points, channels] = [6, 6, 64, 200];
    const parameters = ['Sweep Start', 'Sweep End', 'X (m)', 'Y (m)', 'Z (m)'];
    const header = [
      `Grid dim="${nx} x ${ny}"`,
      'Grid settings=0E+0;0E+0;1E-8;1E-8;0E+0',
      'Sweep Signal="Bias (V)"',
      'Fixed parameters="Sweep Start;Sweep End"',
      'Experiment parameters="X (m);Y (m);Z (m)"',
      `# Parameters (4 byte)=${parameters.length}`,
      `Experiment size (bytes)=${channels * points * 4}`,
      `Points=${points}`,
      `Channels="${Array.from({ length: channels }, () => 'Current (A)').join(';')}"`,
      'Experiment="Grid Spectroscopy"',
      ':HEADER_END:',
      '',
    ].join('\r\n');
    const pixelValues = parameters.length + channels * points;
    const data = Buffer.alloc(nx * ny * pixelValues * 4);
    for (let p = 0; p < nx * ny; p++) {
      const base = p * pixelValues;
      data.writeFloatBE(-1, base * 4);
      data.writeFloatBE(1, (base + 1) * 4);
      for (let i = parameters.length; i < pixelValues; i++)
        data.writeFloatBE(1e-12 * (i + p), (base + i) * 4);
    }
    writeFileSync(path, Buffer.concat([Buffer.from(header, 'latin1'), data]));
    const { report, maxRssKb } = importInChild(path);
    expect(maxRssKb).toBeLessThan(GB_KB);
    expect(report.failed).toEqual([]);
    expect(report.spectra).toBe(nx * ny * channels);
  }, 60_000);

  it('a 3 MB line of 200,000 tabs is refused by the line limit, not a stack overflow', () => {
    const path = join(folder(), 'long-line.dat');
    const comment = 'Comment\t' + '\t'.repeat(200_000) + 'x'.repeat(3_000_000);
    writeFileSync(
      path,
      DAT_HEADER.replace('\n', `\n${comment}\n`) + 'Bias calc (V)\tCurrent (A)\n0\t1\n',
      'latin1',
    );
    const { report, maxRssKb } = importInChild(path);
    expect(maxRssKb).toBeLessThan(GB_KB);
    expect(report.failed).toEqual([
      { file: path, error: 'line length (characters): 3200008, over the limit of 1048576' },
    ]);
  });

  it('a Createc zlib stream announcing 2^27 values is refused by the image limit before inflating', () => {
    const path = join(folder(), 'bomb.dat');
    const header = '[Paramco32]\r\nNum.X=8192\r\nNum.Y=8192\r\nChannels=2\r\n';
    // 64 MB of zeros compress to ~64 kB: what the stream would inflate to.
    const stream = deflateSync(Buffer.alloc(64 * 1024 * 1024));
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(header.padEnd(16384 - 4, ' ') + 'DATA', 'latin1'), stream]),
    );
    const { report, maxRssKb } = importInChild(path);
    expect(maxRssKb).toBeLessThan(GB_KB);
    const outcome = [...report.failed.map((f) => f.error), ...report.skipped.map((s) => s.reason)].join(' ');
    expect(outcome).toMatch(/image values .* over the limit of 33554432/);
  });

  it('a 208 MB text file is refused by the text size limit, with the size and the limit', () => {
    const path = join(folder(), 'huge.txt');
    const fd = openSync(path, 'w');
    const row = '0.123456\t1.234567e-10\n';
    const chunk = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)), 'latin1');
    writeSync(fd, Buffer.from('Bias (V)\tCurrent (A)\n', 'latin1'));
    for (let written = 0; written < 208 * (1 << 20); written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const { report, maxRssKb } = importInChild(path);
    expect(maxRssKb).toBeLessThan(GB_KB);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.error).toMatch(
      /file size \(bytes\) for text-iv: \d{9}, over the limit of 67108864/,
    );
  }, 60_000);
});
