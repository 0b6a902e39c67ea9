// End to end: 对比上年 — last year's report, named by the report (meta.previous) or the webmaster
// (data-previous), loaded after this one; the cross-year checks beside the tables; a toggle per
// official table that sets last year's figure and the change beside each figure (by keyboard,
// with the right headers in Chromium's accessibility tree, axe clean in every state), last
// year's bars in the charts; across formats only what means the same; a failure to load is a
// quiet note. Expected figures are computed here from the two JSON files, not by the viewer's code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT, OUTPUT, axTableHeaders } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const read = async (name) => JSON.parse(await readFile(join(ROOT, 'public/reports', name), 'utf8'));
const valuesOf = (report) => {
  const out = {};
  (function walk(s) { for (const b of s.blocks ?? []) if (b.type === 'table') out[b.template.replace(/-\d+$/, '')] = b.values; for (const c of s.sections ?? []) walk(c); })({ sections: report.sections });
  return out;
};
const inWidget = (page, fn, arg) => page.evaluate(({ fn, arg }) => new Function('root', 'arg', `return (${fn})(root, arg)`)(document.querySelector('[data-report-viewer]').shadowRoot, arg), { fn: fn.toString(), arg });

/** The change as the viewer should word it: 增23（19.5%）, 减2（20%）, 持平; the percentage of last
 * year's figure, one decimal, rounded half up. */
function change(now, last) {
  const d = now - last;
  if (d === 0) return '持平';
  const word = d > 0 ? '增' : '减';
  if (last === 0) return `${word}${Math.abs(d)}`;
  const tenths = Math.floor((Math.abs(d) * 1000 + Math.floor(last / 2)) / last);
  const pct = tenths % 10 === 0 ? `${tenths / 10}%` : `${Math.floor(tenths / 10)}.${tenths % 10}%`;
  return `${word}${Math.abs(d)}（${pct}）`;
}

/** Figures of a table beside last year's: data-cell → text. */
// Each figure as printed (a flagged cell's mark and its words for screen readers left out).
const cellsOf = (page, id) => inWidget(page, (root, id) => Object.fromEntries(
  [...root.querySelectorAll(`#${id} td[data-cell]`)].map((td) => {
    const figure = td.cloneNode(true);
    figure.querySelectorAll('.rv-flag-mark, .rv-sr').forEach((e) => e.remove());
    return [td.dataset.cell, figure.textContent.trim()];
  })), id);

