// Issue #7 item 9, what can be checked without an Electron binary: the openExternal allow-list,
// the renderer's Content-Security-Policy and the frame-level IPC sender check. (The window itself is checked by e2e/electron.spec.ts
// where Electron runs, and the sources by Electronegativity in npm test.)
import type { IpcMain } from 'electron';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../shared/api/dispatch.ts';
import { EXTERNAL_ORIGINS, isAllowedExternal } from './externalLinks.ts';
import { fromMainFrameOf, registerIpc } from './ipc/registerIpc.ts';
import { LibraryService } from './services/libraryService.ts';

describe('openExternal allow-list', () => {
  it('is empty by default: no URL reaches the system browser', () => {
    expect(EXTERNAL_ORIGINS).toEqual([]);
    for (const url of [
      'https://example.com/',
      'https://github.com/anything',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'not a url',
      '',
    ])
      expect(isAllowedExternal(url), url).toBe(false);
  });

  it('with an origin allowed, only https URLs of exactly that origin pass', () => {
    const allowed = ['https://docs.example.org'];
    expect(isAllowedExternal('https://docs.example.org/guide#x', allowed)).toBe(true);
    for (const url of [
      'http://docs.example.org/guide',
      'https://docs.example.org.evil.com/',
      'https://evil.com/?https://docs.example.org',
      'https://docs.example.org:8443/',
      'https://user@evil.com/',
    ])
      expect(isAllowedExternal(url, allowed), url).toBe(false);
  });
});

describe('renderer Content-Security-Policy', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it("sets object-src 'none', base-uri 'none' and form-action 'none'", () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('allows scripts and connections only from the app itself (no inline, no eval)', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('IPC sender check (frame level)', () => {
  // ipcMain as the app uses it: one handler per channel. The handlers are ours, run for real,
  // against a real library through the shared dispatch.
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn),
  };
  const mainFrame = { name: 'main frame' };
  const contents = { mainFrame };

  it("answers the window's top frame and refuses a subframe, another page and another window", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-ipc-'));
    const service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
    try {
      registerIpc(ipcMain as unknown as IpcMain, createDispatch(service.handlers), fromMainFrameOf(contents));
      const call = handlers.get('sts:listLabels')!;
      expect(await call({ sender: contents, senderFrame: mainFrame }, {})).toEqual({
        ok: true,
        value: { rows: [] },
      });
      const forbidden = { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame' } };
      expect(await call({ sender: contents, senderFrame: { name: 'an iframe' } }, {})).toEqual(forbidden);
      expect(await call({ sender: { mainFrame }, senderFrame: mainFrame }, {})).toEqual(forbidden);
      expect(await call({ sender: contents, senderFrame: null }, {})).toEqual(forbidden);
    } finally {
      await service.close();
    }
  });
});
