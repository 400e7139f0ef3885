// Hostile requests against browser mode: malformed targets, cross-origin calls and oversized
// answers are each answered with an error, and the server keeps answering afterwards.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/api/dispatch.ts';
import { LibraryService } from '../services/libraryService.ts';
import { startBridge } from './bridgeServer.ts';
import type { RunningBridge } from './bridgeServer.ts';

let service: LibraryService;
let bridge: RunningBridge;
let port: number;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sts-bridge-hostile-'));
  const rendererRoot = join(dir, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 1 });
  // A small response limit so a real library of a few spectra is "too large".
  bridge = await startBridge({
    dispatch: createDispatch(service.handlers),
    rendererRoot,
    maxResponseChars: 2000,
  });
  port = Number(new URL(bridge.url).port);
});

afterAll(async () => {
  await bridge.close();
  await service.close();
});

/** Sends one raw HTTP/1.1 request (the target exactly as given) and returns the status code. */
function raw(target: string, extraHeaders = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0)));
    socket.on('error', reject);
    socket.write(
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extraHeaders}Connection: close\r\n\r\n`,
    );
  });
}

async function stillAnswers(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/api/getLibraryInfo`, {
    method: 'POST',
    headers: { 'x-sts-token': bridge.token },
    body: '{}',
  });
  expect(response.status).toBe(200);
}

describe('bridge under hostile requests', () => {
  it.each(['/%', '/%ff', '/%E0%A4%A', 'http://[', '/%00', '/api/%', '//../../etc/passwd'])(
    'answers the malformed target %s with an error status and keeps serving',
    async (target) => {
      const status = await raw(target);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      await stillAnswers();
    },
  );

  it('forbids framing the renderer (frame-ancestors as a header, where it works)', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a cross-origin API call (Origin of another site)', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/getLibraryInfo`, {
      method: 'POST',
      headers: { 'x-sts-token': bridge.token, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    await stillAnswers();
  });

  it('answers an oversized response with a too-large envelope, not a crash', async () => {
    const run = service.startImport([join(process.cwd(), 'resources/demo')]);
    await run.done;
    expect(run.progress.report.spectra).toBeGreaterThan(10);
    const response = await fetch(`http://127.0.0.1:${port}/api/listSpectra`, {
      method: 'POST',
      headers: { 'x-sts-token': bridge.token },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(body.error.message).toContain('listSpectra');
    await stillAnswers();
  });
});