test('对比上年 on the 2021 sample: last year\'s report comes quietly, the cross-year checks stand by 表三, and the toggle works by keyboard with every added column headed right', async () => {
  const [now, last] = [valuesOf(await read('sample-2021.json')), valuesOf(await read('sample-2022.json'))];
  const page = await h.open('/?report=reports/sample-2021.json');
  await h.settled(page);
  await page.waitForSelector('[data-report-viewer] >> .rv-last-year__note');
  const note = await page.textContent('[data-report-viewer] >> .rv-last-year__note');
  assert.match(note, /已载入上年（2022年）报告/);
  // The sample pair plants one difference: 商业企业 carried over 1, carried forward 2 last year
  // (and so the total, 7 against 8).
  const planted = Object.keys(now.table3.carried_over).filter((c) => now.table3.carried_over[c] !== last.table3.carried_forward[c]);
  assert.deepEqual(planted, ['commercial', 'total']);
  // Named as its list names it (警告), and where it is: in 数据核对, marked in the table.
  assert.match(note, new RegExp(`跨年度核对有${planted.length}项警告，已列入上方“数据核对”`));
  const summary = await inWidget(page, (root) => [...root.querySelectorAll('.rv-check .rv-check__cross-year li')]
    .map((li) => ({ text: li.textContent, link: li.querySelector('a')?.getAttribute('href') })));
  assert.equal(summary.length, planted.length);
  for (const s of summary) {
    assert.match(s.text, /^警告：/);
    assert.equal(s.link, '#table-3', `linked to its table: ${JSON.stringify(s)}`);
  }
  // The figures the checks are about are marked at the figure (in the grid and on the cards),
  // each pointing at the list that says why.
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelector('#table-3 td.rv-flagged'));
  const marked = await inWidget(page, (root) => [...root.querySelectorAll('#table-3 td.rv-flagged')]
    .map((td) => ({ cell: td.dataset.cell, by: td.getAttribute('aria-describedby') })));
  assert.deepEqual(marked.map((m) => m.cell).sort(), planted.map((c) => `carried_over.${c}`).sort());
  for (const m of marked) assert.ok(m.by.split(' ').includes('table-3-cross-year'), JSON.stringify(m));
  assert.ok(await inWidget(page, (root) => root.querySelector('#table-3-cross-year')?.classList.contains('rv-findings--last-year')), 'the list the marks point at');
  await page.click('text=展开全部');
  const crossYear = await inWidget(page, (root) => [...root.querySelectorAll('.rv-findings--last-year li')].map((li) => li.textContent));
  assert.equal(crossYear.length, 2);
  assert.match(crossYear[0], /商业企业.*本年“上年结转”为 1，上一年报告的“结转下年度继续办理”为 2/);
  const placement = await inWidget(page, (root) => root.querySelector('.rv-findings--last-year').closest('.rv-cross-year').previousElementSibling.querySelector('#table-3') !== null);
  assert.ok(placement, 'the cross-year checks are right below 表三');

  // By keyboard: Enter on the toggle above 表三.
  const toggle = page.locator('[data-report-viewer] >> #part-3 .rv-compare__toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await toggle.textContent(), '对比上年');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-report-viewer] >> #table-3 td[data-cell="new_requests.total@last_year"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const cells = await cellsOf(page, 'table-3');
  let compared = 0;
  for (const [row, columns] of Object.entries(now.table3)) {
    for (const [column, figure] of Object.entries(columns)) {
      assert.equal(cells[`${row}.${column}`], String(figure), `${row}.${column}`);
      assert.equal(cells[`${row}.${column}@last_year`], String(last.table3[row][column]), `${row}.${column} last year`);
      assert.equal(cells[`${row}.${column}@change`], change(figure, last.table3[row][column]), `${row}.${column} change`);
      compared += 1;
    }
  }
  assert.equal(compared, 25 * 7, 'every figure of 表三 beside last year\'s');
  // Screen readers: each added figure has its column, its year and its row as headers, exactly as
  // its headers attribute says, in Chromium's accessibility tree.
  const ax = await axTableHeaders(page, 'table-3');
  assert.equal(ax.length, 25 * 7 * 3);
  for (const { key, exposed, listed } of ax) assert.deepEqual(exposed, listed, key);
  const byKey = Object.fromEntries(ax.map((c) => [c.key, c.exposed]));
  assert.deepEqual(byKey['new_requests.total@last_year'], ['申请人情况', '总计', '上年', '一、本年新收政府信息公开申请数量']);
  assert.deepEqual(byKey['refused_state_secret.commercial@change'], ['申请人情况', '法人或其他组织', '商业企业', '增减', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
  // Three times as wide, it scrolls sideways in its region with its row headers held at the left.
  const held = await inWidget(page, (root) => {
    const region = root.querySelector('#table-3 .rv-table__scroll');
    region.scrollLeft = region.scrollWidth;
    const r = region.getBoundingClientRect();
    return ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'].map((name) => {
      const th = [...root.querySelectorAll('#table-3 tbody th')].find((t) => t.textContent === name);
      window.scrollBy(0, th.getBoundingClientRect().top - 100);
      const box = th.getBoundingClientRect();
      return { name, scrolled: region.scrollLeft > 0, left: box.left - r.left, right: box.right - r.left, width: r.width, drawn: root.elementFromPoint(box.left + 4, box.top + 4)?.textContent };
    });
  });
  for (const h of held) {
    assert.ok(h.scrolled, 'the region scrolled');
    assert.ok(h.left >= -1 && h.right < h.width / 2, `${h.name} held at the left: ${JSON.stringify(h)}`);
    assert.equal(h.drawn, h.name, `${h.name} drawn over the figures scrolled under it`);
  }
  // Scrolled to its start, middle and end: the caption stays at the region's left, and the name
  // of every column group with columns in view shows beside the row headers, over its columns.
  for (const at of [0, 0.5, 1]) {
    const view = await inWidget(page, (root, at) => {
      const region = root.querySelector('#table-3 .rv-table__scroll');
      region.scrollIntoView({ block: 'start' });
      region.scrollLeft = (region.scrollWidth - region.clientWidth) * at;
      const r = region.getBoundingClientRect();
      const rowHeaders = root.querySelector('#table-3 .rv-corner').getBoundingClientRect().right;
      const caption = root.querySelector('#table-3 caption').getBoundingClientRect();
      const groups = [...root.querySelectorAll('#table-3 thead th[colspan]')]
        .filter((th) => { const b = th.getBoundingClientRect(); return b.right > rowHeaders + 30 && b.left < r.right - 30; })
        .map((th) => { const b = th.querySelector('.rv-th__label').getBoundingClientRect(); return { name: th.textContent, left: b.left, right: b.right }; });
      return { caption: caption.left - r.left, rowHeaders, right: r.right, groups };
    }, at);
    assert.ok(view.caption >= -1 && view.caption < 20, `caption held at the left (${at}): ${JSON.stringify(view)}`);
    assert.ok(view.groups.some((g) => g.name === '申请人情况'), `申请人情况 over the columns in view (${at})`);
    for (const g of view.groups) {
      assert.ok(g.left >= view.rowHeaders - 1 && g.right <= view.right + 1, `${g.name} in view beside the row headers (${at}): ${JSON.stringify(view)}`);
    }
  }
  // Last year's bars: hollow, beside this year's, on one scale.
  const bars = await inWidget(page, (root) => [...root.querySelector('#part-3 figure.rv-chart .rv-chart__row').querySelectorAll('rect')]
    .map((r) => ({ w: r.getBoundingClientRect().width, last: r.classList.contains('rv-chart__bar--last-year') })));
  assert.equal(bars.length, 2);
  assert.ok(bars[1].last, 'the second bar is last year\'s');
  const ratio = bars[0].w / bars[1].w;
  const expected = now.table3.new_requests.natural_person / last.table3.new_requests.natural_person;
  assert.ok(Math.abs(ratio - expected) < 0.03, `自然人: bars ${ratio.toFixed(3)}, figures ${expected.toFixed(3)}`);
  // The sentence says the change of its leading figure, computed here from the two files.
  const sentence = await inWidget(page, (root) => root.querySelector('#part-3 figure.rv-chart figcaption span').textContent);
  const [n, l] = [now.table3.new_requests.total, last.table3.new_requests.total];
  assert.ok(sentence.endsWith(`与上年（${l}件）相比，新收申请${change(n, l)}。`), sentence);
  assert.deepEqual(await h.axe(page), [], 'compared, desktop');
  await page.screenshot({ path: join(OUTPUT, 'last-year-1024.png') });

  // Space turns it off: this year's table alone again.
  await toggle.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('[data-report-viewer]').shadowRoot.querySelector('#table-3 td[data-cell$="@last_year"]'));
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await inWidget(page, (root) => root.querySelectorAll('.rv-chart__bar--last-year').length), 0, 'and the charts without last year\'s bars');
  await page.close();
});

