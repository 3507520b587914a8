/**
 * Serves the built client (dist/client). Paths without a file fall back to index.html so client
 * routes work on reload. If the client was never built, every page says so with a 503.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

export const DEFAULT_CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

const NOT_BUILT = `<!doctype html><html><head><meta charset="utf-8"><title>Penholder: client not built</title></head>
<body><h1>The Penholder client has not been built</h1>
<p>The server is running, but <code>dist/client</code> is missing. Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload.</p>
<p>The API (<code>/api/drafts</code>) and collaboration endpoint (<code>/collab/&lt;draftId&gt;</code>) work without it.</p></body></html>`;

async function readFileIfAny(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return null;
    return new Uint8Array(await fs.readFile(file));
  } catch {
    return null;
  }
}

export function staticRoutes(clientDir: string = DEFAULT_CLIENT_DIR): Hono {
  const app = new Hono();
  const root = path.resolve(clientDir);
  app.get('*', async (c) => {
    const index = await readFileIfAny(path.join(root, 'index.html'));
    if (!index) return c.html(NOT_BUILT, 503);
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      rel = '/';
    }
    const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (file.startsWith(root + path.sep) && path.extname(file)) {
      const body = await readFileIfAny(file);
      if (body) {
        const immutable = file.startsWith(path.join(root, 'assets') + path.sep);
        return c.body(body, 200, {
          'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
      return c.text('not found', 404);
    }
    return c.body(index, 200, { 'content-type': MIME['.html'], 'cache-control': 'no-cache' });
  });
  return app;
}
