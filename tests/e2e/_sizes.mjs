import { start, ROOT } from './harness.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
const h = await start();
const sample = JSON.parse(await readFile(join(ROOT, 'public/reports/sample-2021.json'), 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));
const t3 = sample.sections.find((s) => s.id === 'part-3').blocks.find((b) => b.template);
const base = (blocks, extra = []) => ({ version: 1, meta: clone(sample.meta), sections: [{ id: 'part-1', number: '一、', title: '总体情况', blocks }, ...extra] });
const n = Number(process.argv[2] ?? 1);
const CASES = {
  't3 copies': () => base(Array.from({ length: 24 }, (_, i) => ({ ...clone(t3), id: `t${i}` }))),
  'one row wide': () => base([{ type: 'table', id: 'w', caption: '宽', columns: Array.from({ length: 300 }, (_, i) => `列${i}`), rows: ['行'], cells: [Array.from({ length: 300 }, (_, i) => String(i))] }]),
  'unknown rows': () => { const t = clone(t3); for (let i = 0; i < 470; i++) t.values[`row_${i}`] = { total: 1 }; return base([t]); },
  'subsections': () => { const r = base([]); r.sections[0].sections = Array.from({ length: 499 }, (_, i) => ({ id: `s${i}`, title: `小节${i}`, blocks: [{ type: 'paragraph', text: '段落。' }] })); return r; },
  'parts': () => base([], Array.from({ length: 499 }, (_, i) => ({ id: `p${i}`, number: '', title: `部分${i}`, blocks: [{ type: 'paragraph', text: '段落。' }] }))),
  'paragraph': () => base([{ type: 'paragraph', text: '公开信息情况良好。'.repeat(Math.round(100000 * n)) }]),
  'counted sentences': () => base([{ type: 'paragraph', text: '共受理申请1件。'.repeat(Math.round(100000 * n)) }]),
};
for (const [name, make] of Object.entries(CASES)) {
  if (process.argv[3] && !name.includes(process.argv[3])) continue;
  const body = JSON.stringify(make());
  const page = await h.browser.newPage();
  await page.addInitScript(() => { window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true }); });
  await page.route((u) => u.pathname === '/big.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  const t0 = Date.now();
  await page.goto(`${h.url}/fixtures/faults.html?src=/big.json&timeout=60`);
  await page.waitForSelector('.rv-report, .rv-error', { timeout: 120000 });
  const at = Date.now() - t0;
  await page.waitForTimeout(2500);
  const st = await page.evaluate(() => ({ longest: Math.max(0, ...window.__long), sum: window.__long.reduce((a, b) => a + b, 0), err: document.querySelector('[data-report-viewer]').shadowRoot.querySelector('[role=alert]')?.textContent?.slice(0, 120) }));
  console.log(name, (body.length / 1e6).toFixed(2) + 'MB', 'shown', at, 'longest', Math.round(st.longest), 'sum', Math.round(st.sum), st.err ?? '');
  await page.close();
}
await h.close();