test('对比上年 on a phone, at 200 % and in high contrast: a card item per figure says last year\'s and the change, nothing cut off, axe clean', async () => {
  const [now, last] = [valuesOf(await read('sample-2021.json')), valuesOf(await read('sample-2022.json'))];
  const page = await h.open('/?report=reports/sample-2021.json', { width: 390, height: 844 });
  await h.settled(page);
  await page.waitForSelector('[data-report-viewer] >> .rv-last-year__note');
  await page.click('text=展开全部');
  for (const t of await page.locator('[data-report-viewer] >> .rv-compare__toggle').all()) await t.click();
  await page.waitForSelector('[data-report-viewer] >> .rv-card__last-year');
  const item = await inWidget(page, (root) => {
    const card = [...root.querySelectorAll('#part-3 .rv-card')].find((c) => c.querySelector('.rv-card__title').textContent.startsWith('一、'));
    const total = [...card.querySelectorAll('.rv-card__item')].find((i) => i.querySelector('dt').textContent === '总计');
    return [...total.querySelectorAll('dd')].map((d) => d.textContent).join('');
  });
  const [n, l] = [now.table3.new_requests.total, last.table3.new_requests.total];
  assert.equal(item, `${n}（上年 ${l}，${change(n, l)}）`);
  assert.deepEqual(await h.axe(page), [], 'phone');
  await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
  await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '高对比度').click());
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
  assert.ok(widths.page <= widths.view, 'no sideways scrolling');
  const cut = await inWidget(page, (root) => [...root.querySelectorAll('figure.rv-chart')].flatMap((f) => {
    const box = f.getBoundingClientRect();
    return [...f.querySelectorAll('.rv-chart__plot text')].map((t) => t.getBoundingClientRect()).filter((t) => t.width > 0 && t.right > box.right + 1).map((t) => t.right - box.right);
  }));
  assert.deepEqual(cut, [], 'no figure of this year or last runs out of its chart');
  assert.deepEqual(await h.axe(page), [], '200 % and high contrast');
  assert.deepEqual(await h.axe(page, { enhanced: true }), [], 'AAA contrast in high contrast');
  await page.screenshot({ path: join(OUTPUT, 'last-year-phone-200.png') });
  await page.close();
});

