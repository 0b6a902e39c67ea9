// scripts/bench: size, speed and scale of the viewer against the static-HTML limit. Prints a
// table and writes BENCHMARKS.md with the machine it ran on. `--smoke`: the smallest size and one
// load, written nowhere (CI keeps the bench working; figures never decide pass or fail).
import { chromium } from 'playwright-core';
import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { CHROMIUM_ARGS, enhancedCorpusPage } from '../e2e/harness.mjs';
import { firstDownloads } from '../../scripts/size-budget.mjs';
import { generate } from './generate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const smoke = process.argv.includes('--smoke');
const sizes = smoke ? [1] : [1, 4, 16, 64];
const loads = smoke ? 1 : 7;
const tool = join(root, 'target/tool/report-tool');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(1);
const out = [];
const say = (line = '') => { console.log(line); out.push(line); };

// 1. Bundle size.
const version = (await readFile(join(root, 'Cargo.toml'), 'utf8')).match(/^version\s*=\s*"([^"]+)"/m)[1];
const files = [
  ['wasm', `report-viewer-core-${version}_bg.wasm`],
  ['JS: bindings', `report-viewer-core-${version}.js`],
  ['JS: loader', `report-viewer-${version}.js`],
];
const sizeRows = [];
for (const [what, name] of files) {
  const bytes = await readFile(join(dist, name));
  sizeRows.push([what, bytes.length, gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length]);
}
// The stylesheet as the wasm holds it (minified by build.rs), else its source.
// (The newest of the build's copies: older build folders may linger.)
const builtCss = execFileSync('find', [join(root, 'target/wasm32-unknown-unknown/release/build'), '-name', 'report-viewer.min.css', '-printf', '%T@ %p\\n'], { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).sort((a, b) => Number(b.split(' ')[0]) - Number(a.split(' ')[0])).map((l) => l.slice(l.indexOf(' ') + 1));
const css = await readFile(builtCss[0] ?? join(root, 'style/report-viewer.css'));
const total = sizeRows.reduce((a, r) => [a[0] + r[1], a[1] + r[2], a[2] + r[3]], [0, 0, 0]);

// 2. Reports: generated sizes, their static HTML (report-tool html), and a viewer page.
const benchDir = join(dist, 'bench');
await mkdir(benchDir, { recursive: true });
const generated = await generate(root, benchDir, sizes);
for (const g of generated) {
  execFileSync(tool, ['html', g.file, '-o', g.file.replace(/\.json$/, '.html')]);
  g.jsonBytes = (await stat(g.file)).size;
  g.htmlBytes = (await stat(g.file.replace(/\.json$/, '.html'))).size;
}
// A portal page with one viewer: the container's attributes and what is inside it.
const portal = (attributes, inside = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title><script src="/report-viewer.js" defer></script></head><body><main><div data-report-viewer ${attributes}>${inside}</div></main></body></html>`;
await writeFile(join(benchDir, 'viewer.html'), portal('data-src="/reports/erlianhaote-2020.json" data-src-param="src"'));

const { server, url } = await serve({ roots: { '/': dist } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
const chromiumVersion = browser.version();

// A portal page for each report, the report named by data-src as a webmaster writes it (so the
// loader can ask for it at once).
const viewerPages = new Map();
async function viewerPage(src) {
  if (!viewerPages.has(src)) {
    const name = `viewer-${viewerPages.size}.html`;
    await writeFile(join(benchDir, name), portal(`data-src="${src}"`));
    viewerPages.set(src, `/bench/${name}`);
  }
  return viewerPages.get(src);
}

// A slow link for `page`: 40 ms round trips, 10 Mbit/s each way (CDP network emulation).
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 });
}

async function viewerLoad(src, { slow = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slow) await throttle(context, page);
  await page.goto(`${url}${await viewerPage(src)}`);
  await page.waitForFunction(() => performance.getEntriesByName('report-viewer:shown').length > 0, null, { timeout: 120000 });
  const r = await page.evaluate(() => ({
    shown: performance.getEntriesByName('report-viewer:shown')[0].startTime,
    heap: performance.memory?.usedJSHeapSize ?? 0,
    wasm: window.ReportViewer.memoryBytes(),
  }));
  await context.close();
  return r;
}

async function staticLoad(path, { slow = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slow) await throttle(context, page);
  await page.goto(`${url}${path}`, { waitUntil: 'load' });
  const t = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0))));
  await context.close();
  return t;
}

// 3–4. Time to report on screen, the static limit, memory.
const loadRows = [];
for (const g of generated) {
  const name = g.file.split('/').pop();
  const viewer = [];
  const statik = [];
  for (let i = 0; i < loads; i++) {
    viewer.push(await viewerLoad(`/bench/${name}`));
    statik.push(await staticLoad(`/bench/${name.replace(/\.json$/, '.html')}`));
  }
  loadRows.push({
    n: g.n, jsonBytes: g.jsonBytes, htmlBytes: g.htmlBytes,
    viewer: median(viewer.map((v) => v.shown)), static: median(statik),
    heap: median(viewer.map((v) => v.heap)), wasm: median(viewer.map((v) => v.wasm)),
  });
}
// The seed report as published.
const seedViewer = [];
const seedStatic = [];
execFileSync(tool, ['html', join(root, 'public/reports/erlianhaote-2020.json'), '-o', join(benchDir, 'seed.html')]);
for (let i = 0; i < loads; i++) {
  seedViewer.push((await viewerLoad('/reports/erlianhaote-2020.json')).shown);
  seedStatic.push(await staticLoad('/bench/seed.html'));
}
// First contentful paint of a page; with `viewer`, also when the viewer has taken over.
// Interactive: the `report-viewer:drawn` mark, set after the frame with the viewer drawn is
// painted (the `shown` mark comes just before that frame).
async function paintLoad(path, { viewer = false, slow = false, local = false, base = url } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slow) await throttle(context, page);
  // A real portal page names its site's scripts and styles: they fail at once, as offline.
  if (local) await page.route((u) => !u.href.startsWith(url), (r) => r.abort());
  await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 120000 });
  if (viewer) await page.waitForFunction(() => performance.getEntriesByName('report-viewer:drawn').length > 0, null, { timeout: 120000 });
  const r = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    drawn: performance.getEntriesByName('report-viewer:drawn')[0]?.startTime ?? NaN,
  }));
  await context.close();
  return r;
}

// Three ways to embed, per size: JSON only; JSON with the static copy in the container
// (report-tool html --fragment); enhance (the report already on the page as an article, read by
// the viewer). First report text: first contentful paint (JSON only: the viewer's shown mark, as
// its container holds nothing to paint before); interactive: the drawn mark. Each against the
// static page's first contentful paint in the same run. The enhance pages use the standalone
// export as the article (its contents list removed), plus one real page of the corpus.
const modeLoads = smoke ? 1 : 5;
const modeSizes = [{ label: 'seed', json: '/reports/erlianhaote-2020.json', file: join(root, 'public/reports/erlianhaote-2020.json'), static: '/bench/seed.html' },
  ...generated.map((g) => ({ label: `${g.n}×`, json: `/bench/${g.file.split('/').pop()}`, file: g.file, static: `/bench/${g.file.split('/').pop().replace(/\.json$/, '.html')}` }))];
const enhancePage = (html) => html
  .replace(/<nav class="rv-contents"[\s\S]*?<\/nav>/, '')
  .replace('<div class="rv rv--standalone"', '<div data-report-viewer data-enhance class="rv rv--standalone"')
  .replace('</head>', '<script src="/report-viewer.js" defer></script></head>');
const corpusPage = join(root, '../shared/corpus/pingtan/2021.html');
if (existsSync(corpusPage)) {
  const page = await readFile(corpusPage, 'utf8');
  await writeFile(join(benchDir, 'corpus-static.html'), page);
  await writeFile(join(benchDir, 'corpus-enhance.html'), enhancedCorpusPage(page));
}
const modeRows = [];
for (const m of smoke ? modeSizes.slice(0, 1) : modeSizes) {
  const tag = m.label.replace('×', 'x');
  const fragmentHtml = execFileSync(tool, ['html', '--fragment', m.file], { maxBuffer: 1 << 28 }).toString('utf8');
  await writeFile(join(benchDir, `mode-fragment-${tag}.html`), portal(`data-src="${m.json}"`, fragmentHtml));
  await writeFile(join(benchDir, `mode-enhance-${tag}.html`), enhancePage(await readFile(join(dist, m.static.slice(1)), 'utf8')));
  const row = { label: m.label, static: [], json: [], fragment: [], enhance: [] };
  for (let i = 0; i < modeLoads; i++) {
    row.static.push((await paintLoad(m.static)).paint);
    row.json.push((await paintLoad(await viewerPage(m.json), { viewer: true })).drawn);
    row.fragment.push(await paintLoad(`/bench/mode-fragment-${tag}.html`, { viewer: true }));
    row.enhance.push(await paintLoad(`/bench/mode-enhance-${tag}.html`, { viewer: true }));
  }
  modeRows.push(row);
}
if (existsSync(corpusPage) && !smoke) {
  const row = { label: 'real page (平潭 2021, as published)', static: [], json: [], fragment: [], enhance: [] };
  for (let i = 0; i < modeLoads; i++) {
    row.static.push((await paintLoad('/bench/corpus-static.html', { local: true })).paint);
    row.enhance.push(await paintLoad('/bench/corpus-enhance.html', { viewer: true, local: true }));
  }
  modeRows.push(row);
}
// The seed's three modes on the slow link: served as they are, and brotli-compressed (as a host
// that compresses application/wasm and scripts serves them).
const slowModes = { static: [], json: [], fragment: [], enhance: [] };
const slowBrotli = { static: [], json: [], fragment: [], enhance: [] };
if (!smoke) {
  const compressing = await serve({ roots: { '/': dist }, brotli: true });
  for (const [into, base] of [[slowModes, url], [slowBrotli, compressing.url]]) {
    for (let i = 0; i < modeLoads; i++) {
      into.static.push((await paintLoad('/bench/seed.html', { slow: true, base })).paint);
      into.json.push((await paintLoad(await viewerPage('/reports/erlianhaote-2020.json'), { viewer: true, slow: true, base })).drawn);
      into.fragment.push(await paintLoad('/bench/mode-fragment-seed.html', { viewer: true, slow: true, base }));
      into.enhance.push(await paintLoad('/bench/mode-enhance-seed.html', { viewer: true, slow: true, base }));
    }
  }
  compressing.server.close();
}

// The same on a slow link (full run only).
const slowViewer = [];
const slowStatic = [];
if (!smoke) {
  for (let i = 0; i < loads; i++) {
    slowViewer.push((await viewerLoad('/reports/erlianhaote-2020.json', { slow: true })).shown);
    slowStatic.push(await staticLoad('/bench/seed.html', { slow: true }));
  }
}

// 5. Interaction on the largest report: expand all; 朗读 click to the first speak().
const largest = generated[generated.length - 1].file.split('/').pop();
const expandTimes = [];
const speakTimes = [];
for (let i = 0; i < Math.min(loads, 5); i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u) => { window.__firstSpeak ??= performance.now(); speak(u); };
  });
  await page.goto(`${url}/bench/viewer.html?src=/bench/${largest}`);
  await page.waitForFunction(() => performance.getEntriesByName('report-viewer:shown').length > 0, null, { timeout: 120000 });
  // Click to the next frame (the parts in view open in it), and to the frame after the last
  // part opened (a huge report opens a batch of parts per frame).
  expandTimes.push(await page.evaluate(() => new Promise((ok) => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    const button = root.querySelector('.rv-toolbar button');
    const t0 = performance.now();
    button.click();
    requestAnimationFrame(() => setTimeout(() => {
      const first = performance.now() - t0;
      const done = () => (button.getAttribute('aria-disabled') === 'true'
        ? requestAnimationFrame(() => setTimeout(() => ok({ first, all: performance.now() - t0 }), 0))
        : requestAnimationFrame(() => setTimeout(done, 0)));
      done();
    }, 0));
  })));
  speakTimes.push(await page.evaluate(() => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    const t0 = performance.now();
    root.querySelector('.rv-button--read').click();
    return (window.__firstSpeak ?? NaN) - t0;
  }));
  await context.close();
}
// 5b. Hostile sizes in the viewer: one 20,000-row table, one 900,000-character paragraph
// (full run only; both within the viewer limits): time to shown and the longest task the page's own observer saw.
const hostileViewer = [];
if (!smoke) {
  const report = (blocks) => ({ version: 1, meta: { title: '大报告2021年度政府信息公开工作年度报告', agency: '基准', published: '2022-01-01 08:00', year: 2021 },
    sections: [{ id: 'part-1', number: '一、', title: '总体情况', blocks }] });
  const sample = JSON.parse(await readFile(join(root, 'public/reports/sample-2021.json'), 'utf8'));
  const table3 = sample.sections.flatMap((p) => p.blocks ?? []).find((b) => b.template?.startsWith('table3'));
  const cases = [
    ['one table, 20,000 rows', report([{ type: 'table', id: 'big', caption: '大表', columns: ['编号', '说明', '数量'],
      rows: Array.from({ length: 20000 }, (_, i) => `事项${i}`), cells: Array.from({ length: 20000 }, (_, i) => [String(i), `说明${i}`, String(i % 7)]) }])],
    ['one paragraph, 900,000 characters', report([{ type: 'paragraph', text: '公开信息情况良好。'.repeat(100000) }])],
    // The worst case of each shape limit (model::VIEWER_LIMITS), at the limit: what the viewer
    // takes on must stay responsive.
    ['100,000 counted sentences (text check reads 2,000)', report([{ type: 'paragraph', text: '共受理申请1件。'.repeat(100000) }])],
    ['16 copies of 表三 (table limit)', report(Array.from({ length: 16 }, (_, i) => ({ ...table3, id: `t${i}` })))],
    ['one row of 300 columns (column limit)', report([{ type: 'table', id: 'w', caption: '宽', columns: Array.from({ length: 300 }, (_, i) => `列${i}`), rows: ['行'], cells: [Array.from({ length: 300 }, (_, i) => String(i))] }])],
    ['表三 with 470 unknown rows (row limit 500)', report([{ ...table3, values: { ...table3.values, ...Object.fromEntries(Array.from({ length: 470 }, (_, i) => [`row_${i}`, { total: 1 }])) } }])],
    ['499 parts (part and subsection limit 500)', { ...report([]), sections: Array.from({ length: 499 }, (_, i) => ({ id: `p${i}`, number: '', title: `部分${i}`, blocks: [{ type: 'paragraph', text: '段落。' }] })) }],
  ];
  // Enhance mode at its limits: the corpus page's article with more added to it.
  const article = existsSync(corpusPage) ? enhancedCorpusPage(await readFile(corpusPage, 'utf8')) : null;
  const added = (extra) => article.replace(/(data-report-viewer data-enhance[^>]*>)/, `$1${extra}`);
  const rowsTable = (i, n) => `<table><tr><th>项目${i}</th><th>数量</th><th>说明</th></tr>${Array.from({ length: n }, (_, r) => `<tr><td>事项${i}-${r}</td><td>${r}</td><td>说明${r}</td></tr>`).join('')}</table>`;
  if (article) {
    cases.push(
      ['enhance: article of 90,000 elements (limit 100,000)', added(`<p>${'<span>公开</span>'.repeat(90000)}</p>`)],
      ['enhance: article with 13 more tables of 450 rows (16 tables)', added(Array.from({ length: 13 }, (_, i) => rowsTable(i, 450)).join(''))],
      ['enhance: article with a 900,000-character paragraph', added(`<p>${'公开信息情况良好。'.repeat(100000)}</p>`)],
    );
  }
  for (const [what, json] of cases) {
    const html = typeof json === 'string';
    const name = `hostile-${hostileViewer.length}.${html ? 'html' : 'json'}`;
    await writeFile(join(benchDir, name), html ? json : JSON.stringify(json));
    // Three loads: the median time to shown, the worst longest task (the machine's noise is
    // ±50 ms a task).
    const runs = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__long = [];
        window.__mounted = null;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
        // When the viewer starts on the page: tasks that end before are the page's own (parsing and
        // laying out an enhance article as published).
        new MutationObserver(() => { if (window.__mounted === null && document.querySelector('[data-rv-mounted]')) window.__mounted = performance.now(); })
          .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-rv-mounted'] });
      });
      await page.goto(html ? `${url}/bench/${name}` : `${url}/bench/viewer.html?src=/bench/${name}`);
      await page.waitForFunction(() => performance.getEntriesByName('report-viewer:shown').length > 0, null, { timeout: 120000 });
      const shown = await page.evaluate(() => performance.getEntriesByName('report-viewer:shown')[0].startTime);
      // Let the incremental rendering finish, then read the longest task.
      await page.waitForTimeout(3000);
      const [longest, before] = await page.evaluate(() => {
        const ends = (t) => t[0] + t[1] > (window.__mounted ?? 0);
        return [Math.max(0, ...window.__long.filter(ends).map((t) => t[1])), Math.max(0, ...window.__long.filter((t) => !ends(t)).map((t) => t[1]))];
      });
      runs.push({ shown, longest, before });
      await context.close();
    }
    hostileViewer.push({ what, bytes: (await stat(join(benchDir, name))).size, shown: median(runs.map((r) => r.shown)),
      longest: Math.max(...runs.map((r) => r.longest)), before: Math.max(...runs.map((r) => r.before)) });
  }
}

// A PDF of the largest report (its static page printed by Chromium: a real text layer, tables
// over page breaks), for report-tool's PDF import below.
const bigPdf = join(benchDir, 'big.pdf');
{
  const page = await browser.newPage();
  await page.setContent(await readFile(generated[generated.length - 1].file.replace(/\.json$/, '.html'), 'utf8'), { waitUntil: 'load' });
  await page.pdf({ path: bigPdf, format: 'A4' });
  await page.close();
}

await browser.close();
server.closeAllConnections();
server.close();

// 5–6. Native: reading script build per size; report-tool throughput on the largest report.
const timing = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'script_timing', '--', ...generated.map((g) => g.file)], { cwd: root }).toString().trim().split('\n').map((l) => JSON.parse(l));
const big = generated[generated.length - 1];
const timeRuns = (args) => median([0, 1, 2].map(() => { const t = process.hrtime.bigint(); try { execFileSync(tool, args, { stdio: 'ignore' }); } catch { /* check exits 1 on findings */ } return Number(process.hrtime.bigint() - t) / 1e6; }));
const importMs = timeRuns(['import', big.file.replace(/\.json$/, '.html'), '-o', join(benchDir, 'imported.json')]);
const checkMs = timeRuns(['check', big.file]);
const pdfBytes = (await stat(bigPdf)).size;
const pdfPages = ((await readFile(bigPdf)).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const pdfMs = timeRuns(['import', bigPdf, '-o', join(benchDir, 'imported-pdf.json')]);

// 7. report-tool on hostile sizes: pages of distinct paragraphs and a page with one big table,
// generated here; time (median of 3, process start included) and peak memory.
const paragraphPage = (bytes) => {
  const parts = ['<html><head><title>某县2021年度政府信息公开工作年度报告</title></head><body><div class="TRS_Editor"><p>一、总体情况</p>'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>第${i}段：本年度政府信息公开工作在第${i}个方面取得进展，公开信息${i % 997}条，回应关切${i % 89}件，持续完善制度机制。</p>`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  parts.push('</div></body></html>');
  return parts.join('');
};
const tablePage = (rows) => {
  const parts = ['<html><head><title>某县2021年度政府信息公开工作年度报告</title></head><body><div class="TRS_Editor"><p>一、总体情况</p><table><tr><td>项目</td><td>数量</td><td>说明</td></tr>'];
  for (let i = 0; i < rows; i++) parts.push(`<tr><td>事项${i}</td><td>${i}</td><td>第${i}项说明文字</td></tr>`);
  parts.push('</table></div></body></html>');
  return parts.join('');
};
// The worst shape for memory: the smallest cells, each a node of the page, a grid position and a
// report cell.
const smallCellPage = (bytes) => {
  const parts = ['<html><head><title>某县2021年度政府信息公开工作年度报告</title></head><body><div class="TRS_Editor"><p>一、总体情况</p><table>'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = `<tr><td>${i % 10}</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>`;
    parts.push(row);
    size += row.length;
  }
  parts.push('</table></div></body></html>');
  return parts.join('');
};
const hostile = smoke
  ? [['paragraphs', 1 << 20, () => paragraphPage(1 << 20)]]
  : [
      ['paragraphs', 1 << 20, () => paragraphPage(1 << 20)],
      ['paragraphs', 2 << 20, () => paragraphPage(2 << 20)],
      ['paragraphs', 8 << 20, () => paragraphPage(8 << 20)],
      ['paragraphs', 50 << 20, () => paragraphPage(50 << 20)],
      ['one paragraph of 4 MB, unpunctuated, its words repeating', 4 << 20, () => `<html><body><div class="TRS_Editor"><p>一、总体情况</p><p>${'政府信息公开工作持续推进'.repeat((4 << 20) / 36)}</p></div></body></html>`],
      ['one table, 20,000 rows', 0, () => tablePage(20000)],
      ['one table, 500,000 rows', 0, () => tablePage(500000)],
      ['one table of 50 MB, one-character cells', 0, () => smallCellPage(50 << 20)],
    ];
const hasTime = existsSync('/usr/bin/time');
const peakRss = (args) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', tool, ...args], { encoding: 'utf8' });
  return Number((r.stderr.trim().split('\n').pop() || '').trim()) * 1024;
};
// The process's own footprint (its code and libraries), measured on a page with no report.
const tinyPage = join(benchDir, 'tiny.html');
await writeFile(tinyPage, '<html><body><p>x</p></body></html>');
const ownPeak = hasTime ? peakRss(['import', tinyPage]) : null;
const pdfPeak = hasTime ? peakRss(['import', bigPdf, '-o', join(benchDir, 'imported-pdf.json')]) : null;
const importRows = [];
for (const [what, , make] of hostile) {
  const file = join(benchDir, `hostile-${importRows.length}.html`);
  await writeFile(file, make());
  const bytes = (await stat(file)).size;
  const runMs = timeRuns(['import', file, '-o', join(benchDir, 'hostile.json')]);
  let peak = null;
  if (hasTime) peak = peakRss(['import', file, '-o', join(benchDir, 'hostile.json')]);
  importRows.push({ what, bytes, ms: runMs, peak });
}

