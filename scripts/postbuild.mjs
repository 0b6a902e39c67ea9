// After `trunk build`: gives the wasm-bindgen output stable, versioned names, writes the loader
// (report-viewer.js and report-viewer-<version>.js) with the Subresource Integrity hashes of what
// it loads, and prints and writes (dist/sri.txt, dist/sri.json) the hashes a webmaster pastes.
import { createHash } from 'node:crypto';
import { readFile, writeFile, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const cargo = await readFile(join(root, 'Cargo.toml'), 'utf8');
const version = cargo.match(/^version\s*=\s*"([^"]+)"/m)[1];
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

const core = `report-viewer-core-${version}.js`;
const wasm = `report-viewer-core-${version}_bg.wasm`;
const enhanceCore = `report-viewer-enhance-${version}.js`;
const enhanceWasm = `report-viewer-enhance-${version}_bg.wasm`;
for (const [from, to] of [['report-viewer-core.js', core], ['report-viewer-core_bg.wasm', wasm],
  ['report-viewer-enhance.js', enhanceCore], ['report-viewer-enhance_bg.wasm', enhanceWasm]]) {
  if (existsSync(join(dist, from))) {
    await rm(join(dist, to), { force: true });
    await rename(join(dist, from), join(dist, to));
  }
}
const coreBytes = await readFile(join(dist, core));
const wasmBytes = await readFile(join(dist, wasm));
const enhanceCoreBytes = await readFile(join(dist, enhanceCore));
const enhanceWasmBytes = await readFile(join(dist, enhanceWasm));
const loader = (await readFile(join(root, 'loader/report-viewer.js'), 'utf8'))
  .replaceAll('__VERSION__', version)
  .replace('__CORE_SRI__', sri(coreBytes))
  .replace('__WASM_SRI__', sri(wasmBytes))
  .replace('__ENHANCE_CORE_SRI__', sri(enhanceCoreBytes))
  .replace('__ENHANCE_WASM_SRI__', sri(enhanceWasmBytes));
const loaderName = `report-viewer-${version}.js`;
await writeFile(join(dist, loaderName), loader);
await writeFile(join(dist, 'report-viewer.js'), loader);

const hashes = { version, [loaderName]: sri(Buffer.from(loader)), [core]: sri(coreBytes), [wasm]: sri(wasmBytes), [enhanceCore]: sri(enhanceCoreBytes), [enhanceWasm]: sri(enhanceWasmBytes) };
await writeFile(join(dist, 'sri.json'), JSON.stringify(hashes, null, 2) + '\n');
const snippet = `<script src="https://YOUR-HOST/report-viewer/${loaderName}" integrity="${hashes[loaderName]}" crossorigin="anonymous" defer></script>`;
const text = [`report-viewer ${version}: Subresource Integrity`, '', ...Object.entries(hashes).filter(([k]) => k !== 'version').map(([k, v]) => `${k}  ${v}`), '', 'Paste into the page:', snippet, ''].join('\n');
await writeFile(join(dist, 'sri.txt'), text);
console.log(text);
