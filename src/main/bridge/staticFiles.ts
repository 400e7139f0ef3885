// Serves the built renderer (out/renderer) for browser mode. Only files under the root, never
// a path that climbs out of it.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const decoded = decodePath(urlPath);
  if (decoded === null || decoded.includes('\0')) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('malformed path');
    return;
  }
  const relative = urlPath === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) {
    response.writeHead(403).end('forbidden');
    return;
  }
  try {
    const body = await readFile(path);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      // frame-ancestors only works as a header (a <meta> CSP ignores it): no page may frame ours.
      'content-security-policy': "frame-ancestors 'none'; object-src 'none'",
      'x-frame-options': 'DENY',
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${urlPath}`);
  }
}
