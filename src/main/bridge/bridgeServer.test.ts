import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import type { LibraryApi } from '../../shared/api/contract.ts';
import { createDispatch } from '../../shared/api/dispatch.ts';
import type { ApiEnvelope } from '../../shared/api/envelope.ts';
import { decodeWire, encodeWire } from '../../shared/api/wireCodec.ts';
import { SCHEMA_VERSION } from '../library/migrate.ts';
import { LibraryService } from '../services/libraryService.ts';
import { startBridge } from './bridgeServer.ts';
import type { RunningBridge } from './bridgeServer.ts';

let service: LibraryService;
let bridge: RunningBridge;
let base: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-bridge-'));
  const rendererRoot = join(dir, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
  bridge = await startBridge({ dispatch: createDispatch(service.handlers), rendererRoot });
  base = new URL(bridge.url).origin;
});

afterAll(async () => {
  await bridge.close();
  await service.close();
});

function post(
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(encodeWire(body));
  });
}

function api(): LibraryApi {
  return createApiClient<LibraryApi>(async (method, input) => {
    const response = await post(`/api/${method}`, input, { 'x-sts-token': bridge.token });
    return decodeWire(response.text) as ApiEnvelope<unknown>;
  });
}

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 with a long random token in the URL', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('serves the API to a client with the token', async () => {
    const info = await api().getLibraryInfo({});
    expect(info).toMatchObject({ files: 0, spectra: 0, images: 0, schemaVersion: SCHEMA_VERSION });
  });

  it('rejects API calls without the token, or with a wrong one', async () => {
    expect((await post('/api/getLibraryInfo', {}, {})).status).toBe(401);
    const wrong = await post('/api/getLibraryInfo', {}, { 'x-sts-token': 'x'.repeat(32) });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('unauthorized');
  });

  it('rejects a request for another host name (DNS rebinding)', async () => {
    const response = await post(
      '/api/getLibraryInfo',
      {},
      { 'x-sts-token': bridge.token, host: 'evil.example:80' },
    );
    expect(response.status).toBe(421);
  });

  it('returns validation errors as envelopes naming the field', async () => {
    await expect(api().getSpectrum({ id: -3 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('id'),
    });
    await expect(api().startImport({ paths: [] })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('returns not-found and unknown-method errors with their codes', async () => {
    await expect(api().getSpectrum({ id: 999 })).rejects.toMatchObject({
      code: 'not-found',
      message: 'no spectrum with id 999',
    });
    const response = await post('/api/dropTables', {}, { 'x-sts-token': bridge.token });
    expect(decodeWire(response.text)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('serves the renderer but nothing outside its folder', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>t</title>');
    const escape = await fetch(`${base}/..%2Fsecret.txt`);
    expect(escape.status).not.toBe(200);
  });
});
