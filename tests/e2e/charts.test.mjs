// End to end: 图解 — a chart above each official table, drawn from its figures, said in one
// sentence; readable at any text size, in high contrast and on a phone; printed and saved; off
// when the webmaster says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ROOT, OUTPUT } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const SAMPLE = join(ROOT, 'public/reports/sample-2021.json');
const inWidget = (page, fn, arg) => page.evaluate(({ fn, arg }) => new Function('root', 'arg', `return (${fn})(root, arg)`)(document.querySelector('[data-report-viewer]').shadowRoot, arg), { fn: fn.toString(), arg });

/** Every chart as drawn: its accessible name and description, each bar's label, figure and width. */
const charts = (page) => inWidget(page, (root) => [...root.querySelectorAll('figure.rv-chart')].map((f) => {
  const plot = f.querySelector('.rv-chart__plot');
  const byId = (ids) => ids.split(' ').map((id) => root.getElementById(id)?.textContent).join(' ');
  const rows = [...f.querySelectorAll('.rv-chart__row')];
  let next = f.nextElementSibling;
  while (next && !next.querySelector('.rv-table')) next = next.nextElementSibling;
  return {
    id: f.id, role: plot.getAttribute('role'), name: byId(plot.getAttribute('aria-labelledby')), description: byId(plot.getAttribute('aria-describedby')),
    caption: f.querySelector('figcaption').textContent,
    labels: rows.map((r) => r.querySelector('.rv-chart__label').textContent),
    values: rows.map((r) => r.querySelector('.rv-chart__value').textContent),
    // A figure not given has no bar.
    bars: rows.filter((r) => r.querySelector('rect')).map((r) => ({ label: r.querySelector('.rv-chart__label').textContent, width: r.querySelector('rect').getBoundingClientRect().width })),
    before: next?.querySelector('.rv-table')?.id ?? null,
  };
}));

test('each official table has its 图解: bars as long as the figures, a sentence from the figures, an accessible name, above its table', async () => {
  const sample = JSON.parse(await readFile(SAMPLE, 'utf8'));
  const values = {};
  (function walk(s) { for (const b of s.blocks ?? []) if (b.type === 'table') values[b.template] = b.values; for (const c of s.sections ?? []) walk(c); })({ sections: sample.sections });
  const page = await h.open('/?report=reports/sample-2021.json');
  await h.settled(page);
  await page.click('text=展开全部');
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('figure.rv-chart').length === 5);
  const all = await charts(page);
  assert.deepEqual(all.map((c) => c.name), ['表二图解：规章和行政规范性文件', '表二图解：处理决定', '表三图解：申请人', '表三图解：办理结果', '表四图解：复议和诉讼结果']);
  for (const c of all) {
    assert.equal(c.role, 'img');
    assert.ok(c.description.length > 10, `${c.name} is described`);
    assert.ok(c.caption.includes(c.description), 'the caption says the sentence');
    assert.ok(c.before, `${c.name} stands above its table`);
  }
  // Every breakdown plot (表三's reasons under 不予公开 and the like) is named and described: its
  // figures in words.
  const breakdowns = await inWidget(page, (root) => [...root.querySelectorAll('.rv-chart__parts .rv-chart__plot')].map((p) => ({
    name: p.getAttribute('aria-labelledby').split(' ').map((id) => root.getElementById(id)?.textContent).join(' '),
    description: root.getElementById(p.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    values: [...p.querySelectorAll('.rv-chart__value')].map((v) => v.textContent),
  })));
  assert.ok(breakdowns.length >= 4, `${breakdowns.length} breakdowns`);
  for (const b of breakdowns) {
    assert.ok(b.name.length > 5, 'named');
    assert.ok(b.values.every((v) => b.description.includes(v)), `${b.name}: described with its figures: ${b.description}`);
  }
  // 表三 applicants: each figure of 一、本年新收 in the sample, its bar proportional to it.
  const applicants = all.find((c) => c.id.endsWith('applicants'));
  const row = values['table3-2021'].new_requests;
  const keys = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_services', 'other_org'];
  assert.deepEqual(applicants.values, keys.map((k) => String(row[k])));
  const perUnit = applicants.bars[0].width / row.natural_person;
  keys.forEach((k, i) => assert.ok(Math.abs(applicants.bars[i].width - row[k] * perUnit) < 1.5, `${k}: bar ${applicants.bars[i].width} for ${row[k]}`));
  const share = (part, whole) => `${(Math.round(part * 1000 / whole) / 10)}%`;
  assert.match(applicants.description, new RegExp(`^本年新收申请${row.total}件，其中自然人${row.natural_person}件，占${share(row.natural_person, row.total).replace('.', '\\.')}`));
  // 表四 carries the sample's planted violation: its chart says so.
  const outcomes = all.find((c) => c.id.endsWith('outcomes'));
  assert.match(outcomes.description, /本表有数字前后不一致/);
  assert.equal(outcomes.values[0], String(values['table4-2021'].review.upheld));
  await page.screenshot({ path: join(OUTPUT, 'charts-1024.png'), fullPage: false });
  await page.close();
});