// \`check --html\` over a folder of 2,000 reports (the seed report's JSON): peak memory, which
// stays flat as each readable copy is written when its report is read.
let reviewPeak = null;
const reviewReports = smoke ? 0 : 2000;
if (hasTime && reviewReports) {
  const dir = join(benchDir, 'review');
  await mkdir(dir, { recursive: true });
  const seed = await readFile(join(root, 'public/reports/erlianhaote-2020.json'));
  for (let i = 1; i <= reviewReports; i++) await writeFile(join(dir, `r${i}.json`), seed);
  reviewPeak = peakRss(['check', dir, '--html', join(benchDir, 'review.html')]);
}

// Report.
const cpu = cpus()[0]?.model ?? 'unknown';
say(`# Benchmarks${smoke ? ' (smoke run)' : ''}`);
say();
say(`Machine: ${cpu}, ${cpus().length} cores; Chromium ${chromiumVersion} headless; ${new Date().toISOString().slice(0, 10)}. Median of ${loads} cold loads each (new browser context per load), served from 127.0.0.1.`);
say();
say('## Bundle (what a visitor downloads once)');
say();
say('| file | raw KB | gzip KB | brotli KB |');
say('| --- | ---: | ---: | ---: |');
for (const [what, raw, gz, br] of sizeRows) say(`| ${what} | ${kb(raw)} | ${kb(gz)} | ${kb(br)} |`);
say(`| **total** | **${kb(total[0])}** | **${kb(total[1])}** | **${kb(total[2])}** |`);
say(`| CSS (compiled into the wasm, counted above) | ${kb(css.length)} | ${kb(gzipSync(css).length)} | – |`);
say(`| the seed report JSON, for comparison | ${kb((await stat(join(root, 'public/reports/erlianhaote-2020.json'))).size)} | ${kb(gzipSync(await readFile(join(root, 'public/reports/erlianhaote-2020.json'))).length)} | – |`);
say();
// What features cost: the JSON-mode wasm (brotli) as recorded by the bench on the commits that
// added them, and this run's.
const BUNDLE_HISTORY = [
  ['before 图解 (issue 13)', '9a19d35', 247.7],
  ['图解: charts above the official tables', '1cc37d0 … e244d07', 255.5],
];
say('What features cost, JSON-mode wasm, brotli KB:');
say();
say('| build | commit | wasm KB | change KB |');
say('| --- | --- | ---: | ---: |');
let previousKb = null;
for (const [what, commit, kbs] of [...BUNDLE_HISTORY, ['this run: 图解 with last year\'s bars and the breakdown, 对比上年', 'this run', Number(kb(sizeRows[0][3]))]]) {
  say(`| ${what} | ${commit} | ${kbs.toFixed(1)} | ${previousKb === null ? '–' : `${kbs - previousKb >= 0 ? '+' : ''}${(kbs - previousKb).toFixed(1)}`} |`);
  previousKb = kbs;
}
say();
say('## Time to report on screen, against the static-HTML limit');
say();
say('Viewer: navigation start to the `report-viewer:shown` mark. Static: the same report as the standalone HTML export (`report-tool html`), navigation start to the first frame after `load`.');
say();
say('| report | JSON KB | static HTML KB | viewer ms | static ms | viewer / static | JS heap MB | wasm memory MB |');
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
say(`| seed (as published) | ${kb((await stat(join(root, 'public/reports/erlianhaote-2020.json'))).size)} | ${kb((await stat(join(benchDir, 'seed.html'))).size)} | ${ms(median(seedViewer))} | ${ms(median(seedStatic))} | ${(median(seedViewer) / median(seedStatic)).toFixed(2)} | – | – |`);
if (slowViewer.length) say(`| seed, 40 ms round trips and 10 Mbit/s (CDP) | ${kb((await stat(join(root, 'public/reports/erlianhaote-2020.json'))).size)} | ${kb((await stat(join(benchDir, 'seed.html'))).size)} | ${ms(median(slowViewer))} | ${ms(median(slowStatic))} | ${(median(slowViewer) / median(slowStatic)).toFixed(2)} | – | – |`);
for (const r of loadRows) say(`| ${r.n}× | ${kb(r.jsonBytes)} | ${kb(r.htmlBytes)} | ${ms(r.viewer)} | ${ms(r.static)} | ${(r.viewer / r.static).toFixed(2)} | ${(r.heap / 1048576).toFixed(1)} | ${(r.wasm / 1048576).toFixed(1)} |`);
say();
if (loadRows.length > 1) {
  say('## Scaling from 1× to the largest');
  say();
  const a = loadRows[0];
  const b = loadRows[loadRows.length - 1];
  const f = b.n / a.n;
  say(`Size ×${f}: viewer time ×${(b.viewer / a.viewer).toFixed(1)}, static time ×${(b.static / a.static).toFixed(1)}, JS heap ×${(b.heap / a.heap).toFixed(1)}, wasm memory ×${(b.wasm / a.wasm).toFixed(1)} (linear would be ×${f}). Per step:`);
  say();
  say('| step | viewer time ratio | static time ratio | wasm memory ratio |');
  say('| --- | ---: | ---: | ---: |');
  for (let i = 1; i < loadRows.length; i++) {
    const p = loadRows[i - 1];
    const q = loadRows[i];
    say(`| ${p.n}× → ${q.n}× (×${q.n / p.n}) | ${(q.viewer / p.viewer).toFixed(2)} | ${(q.static / p.static).toFixed(2)} | ${(q.wasm / p.wasm).toFixed(2)} |`);
  }
  say();
}
say('## Three ways to embed');
say();
say('Per mode and size: first report text on screen (first contentful paint; JSON only: the viewer drawn) and viewer interactive (the `report-viewer:drawn` mark, after the frame with the viewer drawn is painted), in ms and as a ratio to the static page\'s first contentful paint in the same run (median of ' + modeLoads + ' cold loads). Static copy: `report-tool html --fragment` in the container. Enhance: the report already on the page as the article (`data-enhance`; the generated sizes use the standalone export without its contents list as the article; the real page is the corpus page as the portal published it, with the article template\'s one change).');
say();
say('| size | static ms | JSON only: text = interactive | static copy: text | static copy: interactive | enhance: text | enhance: interactive |');
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const cell = (xs, base) => (xs.length ? `${ms(median(xs))} (${(median(xs) / base).toFixed(2)}×)` : '–');
const modeLine = (label, r) => {
  const base = median(r.static);
  say(`| ${label} | ${ms(base)} | ${cell(r.json, base)} | ${cell(r.fragment.map((f) => f.paint), base)} | ${cell(r.fragment.map((f) => f.drawn), base)} | ${cell(r.enhance.map((f) => f.paint), base)} | ${cell(r.enhance.map((f) => f.drawn), base)} |`);
};
for (const r of modeRows) modeLine(r.label, r);
if (slowModes.static.length) modeLine('seed, 40 ms round trips and 10 Mbit/s (CDP), served uncompressed', slowModes);
if (slowBrotli.static.length) modeLine('seed, 40 ms round trips and 10 Mbit/s (CDP), served brotli-compressed', slowBrotli);
say();
say('Bundle per mode (brotli, quality 11): JSON only and static copy load the same files; enhance loads its own build. The budget is checked by `scripts/test` (scripts/size-budget.mjs: a build past it fails CI); the target is issue 26\'s.');
say();
say('| mode | wasm KB | JS KB (bindings + loader) | total KB | budget KB | target KB |');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
const budgets = await firstDownloads(dist);
for (const [mode, b] of [['JSON only / static copy', budgets[0]], ['enhance', budgets[1]]]) {
  say(`| ${mode} | ${b.wasmKb.toFixed(1)} | ${b.jsKb.toFixed(1)} | ${b.kb.toFixed(1)} | ${b.budget} | ${b.target} |`);
}
say();
say('## Interaction');
say();
say(`| what | median ms |`);
say('| --- | ---: |');
say(`| 展开全部 on the ${big.n}× report (${generated[generated.length - 1].n * 6} parts), click to the next frame | ${ms(median(expandTimes.map((t) => t.first)))} |`);
say(`| 展开全部 on the ${big.n}× report, click to every part open (a batch of parts a frame) | ${ms(median(expandTimes.map((t) => t.all)))} |`);
say(`| 朗读 click to the first \`speak()\` call (${big.n}×) | ${ms(median(speakTimes))} |`);
say();
say('## Native (release build)');
say();
say('| report | JSON KB | parse ms | check ms | reading script ms | utterances |');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const t of timing) say(`| ${t.file.split('/').pop()} | ${kb(t.bytes)} | ${t.parse_ms.toFixed(2)} | ${t.check_ms.toFixed(2)} | ${t.script_ms.toFixed(2)} | ${t.utterances} |`);
say();
const bigHtml = (await stat(big.file.replace(/\.json$/, '.html'))).size;
say(`report-tool \`import\` of a ${pdfPages}-page PDF (the ${big.n}× report printed by Chromium, ${kb(pdfBytes)} KB): ${ms(pdfMs)} ms, ${(pdfPages / (pdfMs / 1000)).toFixed(1)} pages/s, ${(pdfBytes / 1048576 / (pdfMs / 1000)).toFixed(2)} MB/s (process start included)${pdfPeak ? `; peak memory ${(pdfPeak / 1048576).toFixed(1)} MB (${((pdfPeak - ownPeak) / 1048576).toFixed(1)} MB above the process's own footprint)` : ''}.`);
say(`report-tool on the ${big.n}× report: \`import\` of its ${kb(bigHtml)} KB HTML page ${ms(importMs)} ms (${(bigHtml / 1048576 / (importMs / 1000)).toFixed(2)} MB/s, process start included); \`check\` of its ${kb(big.jsonBytes)} KB JSON ${ms(checkMs)} ms (${(big.jsonBytes / 1048576 / (checkMs / 1000)).toFixed(2)} MB/s).`);

if (hostileViewer.length) {
  say();
  say('## The viewer on hostile sizes');
  say();
  say('| report | file KB | on screen ms | longest task ms, from the viewer\'s start | the page\'s own, before it |');
  say('| --- | ---: | ---: | ---: | ---: |');
  for (const r of hostileViewer) say(`| ${r.what} | ${kb(r.bytes)} | ${ms(r.shown)} | ${ms(r.longest)} | ${ms(r.before)} |`);
}
say();
say('## report-tool import on large pages');
say();
say(`Generated pages; report-tool built with \`--profile tool\` (opt-level 3); time is the median of 3 runs with process start; peak memory (resident) from /usr/bin/time. The process itself, on a page with no report, peaks at ${ownPeak ? (ownPeak / 1048576).toFixed(1) : '–'} MB: "import memory" is the peak above that, what the page costs.`);
say();
say('| page | MB | import ms | MB/s | peak memory MB | peak / input | import memory / input |');
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of importRows) {
  const mb = r.bytes / 1048576;
  const net = r.peak && ownPeak ? ((r.peak - ownPeak) / r.bytes).toFixed(1) : '–';
  say(`| ${r.what} | ${mb.toFixed(1)} | ${ms(r.ms)} | ${(mb / (r.ms / 1000)).toFixed(1)} | ${r.peak ? (r.peak / 1048576).toFixed(1) : '–'} | ${r.peak ? (r.peak / r.bytes).toFixed(1) : '–'} | ${net} |`);
}

if (reviewPeak) {
  say();
  say(`\`check --html\` over ${reviewReports} reports (the seed report's JSON, a readable copy of each written beside the summary): peak memory ${(reviewPeak / 1048576).toFixed(1)} MB.`);
}

if (!smoke) await writeFile(join(root, 'BENCHMARKS.md'), out.join('\n') + '\n');
