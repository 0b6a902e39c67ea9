// End to end: what a reader does with the demo, in Debian's Chromium, against the release dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT, OUTPUT, axTableHeaders, hugeReport } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const SEED = 'reports/erlianhaote-2020.json';
const SAMPLE = 'reports/sample-2021.json';

async function paragraphsOf(name) {
  const report = JSON.parse(await readFile(join(ROOT, 'public', name), 'utf8'));
  const out = [];
  const walk = (blocks = []) => blocks.forEach((b) => {
    if (b.type === 'paragraph' || b.type === 'note') out.push(b.text);
    if (b.type === 'list') out.push(...b.items);
  });
  walk(report.introduction);
  const sections = (list = []) => list.forEach((s) => { walk(s.blocks); sections(s.sections); });
  sections(report.sections);
  return { report, paragraphs: out };
}

const count = (haystack, needle) => haystack.split(needle).length - 1;

test('the seed report shows every paragraph once, six parts and the official table labels', async () => {
  const page = await h.open('/');
  await h.settled(page);
  const { report, paragraphs } = await paragraphsOf(SEED);
  assert.equal(await page.textContent('h1'), report.meta.title);
  assert.match(await page.textContent('.rv-meta'), /发布时间2021-01-29 16:27/);
  assert.equal(await page.getAttribute('.rv-meta time', 'datetime'), '2021-01-29T16:27');
  assert.match(await page.textContent('.rv-meta'), /点击量730/);
  const text = await page.textContent('.rv-report');
  assert.equal(paragraphs.length, 9);
  for (const p of paragraphs) assert.equal(count(text, p), 1, `paragraph shown ${count(text, p)} times: ${p.slice(0, 30)}`);
  const parts = await page.$$eval('.rv-part__button', (bs) => bs.map((b) => b.textContent.trim()));
  assert.deepEqual(parts, report.sections.map((s) => s.number + s.title));
  // The fallback link is no longer shown once the report is on screen.
  assert.equal(await page.isVisible('[data-report-viewer] > p > a'), false);
  // Official labels supplied by the 2019 templates; only the one figure the text states.
  await page.click('text=展开全部');
  const t2 = await page.textContent('#table-2');
  for (const label of ['第二十条第（一）项', '本年新制作数量', '其他对外管理服务事项', '第二十条第（九）项', '采购总金额']) assert.ok(t2.includes(label), label);
  const t3 = await page.textContent('#table-3');
  for (const label of ['一、本年新收政府信息公开申请数量', '（六）其他处理', '四、结转下年度继续办理', '自然人', '法律服务机构']) assert.ok(t3.includes(label), label);
  assert.ok(!t3.includes('1.申请人无正当理由逾期不补正'), '2019 format has no （六） sub-items');
  assert.equal((await page.textContent('#table-3 td[data-cell="new_requests.total"]')).trim(), '1');
  assert.equal(await page.$$eval('#table-3 td.rv-missing', (c) => c.length), 160);
  assert.equal(await page.$$eval('#table-4 td.rv-missing', (c) => c.length), 15);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the sample report is labelled as sample data and its planted violation is reported in words', async () => {
  const page = await h.open(`/?report=${SAMPLE}`);
  await h.settled(page);
  assert.match(await page.textContent('.rv-sample'), /示例数据/);
  assert.equal(await page.getAttribute(`a[data-report-link="${SAMPLE}"]`, 'aria-current'), 'page');
  const summary = await page.textContent('.rv-check');
  assert.match(summary, /共 1 处/);
  // The rule id is for the webmaster (data-rule), never in the words; no signed numbers.
  assert.doesNotMatch(summary, /R4\.1|\+1/);
  assert.equal(await page.getAttribute('.rv-check li', 'data-rule'), 'R4.1');
  assert.match(summary, /应等于结果维持、结果纠正、其他结果、尚未审结之和 5，表中为 6/);
  await page.click('.rv-check a[href="#table-4"]');
  // The link opens its part when the address changes (a hashchange task): wait for that state.
  await page.waitForFunction(() => __rv('#part-4-button')?.getAttribute('aria-expanded') === 'true');
  const cell = page.locator('#table-4 td[data-cell="review.total"]');
  assert.match(await cell.textContent(), /6.*数据不一致/);
  // Only the planted figure is flagged by this year's checks: once in the grid, once on its card
  // (shown on phones). (The checks against last year's report flag their own, pointing at their
  // list: last-year.test.mjs.)
  const ours = '.rv-flagged:not([aria-describedby$="-cross-year"])';
  assert.equal(await page.$$eval(`.rv-table ${ours}`, (c) => c.length), 1);
  assert.equal(await page.$$eval(`.rv-card ${ours}`, (c) => c.length), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('expand all and collapse all open and close every part, and the address follows without new history', async () => {
  const page = await h.open(`/?report=${SAMPLE}`);
  await h.settled(page);
  const states = () => page.$$eval('.rv-part__button', (bs) => bs.map((b) => b.getAttribute('aria-expanded')));
  const hiddenPanels = () => page.$$eval('.rv-part__panel', (ps) => ps.filter((p) => p.getAttribute('hidden') === 'until-found').length);
  assert.deepEqual(await states(), Array(6).fill('false'));
  assert.equal(await hiddenPanels(), 6);
  const said = () => page.textContent('.rv-toolbar__said');
  const looksOff = (name) => page.$eval(`.rv-toolbar button:has-text("${name}")`, (b) => getComputedStyle(b).borderStyle === 'dashed' && b.getAttribute('aria-disabled') === 'true');
  assert.ok(await looksOff('收起全部'), 'nothing to collapse: it looks and says so');
  await page.click('text=展开全部');
  assert.deepEqual(await states(), Array(6).fill('true'));
  assert.equal(await hiddenPanels(), 0);
  assert.ok(await page.isVisible('#table-3 caption'));
  assert.equal(await said(), '已展开全部 6 个部分', 'a screen reader hears what the press did');
  assert.ok(await looksOff('展开全部'));
  await page.click('text=收起全部');
  assert.deepEqual(await states(), Array(6).fill('false'));
  assert.ok(!(await page.isVisible('#table-3 caption')));
  assert.equal(await said(), '已收起全部部分');
  // Keyboard: Tab to a part's button, Enter and Space toggle it.
  const historyBefore = await page.evaluate(() => history.length);
  await page.focus('#part-2-button');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#part-2-button', 'aria-expanded'), 'true');
  assert.equal(new URL(page.url()).hash, '#part-2');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#part-2-button', 'aria-expanded'), 'false');
  await page.click('#part-5-button');
  await page.click('#part-6-button');
  assert.equal(new URL(page.url()).hash, '#part-6');
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'toggling must not add history entries');
  await page.close();
});

test('a deep link opens its part and scrolls to it; contents links do the same', async () => {
  const page = await h.open(`/?report=${SAMPLE}#part-4`, { width: 1024, height: 700 });
  await h.settled(page);
  await page.waitForFunction(() => __rv('#part-4-button')?.getAttribute('aria-expanded') === 'true');
  const inView = (id) => page.waitForFunction((id) => {
    const top = __rv('#' + id).getBoundingClientRect().top;
    return window.scrollY > 0 && top >= -1 && top < window.innerHeight / 2;
  }, id, { timeout: 5000 });
  await inView('part-4');
  assert.equal(await page.getAttribute('#part-1-button', 'aria-expanded'), 'false');
  // A link to a subsection opens the part that holds it.
  await page.click('.rv-contents a[href="#part-1-3"]');
  await page.waitForFunction(() => __rv('#part-1-button').getAttribute('aria-expanded') === 'true');
  await inView('part-1-3');
  // Focus follows the link: keyboard and screen-reader users go on from the heading they chose.
  await page.waitForFunction(() => __rv('#part-1-3').contains(__rvActive()) && /^H\d$/.test(__rvActive().tagName), null, { timeout: 5000 });
  // A finding's link to its table leads focus to the table.
  await page.click('.rv-check a[href="#table-4"]');
  await page.waitForFunction(() => __rvActive()?.classList.contains('rv-table__scroll') && __rv('#table-4').contains(__rvActive()), null, { timeout: 5000 });
  await page.close();
});

test('bad JSON says what and where, with a working retry', async () => {
  const page = await h.open('/?report=/fixtures/bad-syntax.json');
  await h.settled(page);
  const alert = await page.textContent('[role=alert]');
  assert.match(alert, /报告数据有误/);
  assert.match(alert, /第 10 行第 \d+ 列/);
  assert.match(alert, /bad-syntax\.json/);
  assert.equal(await page.evaluate(() => __rvActive()?.textContent), '重新加载');

  const shape = await h.open('/?report=/fixtures/bad-shape.json');
  await h.settled(shape);
  const text = await shape.textContent('[role=alert]');
  assert.match(text, /table9-2030/);
  assert.match(text, /位置：sections\[2\]\.blocks\[0\]/);
  assert.match(text, /第 \d+ 行/);
  await shape.close();

  // Retry fetches again: once the file is fixed, the report appears.
  let fixed = false;
  await page.route('**/fixtures/bad-syntax.json', async (route) => {
    if (!fixed) return route.continue();
    route.fulfill({ contentType: 'application/json', body: await readFile(join(ROOT, 'public', SAMPLE), 'utf8') });
  });
  fixed = true;
  await page.click('text=重新加载');
  await page.waitForSelector('.rv-report');
  assert.match(await page.textContent('h1'), /示例市/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a loading state is announced while the report is on its way', async () => {
  const page = await h.browser.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/reports/sample-2021.json', async (route) => { await held; route.continue(); });
  await page.goto(`${h.url}/?report=${SAMPLE}`);
  const status = page.locator('.rv .rv-status[role=status]');
  await status.waitFor();
  assert.match(await status.textContent(), /正在加载报告/);
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  // The fallback link is still there while loading.
  assert.ok(await page.isVisible('[data-report-viewer] > p > a'));
  release();
  await page.waitForSelector('.rv-report');
  assert.equal(await page.$('.rv .rv-status'), null);
  await page.close();
});

test('a missing report says the server answered 404, and the page stays usable', async () => {
  const page = await h.open('/?report=/fixtures/no-such-report.json');
  await h.settled(page);
  const alert = await page.textContent('[role=alert]');
  assert.match(alert, /服务器未返回报告/);
  assert.match(alert, /404/);
  assert.match(alert, /no-such-report\.json/);
  // Not worded as a passing fault: a file that is not there stays not there.
  const people = await page.textContent('.rv-error__people');
  assert.match(people, /网站上找不到这份报告.*重新加载也不会改变/);
  assert.doesNotMatch(people, /暂时|稍后/);
  assert.ok(await page.isVisible('.demo-switch'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the demo page\'s fallback link is the readable copy of the report the address chose', async () => {
  for (const [name, title] of [['erlianhaote-2020', '二连浩特市2020年政府信息公开工作年度报告'], ['sample-2021', null]]) {
    const page = await h.open(name === 'erlianhaote-2020' ? '/' : `/?report=reports/${name}.json`);
    await h.settled(page);
    const href = await page.getAttribute('[data-report-viewer] a[data-rv-copy]', 'href');
    assert.equal(href, `reports/${name}.html`);
    const copy = await page.evaluate(async (u) => { const r = await fetch(u); return { status: r.status, type: r.headers.get('content-type'), text: await r.text() }; }, href);
    assert.equal(copy.status, 200);
    assert.match(copy.type, /text\/html/);
    const json = JSON.parse(await readFile(join(ROOT, `public/reports/${name}.json`), 'utf8'));
    assert.ok(copy.text.includes(title ?? json.meta.title), `${href} is the report's readable copy`);
    await page.close();
  }
});

test('?report= never loads from another origin, however the address is spelled', async () => {
  const own = new URL(h.url).host;
  const { report } = await paragraphsOf(SEED);
  for (const evil of ['/%09/evil.example/r.json', '/%0A/evil.example/r.json', '/%0D/evil.example/r.json', '%09//evil.example/r.json',
    '/%09%09/evil.example/r.json', '/%5Cevil.example/r.json', 'https://evil.example/r.json', 'javascript:alert(1)', 'data:application/json,{}']) {
    const page = await h.browser.newPage();
    const hosts = [];
    page.on('request', (r) => hosts.push(new URL(r.url()).host));
    await page.route((u) => u.host.includes('evil.example'), (route) => route.abort());
    await page.goto(`${h.url}/?report=${evil}`);
    await h.settled(page);
    assert.deepEqual([...new Set(hosts)].filter((x) => x !== own), [], evil);
    // The page's own report is shown instead.
    assert.equal(await page.textContent('h1'), report.meta.title, evil);
    await page.close();
  }
  // A same-origin address still works.
  const page = await h.open(`/?report=${SAMPLE}`);
  await h.settled(page);
  assert.match(await page.textContent('h1'), /示例市/);
  await page.close();
});

test('?report= on this site that redirects to another site shows no report of that site', async () => {
  const page = await h.browser.newPage();
  const evil = JSON.stringify({ version: 1, meta: { title: 'EVIL 报告', agency: 'x', published: '2023-01-01T00:00', year: 2022 }, sections: [] });
  await page.route((u) => u.pathname === '/redir.json', (route) => route.fulfill({ status: 302, headers: { location: 'https://evil.example/r.json' } }));
  await page.route((u) => u.host.includes('evil.example'), (route) => route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: evil }));
  await page.goto(`${h.url}/?report=/redir.json`);
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-report-viewer]')?.shadowRoot;
    return root?.querySelector('.rv-error, .rv-report');
  }, null, { timeout: 20000 });
  const shown = await page.evaluate(() => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    return { report: !!root.querySelector('.rv-report'), text: root.textContent };
  });
  assert.equal(shown.report, false, 'no report from another site');
  assert.ok(!shown.text.includes('EVIL'), shown.text);
  // Whether the browser refuses the redirect itself or completes it and the viewer refuses the
  // answer (it compares the response's final address with this site), a message is shown.
  assert.match(shown.text, /报告未能显示/);
  await page.close();
});