test('图解 on a phone, at 200 % and in high contrast: nothing cut off, axe clean; and a table that gives no figures draws no bars', async () => {
  const page = await h.open('/?report=reports/sample-2021.json', { width: 390, height: 844 });
  await h.settled(page);
  await page.click('text=展开全部');
  await page.waitForSelector('[data-report-viewer] >> figure.rv-chart');
  assert.deepEqual(await h.axe(page), [], 'phone');
  // Every control of the charts is a 44 px target (the breakdown's summary was 42.5 px).
  const small = await inWidget(page, (root) => [...root.querySelectorAll('.rv-chart summary, .rv-chart button')]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.height < 44 || r.width < 44).length);
  assert.equal(small, 0, 'targets under 44 px');
  await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
  await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '高对比度').click());
  const fit = await inWidget(page, (root) => [...root.querySelectorAll('figure.rv-chart')].map((f) => {
    const box = f.getBoundingClientRect();
    const texts = [...f.querySelectorAll('text, .rv-chart__label')].map((t) => t.getBoundingClientRect());
    return { right: Math.max(...texts.map((t) => t.right)), box: box.right, fontSize: getComputedStyle(f.querySelector('text')).fontSize, fill: getComputedStyle(f.querySelector('text')).fill };
  }));
  for (const f of fit) {
    assert.ok(f.right <= f.box + 1, `a label or figure runs out of its chart: ${JSON.stringify(f)}`);
    assert.equal(f.fontSize, '34px', 'the chart follows the text size');
    assert.equal(f.fill, 'rgb(255, 255, 255)', 'and the high-contrast colours');
  }
  assert.deepEqual(await h.axe(page), [], '200 % and high contrast');
  assert.deepEqual(await h.axe(page, { enhanced: true }), [], 'AAA contrast in high contrast');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
  assert.ok(widths.page <= widths.view, 'no sideways scrolling');
  await page.screenshot({ path: join(OUTPUT, 'charts-phone-200.png'), fullPage: false });
  await page.close();

  // The seed report: its tables were lost from the page copy, so its 表三 chart draws no bar
  // (never a zero for a figure not given) and says what is missing.
  const seed = await h.open('/?report=reports/erlianhaote-2020.json');
  await h.settled(seed);
  await seed.click('text=展开全部');
  await seed.waitForSelector('[data-report-viewer] >> .rv-chart-note');
  // A chart whose bars would all be 未提供 is not drawn (was: charts of empty bars); each table
  // with none of their figures says so once where its charts would be (its one total stays in
  // the table).
  assert.deepEqual(await charts(seed), []);
  const notes = await inWidget(seed, (root) => [...root.querySelectorAll('.rv-chart-note')].map((n) => n.textContent));
  assert.deepEqual(notes, Array(2).fill('图解：原文未给出本表的数字，因此不作图。'), '表三 and 表四 (表二 has no 图解)');
  // 数据核对 says what could not be checked, and vouches for nothing it could not check.
  const check = await inWidget(seed, (root) => root.querySelector('.rv-check').textContent);
  assert.match(check, /表二：原文未给出数字，无法核对。/);
  assert.match(check, /表三：原文只给出 1 个数字（共 \d+ 个），部分核对无法进行。/);
  assert.doesNotMatch(check, /未发现前后不一致/);
  assert.doesNotMatch(check, /R\d\.\d|\+\d/, 'no rule ids or signed numbers for citizens');
  assert.deepEqual(await h.axe(seed), []);
  await seed.close();
});

test('图解 are printed and saved as static SVG, and data-charts="off" leaves the tables alone', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${h.url}/?report=reports/sample-2021.json`);
  await page.waitForSelector('.rv-report');
  await page.click('.rv-save > button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.rv-menu__item:has-text("网页文件")')]);
  const saved = join(await mkdtemp(join(tmpdir(), 'rv-charts-')), 'saved.html');
  await download.saveAs(saved);
  const html = await readFile(saved, 'utf8');
  assert.equal((html.match(/<figure class="rv-chart"/g) ?? []).length, 5);
  assert.match(html, /本年新收申请141件，其中自然人118件，占83\.7%/);
  // Read with scripts off, the saved charts draw the same bars.
  const view = await h.browser.newPage({ javaScriptEnabled: false });
  await view.goto(`file://${saved}`);
  const rects = await view.evaluate(() => document.querySelectorAll('figure.rv-chart rect').length);
  assert.ok(rects > 10, `${rects} bars in the saved page`);
  await view.close();
  await page.click('.rv-toolbar button:has-text("打印")');
  await page.waitForSelector('iframe[data-rv-print]', { state: 'attached' });
  const srcdoc = await page.getAttribute('iframe[data-rv-print]', 'srcdoc');
  assert.equal((srcdoc.match(/<figure class="rv-chart"/g) ?? []).length, 5);
  await context.close();

  const off = await h.browser.newPage();
  await off.route(`${h.url}/off.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><script src="/report-viewer.js" defer></script></head>
      <body><div data-report-viewer data-src="/reports/sample-2021.json" data-charts="off" data-open="all"></div></body></html>`,
  }));
  await off.goto(`${h.url}/off.html`);
  await off.waitForSelector('[data-report-viewer] >> .rv-table');
  assert.equal(await off.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('figure.rv-chart').length), 0);
  assert.ok(await off.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-table').length) >= 3);
  await off.close();
});
