// The size budget of the first download (what every reader pays before the report shows): the
// wasm, its bindings and the loader, brotli at quality 11, per build. A deterministic size, not a
// timing: `.ci/run` fails when a build passes its budget, so the next feature has to pay for
// itself (take something out of the first download, or load on demand).
//   node scripts/size-budget.mjs [DIST]   prints each build against its budget; exit 1 if over
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Budgets and targets in KB of 1,024 bytes, as the bench prints them. */
export const BUDGETS = [
  // [build, file stem, budget KB, target KB]
  ['JSON mode and static copy', 'report-viewer-core', 304.5, 180],
  ['enhance mode', 'report-viewer-enhance', 352.5, 210],
];

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Each build's first download: { build, kb, budget, target, over }. */
export async function firstDownloads(dist = join(ROOT, 'dist')) {
  const version = (await readFile(join(ROOT, 'Cargo.toml'), 'utf8')).match(/^version\s*=\s*"([^"]+)"/m)[1];
  const loader = brotli(await readFile(join(dist, `report-viewer-${version}.js`)));
  const out = [];
  for (const [build, stem, budget, target] of BUDGETS) {
    const wasm = brotli(await readFile(join(dist, `${stem}-${version}_bg.wasm`)));
    const js = brotli(await readFile(join(dist, `${stem}-${version}.js`)));
    const kb = (wasm + js + loader) / 1024;
    out.push({ build, kb, wasmKb: wasm / 1024, jsKb: (js + loader) / 1024, budget, target, over: kb > budget });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await firstDownloads(process.argv[2]);
  for (const r of rows) {
    console.log(`${r.over ? 'OVER BUDGET' : 'within budget'}: ${r.build}, first download ${r.kb.toFixed(1)} KB brotli (wasm ${r.wasmKb.toFixed(1)} + JS ${r.jsKb.toFixed(1)}); budget ${r.budget} KB, target ${r.target} KB`);
  }
  if (rows.some((r) => r.over)) {
    console.log('A build passed its size budget (scripts/size-budget.mjs): take something out of the first download or load it on demand; raise the budget only with a reason in the commit.');
    process.exit(1);
  }
}