test('report text is shown as text, never run as markup', async () => {
  const page = await h.open('/?report=/fixtures/markup-as-text.json');
  await h.settled(page);
  await page.click('text=展开全部');
  assert.equal(await page.textContent('h1'), '<b>标题</b>');
  assert.match(await page.textContent('.rv-part__panel'), /<script>window.__pwned=1<\/script>/);
  assert.equal(await page.$$eval('.rv img, .rv script, .rv b', (e) => e.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('totals the source leaves out are shown as computed values, marked in words', async () => {
  const page = await h.open('/?report=/fixtures/derived.json#part-4');
  await h.settled(page);
  const cell = page.locator('td[data-cell="review.total"]');
  assert.match(await cell.textContent(), /^4\*（计算值）$/);
  assert.ok((await cell.getAttribute('class')).includes('rv-derived'));
  assert.match(await page.textContent('#table-4'), /计算值：原表未提供/);
  await page.close();
});

test('a figure the text states differently from the table is warned beside the table, naming the sentence', async () => {
  const page = await h.open('/?report=/fixtures/text-mismatch.json#part-3');
  await h.settled(page);
  const beside = await page.textContent('#table-3-findings');
  assert.match(beside, /正文“（二）依申请公开”一节写明收到的政府信息公开申请为 145：“全年新收政府信息公开申请145件，上年结转7件，均在法定期限内答复。”，而表中“一、本年新收政府信息公开申请数量”行“申请人情况 › 总计”为 141/);
  // The summary lists it with the planted identity error, as a warning.
  const summary = await page.textContent('.rv-check');
  assert.match(summary, /2\s*处/);
  assert.match(summary, /警告：.*写明收到的政府信息公开申请为 145/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone (320, 390 and 844 px) every table is cards with every figure in view; the full grid is one press away and scrolls in its region', async () => {
  const sample = JSON.parse(await readFile(join(ROOT, 'public', SAMPLE), 'utf8'));
  const t3 = sample.sections.flatMap((s) => s.blocks).find((b) => b.id === 'table-3').values;
  const figures = Object.values(t3).reduce((n, row) => n + Object.keys(row).length, 0);
  for (const [width, height] of [[320, 640], [390, 844], [844, 390]]) {
    const page = await h.open(`/?report=${SAMPLE}`, { width, height });
    await h.settled(page);
    await page.click('text=展开全部');
    const seen = await page.evaluate(() => {
      const root = document.querySelector('[data-report-viewer]').shadowRoot;
      const view = root.querySelector('#table-3').closest('.rv-table-view');
      const cards = [...view.querySelectorAll('.rv-card')];
      const shown = (e) => e.getClientRects().length > 0;
      return {
        page: document.documentElement.scrollWidth,
        gridShown: shown(view.querySelector('.rv-table__scroll')),
        cards: cards.length,
        allShown: cards.every(shown),
        // Each figure is on a card, by its column's name, or named among the card's zeros.
        figures: cards.reduce((n, c) => n + c.querySelectorAll('dd').length
          + (c.querySelector('.rv-card__zeros')?.textContent.split('：')[1]?.split('、').length ?? 0), 0),
        widest: Math.max(...cards.map((c) => c.getBoundingClientRect().right)),
        flagged: [...root.querySelectorAll('#table-4')].length && !!root.querySelector('.rv-table-view .rv-card .rv-flagged'),
      };
    });
    const label = `${width}×${height}`;
    assert.ok(seen.page <= width, `${label}: the page is ${seen.page}px wide`);
    assert.equal(seen.gridShown, false, `${label}: cards, not the grid`);
    assert.equal(seen.cards, 25, `${label}: a card per row of 表三`);
    assert.ok(seen.allShown && seen.widest <= width, `${label}: every card within the screen (${seen.widest})`);
    assert.equal(seen.figures, 25 * 7, `${label}: every figure of 表三 on its card (the report gives ${figures})`);
    assert.ok(seen.flagged, `${label}: the figure a finding names is marked on its card`);
    assert.deepEqual(await h.axe(page), [], `${label}: axe`);
    await page.screenshot({ path: join(OUTPUT, `phone-${width}x${height}.png`), fullPage: true });
    // The full grid, one press away: it scrolls inside a focusable region, the page does not.
    await page.evaluate(() => __rv('#table-3').closest('.rv-table-view').querySelector('.rv-cards__toggle').click());
    const grid = await page.$eval('#table-3 .rv-table__scroll', (r) => ({
      shown: r.getClientRects().length > 0, scrolls: r.scrollWidth > r.clientWidth, tabindex: r.getAttribute('tabindex'), role: r.getAttribute('role'),
    }));
    // (At 320 px the grid is wider than the screen; it scrolls sideways in its own region.)
    assert.deepEqual(grid, { shown: true, scrolls: width === 320 ? true : grid.scrolls, tabindex: '0', role: 'region' }, label);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${label}: the page stays put`);
    // Scrolled sideways to its last column, every row still shows its own name at the region's
    // left, over the figures (表三's names sit on up to three levels: 三、 · （三） · 1.).
    const held = async (what) => {
      const rows = await page.evaluate(() => {
        const root = document.querySelector('[data-report-viewer]').shadowRoot;
        const region = root.querySelector('#table-3 .rv-table__scroll');
        region.scrollLeft = region.scrollWidth;
        return [...region.querySelectorAll('tbody tr')].map((tr) => {
          const own = [...tr.querySelectorAll('th')].pop();
          // The page scrolls to the row (scrollIntoView would scroll the region back too).
          window.scrollBy(0, tr.getBoundingClientRect().top - innerHeight / 3);
          region.scrollLeft = region.scrollWidth;
          const r = region.getBoundingClientRect();
          const box = tr.getBoundingClientRect();
          const drawn = root.elementFromPoint(r.left + 12, box.top + box.height / 2)?.closest('th');
          const words = (own.querySelector('.rv-th__label') ?? own).getBoundingClientRect();
          return { name: own.textContent, drawn: drawn === own, left: words.left - r.left, right: words.right - r.left, width: r.width, figures: r.right - own.getBoundingClientRect().right };
        });
      });
      assert.equal(rows.length, 25, what);
      for (const row of rows) {
        assert.ok(row.drawn && row.left >= 0 && row.right <= row.width, `${what}: ${row.name} held at the left: ${JSON.stringify(row)}`);
        assert.ok(row.figures > 40, `${what}: room for the figures beside ${row.name}: ${JSON.stringify(row)}`);
      }
    };
    if (grid.scrolls) await held(label);
    if (width === 320) {
      // And at 200 % text.
      await page.evaluate(() => { const s = document.querySelector('[data-report-viewer]').shadowRoot.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
      await held(`${label} at 200 %`);
      assert.deepEqual(await h.axe(page), [], `${label} at 200 %, the full table: axe`);
      await page.screenshot({ path: join(OUTPUT, 'phone-320-200-full-table.png') });
    }
    await page.close();
  }
});

test('axe-core finds no violations, collapsed and expanded, in both reports and the error state', async () => {
  for (const path of ['/', `/?report=${SAMPLE}`, '/?report=/fixtures/bad-syntax.json']) {
    const page = await h.open(path);
    await h.settled(page);
    assert.deepEqual(await h.axe(page), [], `${path} collapsed`);
    if (await page.$('.rv-report')) {
      await page.click('text=展开全部');
      assert.deepEqual(await h.axe(page), [], `${path} expanded`);
      const name = path === '/' ? 'seed' : 'sample';
      await page.screenshot({ path: join(OUTPUT, `${name}-expanded.png`), fullPage: true });
    }
    await page.close();
  }
});

test('at 200 % on a phone the reading bar fits: little more than half the screen, nothing cut off', async () => {
  const page = await h.open('/', { width: 390, height: 844 });
  await h.settled(page);
  await page.evaluate(() => { const s = __rv('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
  await page.evaluate(() => __rv('.rv-button--read').click());
  await page.waitForFunction(() => !__rv('.rv-reader').hidden && getComputedStyle(__rv('.rv')).fontSize === '34px');
  const closed = await page.evaluate(() => __rv('.rv-reader').getBoundingClientRect().height);
  assert.ok(closed <= 844 * 0.55, `the bar is ${closed}px tall on an 844px screen`);
  await page.evaluate(() => { __rv('.rv-reader__more').open = true; });
  const fits = await page.evaluate(() => [...__rv('.rv-reader').querySelectorAll('button, select, summary')]
    .map((e) => e.getBoundingClientRect()).every((r) => r.left >= 0 && r.right <= innerWidth));
  assert.ok(fits, 'every control of the bar within the screen');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'no sideways scrolling');
  assert.deepEqual(await h.axe(page), []);
  await page.screenshot({ path: join(OUTPUT, 'phone-200-reading-bar.png') });
  await page.close();
});

test('screen readers: every figure of 表二, 表三 and 表四 has exactly its own row and column headers in Chromium\'s accessibility tree', async () => {
  const expect = {
    // 2019 format (the seed) and 2021 format (the sample): a figure of 表二 names its block's
    // column and row, never another block's columns.
    '/': { 'table-2': ['regulations.made', ['本年新制作数量', '规章']], 'table-3': ['refused_state_secret.commercial', ['申请人情况', '法人或其他组织', '商业企业', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']] },
    [`/?report=${SAMPLE}`]: { 'table-2': ['regulations.in_force', ['现行有效件数', '规章']], 'table-4': ['direct_suit.upheld', ['行政诉讼', '未经复议直接起诉', '结果维持']] },
  };
  for (const [path, tables] of Object.entries(expect)) {
    const page = await h.open(path);
    await h.settled(page);
    await page.click('text=展开全部');
    for (const id of ['table-2', 'table-3', 'table-4']) {
      const cells = await axTableHeaders(page, id);
      assert.ok(cells.length >= 10, `${path} ${id}: ${cells.length} figures`);
      for (const { key, exposed, listed } of cells) {
        assert.ok(exposed.length >= 1 && exposed.every(Boolean), `${path} ${id} ${key}: ${JSON.stringify(exposed)}`);
        assert.deepEqual(exposed, listed, `${path} ${id} ${key}: Chromium exposes ${JSON.stringify(exposed)}, its headers say ${JSON.stringify(listed)}`);
      }
      const [key, names] = tables[id] ?? [];
      if (key && names) assert.deepEqual(cells.find((c) => c.key === key)?.exposed, names, `${path} ${id} ${key}`);
    }
    await page.close();
  }
});

test('a report of many tables (16 copies of 表三, the table limit) is drawn a few tables per task: the page runs between them and every table shows, in order', async () => {
  const report = JSON.parse(await readFile(join(ROOT, 'public', SAMPLE), 'utf8'));
  const table3 = report.sections.flatMap((p) => p.blocks ?? []).find((b) => b.template?.startsWith('table3'));
  report.sections[0].blocks.push(...Array.from({ length: 16 - 3 }, (_, i) => ({ ...table3, id: `many-${i}` })));
  const page = await h.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The page's own timer notes how many of the added tables are drawn each time it runs.
  await page.addInitScript(() => {
    window.__drawn = [];
    (function tick() {
      const root = document.querySelector('[data-report-viewer]')?.shadowRoot;
      window.__drawn.push(root ? root.querySelectorAll('caption[id^="many-"]').length : 0);
      if (window.__drawn[window.__drawn.length - 1] < 13) setTimeout(tick, 0);
    })();
  });
  await page.route((u) => u.pathname === '/many.json', (route) => route.fulfill({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(report) }));
  await page.goto(`${h.url}/?report=/many.json`);
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]')?.shadowRoot?.querySelectorAll('caption[id^="many-"]').length === 13, null, { timeout: 30000 });
  const { drawn, ids } = await page.evaluate(() => ({
    drawn: window.__drawn,
    ids: [...document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('caption[id^="many-"]')].map((c) => c.id),
  }));
  assert.deepEqual(ids, Array.from({ length: 13 }, (_, i) => `many-${i}-caption`));
  assert.ok(drawn.some((n) => n > 0 && n < 13), `the page ran while the tables were drawn: ${JSON.stringify([...new Set(drawn)])}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone a table too long for cards (1,000 rows) scrolls in its region with its column and row headers always in view', async () => {
  const report = JSON.parse(await readFile(join(ROOT, 'public', SAMPLE), 'utf8'));
  const columns = ['受理', '办结', '公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他'];
  const rows = Array.from({ length: 1000 }, (_, i) => `第${i + 1}号街道办事处`);
  report.sections[0].blocks.push({ type: 'table', id: 'long', caption: '各街道办理情况', columns, rows, cells: rows.map((_, i) => columns.map((_, j) => i + j)) });
  const [width, height] = [390, 844];
  const page = await h.browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route((u) => u.pathname === '/long.json', (route) => route.fulfill({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(report) }));
  await page.goto(`${h.url}/?report=/long.json`);
  await page.waitForSelector('.rv-report');
  await page.click('text=展开全部');
  // Every row is drawn (in chunks, one task each).
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('#long tbody tr').length === 1000);
  const look = () => page.evaluate(() => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    const view = root.querySelector('#long').closest('.rv-table-view');
    const region = view.querySelector('.rv-table__scroll').getBoundingClientRect();
    // The last row wholly in the region, and what shows of it.
    const rows = [...view.querySelectorAll('tbody tr')].filter((r) => r.getBoundingClientRect().bottom <= region.bottom);
    const last = rows[rows.length - 1];
    const header = view.querySelector('thead th:last-child').getBoundingClientRect();
    const rowHeader = last.querySelector('th').getBoundingClientRect();
    return {
      cards: view.querySelectorAll('.rv-card').length,
      page: document.documentElement.scrollWidth,
      regionHeight: region.height,
      // The column headers at the region's top, the row's header at its left, over the figures.
      headerTop: header.top - region.top,
      rowHeaderLeft: rowHeader.left - region.left,
      rowName: last.querySelector('th').textContent,
      topmost: root.elementFromPoint(rowHeader.left + 2, rowHeader.top + 2)?.textContent,
    };
  });
  const scroll = (x, y) => page.evaluate(([x, y]) => {
    const r = document.querySelector('[data-report-viewer]').shadowRoot.querySelector('#long .rv-table__scroll');
    r.scrollIntoView({ block: 'start' });
    r.scrollTo(x === 'end' ? r.scrollWidth : x, y === 'end' ? r.scrollHeight : y);
    return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  }, [x, y]);
  await scroll(0, 0);
  const top = await look();
  assert.equal(top.cards, 0, 'no cards for 1,000 rows');
  assert.ok(top.page <= width, `the page is ${top.page}px wide`);
  assert.ok(top.regionHeight > height / 2 && top.regionHeight <= height * 0.8 + 2, `the region is shown, ${top.regionHeight}px high`);
  await scroll('end', 'end');
  const bottom = await look();
  assert.ok(Math.abs(bottom.headerTop) <= 2, `at the bottom right the column headers are at the top of the region (${bottom.headerTop})`);
  assert.ok(Math.abs(bottom.rowHeaderLeft) <= 2, `and the row header at its left (${bottom.rowHeaderLeft})`);
  assert.match(bottom.rowName, /^第(99\d|1000)号街道办事处$/);
  assert.equal(bottom.topmost, bottom.rowName, 'the row header is drawn over the figures scrolled under it');
  await page.screenshot({ path: join(OUTPUT, 'phone-long-table-390x844.png') });
  assert.deepEqual(await h.axe(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('collapsed parts are filled right after the first frame, hidden until found, so find-in-page reaches every paragraph', async () => {
  const { paragraphs } = await paragraphsOf(SEED);
  const page = await h.open('/');
  await h.settled(page);
  // The first task after the first frame fills them: a state to wait for, not a time.
  await page.waitForFunction(() => [...__rv('.rv-report').querySelectorAll('.rv-part__panel')].every((p) => p.childElementCount > 0));
  const panels = await page.evaluate(() => [...__rv('.rv-report').querySelectorAll('.rv-part__panel')]
    .map((p) => ({ hidden: p.getAttribute('hidden'), text: p.textContent })));
  assert.ok(panels.length === 6 && panels.every((p) => p.hidden === 'until-found'), JSON.stringify(panels.map((p) => p.hidden)));
  const text = panels.map((p) => p.text).join('');
  const intro = await page.evaluate(() => __rv('.rv-intro').textContent);
  for (const p of paragraphs) assert.equal(count(text + intro, p), 1, `in the collapsed parts once: ${p.slice(0, 30)}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('展开全部 on a huge report opens the parts in view at once and the rest a batch a frame; 收起全部 stops it', async () => {
  // 120 parts of 3,000 characters: twelve frames' worth (a real report opens in one).
  const report = hugeReport();
  const page = await h.browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.route((u) => u.pathname === '/huge.json', (route) => route.fulfill({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(report) }));
  await page.goto(`${h.url}/?report=/huge.json`);
  await page.waitForSelector('.rv-report');
  const openCount = () => page.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-part--open').length);
  // The first frame after the click shows the first parts open, not all 120.
  const first = await page.evaluate(() => new Promise((ok) => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    root.querySelector('.rv-toolbar button').click();
    requestAnimationFrame(() => ok(root.querySelectorAll('.rv-part--open').length));
  }));
  assert.ok(first >= 1 && first < 120, `first frame: ${first} parts open`);
  const firstPanel = await page.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelector('.rv-part__panel').hidden);
  assert.equal(firstPanel, false, 'the first part is open in that frame');
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-part--open').length === 120);
  assert.equal(await page.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelector('.rv-toolbar button').getAttribute('aria-disabled')), 'true');
  // 收起全部 right after 展开全部: the parts still to open stay closed.
  await page.evaluate(() => new Promise((ok) => {
    const buttons = document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-toolbar button');
    buttons[1].click();
    requestAnimationFrame(() => setTimeout(() => {
      buttons[0].click();
      requestAnimationFrame(() => setTimeout(() => { buttons[1].click(); ok(); }, 0));
    }, 0));
  }));
  // Some frames later nothing has reopened.
  await page.evaluate(() => new Promise((ok) => { let n = 0; const f = () => (++n < 20 ? requestAnimationFrame(f) : ok()); requestAnimationFrame(f); }));
  assert.equal(await openCount(), 0);
  await page.close();
});
