// Browser mode: the LibraryApi over HTTP on 127.0.0.1 only, guarded by a random token per run
// (header x-sts-token), a Host check against DNS rebinding and an Origin check against other
// pages on this machine, plus the built renderer. Every request is answered: a handler that throws
// (malformed target, oversized response) gets a 500 envelope, never a crashed process.
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
/** Largest response body, UTF-16 code units (~bytes): past this the caller must page. */
export const MAX_RESPONSE_CHARS = 256 * 1024 * 1024;

export interface BridgeOptions {
  dispatch: Dispatch;
  /** Built renderer folder (out/renderer). */
  rendererRoot: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Largest response, characters; default MAX_RESPONSE_CHARS. */
  maxResponseChars?: number;
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

function errorBody(code: string, message: string): string {
  return JSON.stringify({ ok: false, error: { code, message } });
}

/** Encodes an API envelope, or an error envelope when the value is too large to send at once. */
function encodeBounded(envelope: unknown, method: string, limit: number): string {
  let body: string;
  try {
    body = encodeWire(envelope);
  } catch (error) {
    // V8 throws RangeError past its string limit (~512 M chars): the answer is too large.
    const reason = error instanceof Error ? error.message : String(error);
    return errorBody(
      'too-large',
      `${method}: the response is too large to send at once (${reason}); ask for fewer rows`,
    );
  }
  if (body.length > limit) {
    return errorBody(
      'too-large',
      `${method}: the response is ${body.length} characters, over the ${limit} limit; ask for fewer rows`,
    );
  }
  return body;
}

/** Host header values accepted; browsers on the same machine send one of these. */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => answerFailure(response, error));
  });

  function answerFailure(response: ServerResponse, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendJson(response, 500, errorBody('internal', `request failed: ${message}`));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    const hosts = allowedHosts(port);
    if (!hosts.has(host)) {
      response.writeHead(421).end('wrong host');
      return;
    }
    // Browsers send Origin on cross-origin requests: only our own page may call the API.
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      sendJson(response, 403, errorBody('forbidden', 'cross-origin request refused'));
      return;
    }
    let url: URL;
    try {
      url = new URL(request.url ?? '/', `http://${host}`);
    } catch {
      sendJson(response, 400, errorBody('bad-request', 'malformed request target'));
      return;
    }
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
    const method = url.pathname.slice('/api/'.length);
    const envelope = await options.dispatch(method, input);
    if (request.headers.accept?.includes(BINARY_WIRE_TYPE)) sendBinary(response, envelope);
    else
      sendJson(
        response,
        200,
        encodeBounded(envelope, method, options.maxResponseChars ?? MAX_RESPONSE_CHARS),
      );
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
