// A small static server for the end-to-end tests: serves dist/ at /, and tests/e2e/fixtures at
// /fixtures/, with the right MIME types (application/wasm). Bound to 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Network faults the hostile tests ask for by name, under /faults/. */
function fault(name, res) {
  const json = (body, extra = {}) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra }) && body;
  switch (name) {
    case 'hang.json': // headers never come
      return;
    case 'slow-body.json': // headers, then a body that never ends
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.write('{"version": 1,');
      return;
    case 'truncated.json': { // promises 4000 bytes, sends 40, closes
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4000' });
      res.write('{"version": 1, "meta": {"title": "截断的');
      setTimeout(() => res.destroy(), 50);
      return;
    }
    case 'cut-short.json': // a complete response whose JSON stops half way
      json();
      return res.end('{"version": 1, "meta": {"title": "只有一半');
    case 'empty.json':
      res.writeHead(204);
      return res.end();
    case 'error-page.json': // a CMS error page with status 200
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!DOCTYPE html><html><body><h1>页面不存在</h1></body></html>');
    case 'gbk.json': { // the sample report's first bytes in GBK: 示例 = CA BE C0 FD
      json();
      return res.end(Buffer.concat([Buffer.from('{"version": 1, "meta": {"title": "'), Buffer.from([0xca, 0xbe, 0xc0, 0xfd]), Buffer.from('"}}')]));
    }
    case 'array.json':
      json();
      return res.end('[{"version": 1}]');
    case 'huge-figure.json':
      json();
      return res.end(`{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-01 08:00","year":"${'9'.repeat(200000)}"},"sections":[]}`);
    default:
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Not Found');
  }
}

/** Brotli bodies of the files served compressed, made once. */
const compressed = new Map();
const COMPRESSIBLE = new Set(['.js', '.wasm', '.json', '.html', '.css']);

/** Starts a server; `roots` maps URL prefixes to folders. With `brotli`, text and wasm go out
 * brotli-compressed to a browser that accepts it, as a well-configured host serves them.
 * Resolves to { server, url }. */
export function serve({ roots, port = 0, headers = {}, brotli = false }) {
  const mounts = Object.entries(roots).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.startsWith('/faults/')) return fault(path.slice('/faults/'.length), res);
      const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
      if (!dir) throw Object.assign(new Error('no mount'), { code: 'ENOENT' });
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
      let file = resolve(join(dir, rel));
      if (!file.startsWith(resolve(dir))) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const extra = {};
      if (brotli && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}`;
        if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        body = compressed.get(key);
        extra['content-encoding'] = 'br';
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra, ...headers });
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