test('the breakdown of （三）–（六） opens on demand by keyboard, drawn on the chart\'s scale', async () => {
  const now = valuesOf(await read('sample-2021.json'));
  const page = await h.open('/?report=reports/sample-2021.json');
  await h.settled(page);
  await page.click('text=展开全部');
  const summary = page.locator('[data-report-viewer] >> #part-3 .rv-chart__parts > summary');
  assert.equal(await summary.count(), 1);
  assert.equal(await inWidget(page, (root) => root.querySelector('.rv-chart__parts').open), false, 'closed at first');
  await summary.focus();
  await page.keyboard.press('Enter');
  const parts = await inWidget(page, (root) => {
    const d = root.querySelector('.rv-chart__parts');
    const byId = (ids) => ids.split(' ').map((id) => root.getElementById(id)?.textContent).join(' ');
    return { open: d.open, plots: [...d.querySelectorAll('.rv-chart__plot')].map((p) => ({ name: byId(p.getAttribute('aria-labelledby')), role: p.getAttribute('role'),
      rows: [...p.querySelectorAll('.rv-chart__row')].map((r) => ({ label: r.querySelector('.rv-chart__label').textContent, value: r.querySelector('text').textContent, w: r.querySelector('rect')?.getBoundingClientRect().width ?? 0 })) })) };
  });
  assert.ok(parts.open);
  assert.deepEqual(parts.plots.map((p) => p.name), ['表三图解：办理结果 （三）不予公开', '表三图解：办理结果 （四）无法提供', '表三图解：办理结果 （五）不予处理', '表三图解：办理结果 （六）其他处理']);
  assert.ok(parts.plots.every((p) => p.role === 'img'));
  const refused = parts.plots[0].rows;
  assert.equal(refused.length, 8);
  const figures = Object.entries(now.table3).filter(([k]) => k.startsWith('refused_')).map(([, v]) => v.total);
  assert.deepEqual(refused.map((r) => Number(r.value)), figures);
  const [a, b] = [refused.findIndex((r) => r.w > 0), refused.findLastIndex((r) => r.w > 0)];
  assert.ok(Math.abs(refused[a].w / refused[b].w - figures[a] / figures[b]) < 0.05, 'bars proportional to the figures');
  assert.deepEqual(await h.axe(page), [], 'breakdown open');
  await page.close();
});

