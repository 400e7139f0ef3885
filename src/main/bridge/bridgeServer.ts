// Browser mode: the LibraryApi over HTTP on 127.0.0.1 only, guarded by a random token per run
// (header x-sts-token) and a Host check against DNS rebinding, plus the built renderer.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../shared/api/dispatch.ts';
import { BINARY_WIRE_TYPE, encodeBinaryWire } from '../../shared/api/binaryWire.ts';
import { decodeWire, encodeWire } from '../../shared/api/wireCodec.ts';
import { serveStatic } from './staticFiles.ts';

/** Largest request body accepted, bytes: API inputs are small. */
const MAX_BODY = 8 * 1024 * 1024;

export interface BridgeOptions {
  dispatch: Dispatch;
  /** Built renderer folder (out/renderer). */
  rendererRoot: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningBridge {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error(`request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(body);
}

/** A binary frame (binaryWire.ts): curves as raw bytes, asked for with `accept`. */
function sendBinary(response: ServerResponse, value: unknown): void {
  const chunks = encodeBinaryWire(value);
  const length = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  response.writeHead(200, {
    'content-type': BINARY_WIRE_TYPE,
    'content-length': length,
    'cache-control': 'no-store',
  });
  for (const chunk of chunks) response.write(chunk);
  response.end();
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      response.writeHead(421).end('wrong host');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET') response.writeHead(405).end();
      else await serveStatic(options.rendererRoot, url.pathname, response);
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    const given = request.headers['x-sts-token'];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      sendJson(
        response,
        401,
        encodeWire({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } }),
      );
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body ? decodeWire(body) : {};
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 400, encodeWire({ ok: false, error: { code: 'bad-request', message } }));
      return;
    }
    const envelope = await options.dispatch(url.pathname.slice('/api/'.length), input);
    if (request.headers.accept?.includes(BINARY_WIRE_TYPE)) sendBinary(response, envelope);
    else sendJson(response, 200, encodeWire(envelope));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
