// Temporary probe: long tasks while the 20,000-row table loads.
import { chromium } from 'playwright-core';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const benchDir = join(dist, 'bench');
await mkdir(benchDir, { recursive: true });
await writeFile(join(benchDir, 'viewer.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title><script src="/report-viewer.js" defer></script></head><body><main><div data-report-viewer data-src="/reports/erlianhaote-2020.json" data-src-param="src"></div></main></body></html>');
const report = (blocks) => ({ version: 1, meta: { title: '大报告2021年度政府信息公开工作年度报告', agency: '基准', published: '2022-01-01 08:00', year: 2021 }, sections: [{ id: 'part-1', number: '一、', title: '总体情况', blocks }] });
const json = report([{ type: 'table', id: 'big', caption: '大表', columns: ['编号', '说明', '数量'], rows: Array.from({ length: 20000 }, (_, i) => `事项${i}`), cells: Array.from({ length: 20000 }, (_, i) => [String(i), `说明${i}`, String(i % 7)]) }]);
await writeFile(join(benchDir, 'probe.json'), JSON.stringify(json));
const { server, url } = await serve({ roots: { '/': dist } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let run = 0; run < Number(process.argv[2] ?? 3); run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (m) => { if (m.text().includes("PROBE")) console.log(m.text()); });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${url}/bench/viewer.html?src=/bench/probe.json`);
  await page.waitForFunction(() => performance.getEntriesByName('report-viewer:shown').length > 0, null, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('#big tbody tr').length === 20000 || true);
  await page.waitForTimeout(3000);
  const r = await page.evaluate(() => ({ long: window.__long, marks: performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure')).map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]) }));
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close(); server.closeAllConnections(); server.close();