test('across formats only what means the same is compared, and the page says what could not be; a report of another year is named', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.route(`${h.url}/cross.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><script src="/report-viewer.js" defer></script></head>
      <body><main><div data-report-viewer data-src="/reports/sample-2021.json" data-previous="/reports/sample-2019.json" data-open="all" data-compare="on"></div></main></body></html>`,
  }));
  await page.goto(`${h.url}/cross.html`);
  await page.waitForSelector('[data-report-viewer] >> #table-3 td[data-cell="new_requests.total@last_year"]');
  const older = await read('sample-2019.json');
  const note = await page.textContent('[data-report-viewer] >> .rv-last-year__note');
  assert.match(note, new RegExp(`载入的上年报告是${older.meta.year}年的，本报告是2023年的`));
  const notes = await inWidget(page, (root) => Object.fromEntries(['table-2', 'table-3'].map((id) => [id, root.querySelector(`#${id}`).closest('.rv-table-view').previousElementSibling.textContent])));
  assert.match(notes['table-3'], /上年表三采用2019年格式，只对比含义相同的行和栏/);
  assert.match(notes['table-3'], /（六）其他处理 · 1\.申请人无正当理由逾期不补正/);
  assert.match(notes['table-2'], /上年没有可比数字的项：规章、行政规范性文件、行政事业性收费/);
  const cells = await cellsOf(page, 'table-3');
  assert.equal(cells['other_other.total@last_year'], '上年无此项');
  assert.equal(cells['other_other.total@change'], '无法比较');
  const oldValues = valuesOf(older);
  assert.equal(cells['new_requests.total@last_year'], String(oldValues.table3.new_requests.total));
  const t2 = await cellsOf(page, 'table-2');
  assert.equal(t2['licensing.decisions@last_year'], String(oldValues.table2.licensing.decisions), '处理决定数量 means the same in both formats');
  assert.deepEqual(await h.axe(page), []);
  await page.close();
});

test('last year\'s report that does not come is a quiet note: this report, its checks and its tables are untouched', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1024, height: 800 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route(`${h.url}/missing.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><script src="/report-viewer.js" defer></script></head>
      <body><main><div data-report-viewer data-src="/reports/sample-2021.json" data-previous="/reports/no-such-2022.json" data-open="all"></div></main></body></html>`,
  }));
  await page.goto(`${h.url}/missing.html`);
  await page.waitForSelector('[data-report-viewer] >> .rv-last-year__note--failed');
  const note = await page.textContent('[data-report-viewer] >> .rv-last-year__note');
  assert.match(note, /^未能载入上年报告，不能对比上年：.*no-such-2022\.json.*本报告的内容和核对不受影响。$/);
  assert.equal(await inWidget(page, (root) => root.querySelector('.rv-last-year').getAttribute('role')), 'status');
  assert.ok(warnings.some((w) => w.includes('未能载入上年报告')), 'and a line on the console');
  assert.equal(await inWidget(page, (root) => root.querySelectorAll('.rv-compare__toggle, .rv-findings--last-year').length), 0);
  assert.equal(await inWidget(page, (root) => root.querySelectorAll('.rv-table').length), 3, 'every table shown');
  // The report's own finding (表四's planted total) and nothing else.
  const summary = await inWidget(page, (root) => root.querySelector('.rv-check').textContent);
  assert.match(summary, /表中为 6（多 1）/);
  assert.equal(await inWidget(page, (root) => root.querySelector('.rv-check li').dataset.rule), 'R4.1');
  assert.doesNotMatch(summary, /上年/);
  assert.deepEqual(await h.axe(page), []);
  await page.close();
});

test('the demo portal page shows the 2021 sample beside last year\'s from the start (data-compare="on")', async () => {
  const page = await h.open('/portal.html');
  await page.waitForSelector('[data-report-viewer] >> #table-3 td[data-cell="new_requests.total@change"]');
  const pressed = await page.evaluate(() => [...document.querySelectorAll('[data-report-viewer]')][1].shadowRoot.querySelector('#part-3 .rv-compare__toggle').getAttribute('aria-pressed'));
  assert.equal(pressed, 'true');
  await page.locator('[data-report-viewer]').nth(1).locator('#part-3').screenshot({ path: join(OUTPUT, 'last-year-portal.png') });
  await page.close();
});
