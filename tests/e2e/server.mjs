// A small static server for the end-to-end tests: serves dist/ at /, and tests/e2e/fixtures at
// /fixtures/, with the right MIME types (application/wasm). Bound to 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server; `roots` maps URL prefixes to folders. Resolves to { server, url }. */
export function serve({ roots, port = 0, headers = {} }) {
  const mounts = Object.entries(roots).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
      if (!dir) throw Object.assign(new Error('no mount'), { code: 'ENOENT' });
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
      let file = resolve(join(dir, rel));
      if (!file.startsWith(resolve(dir))) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(e.code === 'ENOENT' ? 'Not Found' : 'Server Error');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

// `node tests/e2e/server.mjs [port]` serves dist/ on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(new URL('../..', import.meta.url).pathname);
  const { url } = await serve({ roots: { '/fixtures/': join(root, 'tests/e2e/fixtures'), '/': join(root, 'dist') }, port: Number(process.argv[2] ?? 8080) });
  console.log(`serving dist/ on ${url}`);
}
