// End to end: the widget on host pages it does not control — hostile CSS, strict CSP, another
// origin — and what a reader takes away: print and save.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ROOT, OUTPUT, pageShapes } from './harness.mjs';
import { serve } from './server.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const HOSTS = '[data-report-viewer], report-viewer';
const SEED_JSON = join(ROOT, 'public/reports/erlianhaote-2020.json');
const SAMPLE_JSON = join(ROOT, 'public/reports/sample-2021.json');

/** Waits until `n` widgets show a report or an error. */
async function widgetsSettled(page, n) {
  await page.waitForFunction(({ sel, n }) => {
    const hosts = [...document.querySelectorAll(sel)];
    return hosts.length >= n && hosts.slice(0, n).every((e) => e.shadowRoot?.querySelector('.rv-report, .rv-error'));
  }, { sel: HOSTS, n }, { timeout: 20000 });
}

const WIDGET_PROPS = ['font-size', 'font-family', 'font-weight', 'color', 'background-color', 'line-height', 'text-indent',
  'padding-top', 'padding-left', 'margin-top', 'border-top-width', 'border-top-style', 'display', 'min-height', 'text-align', 'letter-spacing'];
const WIDGET_PARTS = ['.rv', '.rv-title', '.rv-meta', '.rv-part__button', '.rv-toolbar .rv-button', '.rv-contents a', '.rv-p',
  '.rv-table__table', '.rv-table__table caption', '.rv-th--col', '.rv-td', '.rv-part__panel'];

async function widgetStyles(page, index) {
  return page.evaluate(({ sel, index, parts, props }) => {
    const root = document.querySelectorAll(sel)[index].shadowRoot;
    const out = {};
    for (const p of parts) {
      const el = root.querySelector(p);
      if (!el) { out[p] = 'missing'; continue; }
      const cs = getComputedStyle(el);
      out[p] = Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)]));
      const r = el.getBoundingClientRect();
      out[p].width = Math.round(r.width);
    }
    return out;
  }, { sel: HOSTS, index, parts: WIDGET_PARTS, props: WIDGET_PROPS });
}

test('the demo portal: three widgets (one added after load) render under hostile CSS and a strict CSP', async () => {
  const page = await h.open('/portal.html', { width: 1200, height: 900 });
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await widgetsSettled(page, 3);
  const states = await page.$$eval(HOSTS, (hosts) => hosts.map((e) => ({
    tag: e.tagName, report: !!e.shadowRoot.querySelector('.rv-report'), title: e.shadowRoot.querySelector('h1')?.textContent,
  })));
  assert.equal(states.length, 3);
  assert.ok(states.every((s) => s.report), JSON.stringify(states));
  assert.equal(states[2].tag, 'REPORT-VIEWER');
  // Options from attributes: the third is in English with no 保存 menu; the second opens part 4.
  const third = await page.evaluate((sel) => {
    const root = document.querySelectorAll(sel)[2].shadowRoot;
    return { buttons: [...root.querySelectorAll('.rv-toolbar button')].map((b) => b.textContent.trim()),
      accent: getComputedStyle(root.querySelector('.rv-button')).backgroundColor };
  }, HOSTS);
  assert.deepEqual(third.buttons, ['Expand all', 'Collapse all', 'Read aloud', 'Print', 'High contrast']);
  assert.equal(third.accent, 'rgb(138, 28, 28)');
  const secondOpen = await page.evaluate((sel) => document.querySelectorAll(sel)[1].shadowRoot.querySelector('#part-4-button').getAttribute('aria-expanded'), HOSTS);
  assert.equal(secondOpen, 'true');
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: join(OUTPUT, 'portal.png'), fullPage: true });
  await page.close();
});

test('the widget looks the same on the hostile portal as on a plain page, and leaves the host alone', async () => {
  const styles = {};
  for (const name of ['plain', 'portal']) {
    // The plain page is the portal page without its theme CSS.
    const page = await h.browser.newPage({ viewport: { width: 1200, height: 900 } });
    if (name === 'plain') await page.route('**/portal.css', (route) => route.fulfill({ contentType: 'text/css', body: '' }));
    await page.goto(`${h.url}/portal.html`);
    await widgetsSettled(page, 2);
    await page.evaluate((sel) => document.querySelectorAll(sel)[0].shadowRoot.querySelector('.rv-toolbar .rv-button').click(), HOSTS);
    styles[name] = await widgetStyles(page, 0);
    await page.close();
  }
  for (const part of WIDGET_PARTS) {
    assert.notEqual(styles.plain[part], 'missing', part);
    // The article column is the same width on both pages only by chance; compare all but width
    // for the outer box, and everything for what is inside.
    const { width: w1, ...plain } = styles.plain[part];
    const { width: w2, ...portal } = styles.portal[part];
    assert.deepEqual(portal, plain, `computed style of ${part} differs on the hostile page`);
  }
  // The host page: the same elements keep the same computed styles with and without the widget.
  const hostProps = async (block) => {
    const page = await h.browser.newPage({ viewport: { width: 1200, height: 900 } });
    if (block) await page.route('**/report-viewer*.js', (r) => r.abort());
    await page.goto(`${h.url}/portal.html`, { waitUntil: 'load' });
    if (!block) await widgetsSettled(page, 3);
    const out = await page.evaluate(() => ['body', '.site-header', '.site-nav a', 'h2.article-kicker', '.host-table td', '.host-button', '.article-info', '.site-footer p']
      .map((s) => { const cs = getComputedStyle(document.querySelector(s)); return [s, cs.fontSize, cs.color, cs.backgroundColor, cs.padding, cs.fontFamily, cs.lineHeight, cs.borderTopStyle]; }));
    await page.close();
    return out;
  };
  assert.deepEqual(await hostProps(false), await hostProps(true));
});

test('a global configuration applies to every widget, and attributes override it', async () => {
  const page = await h.open('/fixtures/config.html');
  await widgetsSettled(page, 2);
  const seen = await page.$$eval(HOSTS, (hosts) => hosts.map((e) => {
    const r = e.shadowRoot;
    return {
      buttons: [...r.querySelectorAll('.rv-toolbar > button')].map((b) => b.textContent.trim()),
      open: [...r.querySelectorAll('.rv-part__button')].filter((b) => b.getAttribute('aria-expanded') === 'true').map((b) => b.id),
    };
  }));
  assert.deepEqual(seen[0].buttons, ['Expand all', 'Collapse all', 'High contrast']);
  assert.equal(seen[0].open.length, 6);
  assert.deepEqual(seen[1].buttons, ['展开全部', '收起全部', '朗读', '打印', '高对比度']);
  assert.deepEqual(seen[1].open, ['part-6-button']);
  assert.equal(await page.evaluate(() => window.ReportViewer.version), '0.1.0');
  await page.close();
});

test('one widget failing (its JSON 404s) leaves the others working', async () => {
  const page = await h.open('/fixtures/two-widgets.html');
  await widgetsSettled(page, 2);
  const result = await page.$$eval(HOSTS, (hosts) => hosts.map((e) => ({
    report: !!e.shadowRoot.querySelector('.rv-report'), alert: e.shadowRoot.querySelector('[role=alert]')?.textContent ?? '',
  })));
  assert.equal(result[0].report, true);
  assert.match(result[1].alert, /404/);
  // The working one still works.
  await page.evaluate((sel) => document.querySelectorAll(sel)[0].shadowRoot.querySelector('#part-2-button').click(), HOSTS);
  assert.equal(await page.evaluate((sel) => document.querySelectorAll(sel)[0].shadowRoot.querySelector('#part-2-button').getAttribute('aria-expanded'), HOSTS), 'true');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the widget served from a second origin (CORS) works on a page of the first', async () => {
  const cdn = await serve({ roots: { '/': join(ROOT, 'dist') }, headers: { 'access-control-allow-origin': '*' } });
  try {
    const page = await h.browser.newPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(r.url()));
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(`${h.url}/fixtures/cdn-host.html?cdn=${encodeURIComponent(cdn.url)}`);
    await widgetsSettled(page, 1);
    assert.match(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('h1').textContent, HOSTS), /示例市/);
    assert.ok(fetched.some((u) => u.startsWith(cdn.url) && u.endsWith('_bg.wasm')), 'wasm from the second origin');
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    cdn.server.closeAllConnections();
    await new Promise((ok) => cdn.server.close(ok));
  }
});

test('under a strict Content-Security-Policy header the widget works with no violation', async () => {
  const page = await h.browser.newPage();
  await page.addInitScript(() => {
    // Every frame (the print view's too) reports to the top page.
    if (window === window.top) window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.top.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route(`${h.url}/csp.html`, async (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CSP</title>
      <script src="/report-viewer.js" defer></script></head><body><main>
      <div data-report-viewer data-src="/reports/sample-2021.json"></div></main></body></html>`,
  }));
  await page.goto(`${h.url}/csp.html`);
  await widgetsSettled(page, 1);
  await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.rv-toolbar .rv-button').click(), HOSTS);
  const styled = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.rv-button')).minHeight, HOSTS);
  assert.equal(styled, '44px', 'the adopted stylesheet applies');
  // Printing goes through a frame whose styles are adopted, not inline.
  await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '打印').click(), HOSTS);
  await page.waitForSelector('iframe[data-rv-print]', { state: 'attached' });
  const frameStyled = await page.waitForFunction(() => {
    const d = document.querySelector('iframe[data-rv-print]')?.contentDocument;
    const t = d?.querySelector('.rv-title');
    return t && getComputedStyle(t).textAlign === 'center';
  }, null, { timeout: 5000 }).then(() => true, () => false);
  assert.ok(frameStyled, 'the print view is styled under the CSP');
  // No violation at all: the print frame has no inline style either.
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test('integrity and missing files: refused, named with file, status and cause, once, with no uncaught error; the fallback link stays', async () => {
  const CASES = [
    ['**/report-viewer-core-*.js', 'tampered', /report-viewer-core-[\d.]+\.js 的完整性校验（SRI）未通过/],
    ['**/report-viewer-core-*_bg.wasm', 'tampered', /report-viewer-core-[\d.]+_bg\.wasm 的完整性校验（SRI）未通过/],
    ['**/report-viewer-core-*_bg.wasm', 'missing', /report-viewer-core-[\d.]+_bg\.wasm 返回 HTTP 404/],
    ['**/report-viewer-core-*.js', 'missing', /report-viewer-core-[\d.]+\.js 返回 HTTP 404/],
  ];
  for (const [pattern, how, cause] of CASES) {
    const page = await h.browser.newPage();
    const errors = [];
    const logged = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && m.text().includes('[report-viewer]')) logged.push(m.text()); });
    await page.route(pattern, async (route) => {
      if (how === 'missing') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
      const response = await route.fetch();
      const body = await response.body();
      const tampered = Buffer.concat([body, Buffer.from(pattern.endsWith('.js') ? '\n// changed' : '\0')]);
      route.fulfill({ response, body: tampered });
    });
    await page.goto(`${h.url}/fixtures/two-widgets.html`);
    await page.waitForFunction(() => document.querySelector('[data-report-viewer]').hasAttribute('data-rv-error'), null, { timeout: 10000 });
    const said = await page.getAttribute('[data-report-viewer]', 'data-rv-error');
    assert.match(said, /未能加载/, `${how} ${pattern}`);
    assert.match(said, cause, said);
    assert.equal(await page.evaluate(() => !!document.querySelector('[data-report-viewer]').shadowRoot), false, pattern);
    assert.ok(await page.isVisible('[data-report-viewer] > a'), 'fallback link still shown');
    // ReportViewer.ready() still tells a caller who asks.
    assert.equal(await page.evaluate(() => window.ReportViewer.ready().then(() => 'ok', () => 'rejected')), 'rejected');
    assert.deepEqual(errors, [], `no uncaught error (${how} ${pattern})`);
    assert.equal(logged.length, 1, `one console line: ${logged.join(' | ')}`);
    await page.close();
  }
});

// How a webmaster's server or page stops the viewer, each named for what it is (never an
// integrity failure unless the file changed), with what to do; the fallback link stays.
const PAGE_FAULTS = [
  ['a core script served as text/plain', { route: ['**/report-viewer-core-*.js', 'text/plain'] },
    /report-viewer-core-[\d.]+\.js 的类型（Content-Type）是“text\/plain”.*text\/javascript/, /SRI/],
  ['a CSP without wasm-unsafe-eval', { csp: "default-src 'self'; script-src 'self'; style-src 'self'" },
    /script-src 中加入 'wasm-unsafe-eval'。只需这一项.*不要为此加入 'unsafe-eval'/, /SRI/],
  ['a CSP that requires Trusted Types', { csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'" },
    /强制使用 Trusted Types.*无法运行/, /SRI/],
  ['a page without TextDecoder', { init: 'Object.defineProperty(window, "TextDecoder", { value: undefined });' },
    /report-viewer-core-[\d.]+\.js 已完整下载，但未能运行：TextDecoder/, /SRI/],
  ['a page whose fetch throws', { init: 'window.fetch = function () { throw new TypeError("host fetch broken"); };' },
    /未能加载：host fetch broken/, /SRI/],
];

for (const [name, how, said, never] of PAGE_FAULTS) {
  test(`the loader on ${name}: named for what it is, once, the fallback link stays`, async () => {
    const page = await h.browser.newPage();
    const errors = [];
    const logged = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && m.text().includes('[report-viewer]')) logged.push(m.text()); });
    if (how.init) await page.addInitScript(how.init);
    if (how.route) {
      await page.route(how.route[0], async (route) => {
        const response = await route.fetch();
        route.fulfill({ response, headers: { ...response.headers(), 'content-type': how.route[1] } });
      });
    }
    await page.route(`${h.url}/fault.html`, async (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: how.csp ? { 'content-security-policy': how.csp } : {},
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>故障</title>
        <script src="/report-viewer.js" defer></script></head><body><main>
        <div data-report-viewer data-src="/reports/sample-2021.json"><a href="/reports/sample-2021.json">查看报告全文</a></div></main></body></html>`,
    }));
    await page.goto(`${h.url}/fault.html`);
    await page.waitForFunction(() => document.querySelector('[data-report-viewer]').hasAttribute('data-rv-error'), null, { timeout: 15000 });
    const message = await page.getAttribute('[data-report-viewer]', 'data-rv-error');
    assert.match(message, said, message);
    assert.doesNotMatch(message, never, message);
    assert.ok(await page.isVisible('[data-report-viewer] a'), 'the fallback link is shown');
    assert.deepEqual(errors, [], 'no uncaught error');
    assert.equal(logged.length, 1, logged.join(' | '));
    await page.close();
  });
}

function pdfText(pdf) {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
}

test('a container that cannot hold a shadow root (a table cell) still gets an isolated viewer', async () => {
  const page = await h.browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.route(`${h.url}/cell.html`, async (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>表格中</title>
      <style>td { color: rgb(255, 0, 0) !important; font-size: 40px !important } button { display: none !important }</style>
      <script src="/report-viewer.js" defer></script></head><body><main><table><tr>
      <td data-report-viewer data-src="/reports/sample-2021.json"><a id="fallback" href="/reports/sample-2021.json">查看报告全文</a></td>
      </tr></table></main></body></html>`,
  }));
  await page.goto(`${h.url}/cell.html`);
  await page.waitForFunction(() => document.querySelector('td [data-rv-wrapper]')?.shadowRoot?.querySelector('.rv-report'), null, { timeout: 20000 });
  const seen = await page.evaluate(() => {
    const root = document.querySelector('td [data-rv-wrapper]').shadowRoot;
    const title = root.querySelector('.rv-title');
    const button = root.querySelector('.rv-toolbar button');
    return {
      color: getComputedStyle(title).color,
      size: getComputedStyle(button).fontSize,
      buttonShown: getComputedStyle(button).display !== 'none' && button.getBoundingClientRect().height >= 44,
      fallbackShown: !!document.getElementById('fallback')?.getBoundingClientRect().height,
    };
  });
  assert.notEqual(seen.color, 'rgb(255, 0, 0)', 'the host CSS does not reach the title');
  assert.notEqual(seen.size, '40px', 'nor the buttons');
  assert.ok(seen.buttonShown, 'buttons shown, 44 px tall');
  assert.equal(seen.fallbackShown, false, 'the fallback link goes once the report is shown');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('print: the print frame stays invisible whatever the host CSS says, and goes when printing ends', async () => {
  const page = await h.browser.newPage();
  await page.route(`${h.url}/hostile-print.html`, async (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>打印</title>
      <style>* { all: unset !important } iframe { width: 100% !important; height: 400px !important; display: block !important;
        position: static !important; opacity: 1 !important; visibility: visible !important; border: 5px solid red !important }</style>
      <script src="/report-viewer.js" defer></script></head><body><main><p>门户</p>
      <div data-report-viewer data-src="/reports/sample-2021.json"></div><footer>页脚</footer></main></body></html>`,
  }));
  await page.goto(`${h.url}/hostile-print.html`);
  await widgetsSettled(page, 1);
  await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '打印').click(), HOSTS);
  await page.waitForSelector('iframe[data-rv-print]', { state: 'attached' });
  const seen = await page.evaluate(() => {
    const f = document.querySelector('iframe[data-rv-print]');
    const r = f.getBoundingClientRect();
    const s = getComputedStyle(f);
    return { width: r.width, height: r.height, opacity: s.opacity, events: s.pointerEvents };
  });
  assert.deepEqual(seen, { width: 0, height: 0, opacity: '0', events: 'none' });
  // When printing ends, the frame goes.
  await page.waitForFunction(() => document.querySelector('iframe[data-rv-print]')?.contentDocument?.querySelector('.rv-title'));
  await page.evaluate(() => document.querySelector('iframe[data-rv-print]').contentWindow.dispatchEvent(new Event('afterprint')));
  await page.waitForSelector('iframe[data-rv-print]', { state: 'detached', timeout: 5000 });
  await page.close();
});

test('print: the whole report with every part, caption and table header, and no controls', async () => {
  const sample = JSON.parse(await readFile(SAMPLE_JSON, 'utf8'));
  const captions = ['表二　主动公开政府信息情况', '表三　收到和处理政府信息公开申请情况', '表四　政府信息公开行政复议、行政诉讼情况'];
  // Ctrl+P on the standalone demo page: beforeprint opens every part, print CSS hides the controls.
  const page = await h.open('/?report=reports/sample-2021.json');
  await h.settled(page);
  await page.waitForSelector('.rv-check__cross-year');
  await everyPartDrawn(page);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  for (const s of sample.sections) assert.ok(text.includes((s.number + s.title).replace(/\s+/g, '')), `PDF lacks ${s.title}`);
  for (const c of captions) assert.ok(text.includes(c.replace(/\s+/g, '')), `PDF lacks ${c}`);
  for (const control of ['展开全部', '收起全部', '打印', '保存']) assert.ok(!text.includes(control), `PDF shows the control ${control}`);
  assert.ok(text.includes('一、本年新收政府信息公开申请数量'), 'table rows are in the PDF');
  // The parts close again after printing.
  assert.equal(await page.getAttribute('#part-3-button', 'aria-expanded'), 'false');

  // The 打印 button: a print view holding the whole report and its address, not the page around it.
  await page.click('.rv-toolbar button:has-text("打印")');
  await page.waitForSelector('iframe[data-rv-print]', { state: 'attached' });
  const srcdoc = await page.getAttribute('iframe[data-rv-print]', 'srcdoc');
  assert.ok(!srcdoc.includes('demo-header'));
  // The frame holds no <style> (CSP): it adopts the viewer's stylesheet; do the same here.
  assert.ok(!srcdoc.includes('<style'), 'no inline style in the print view');
  const view = await h.browser.newPage();
  await view.setContent(srcdoc);
  await view.addStyleTag({ content: await readFile(join(ROOT, 'style/report-viewer.css'), 'utf8') });
  const viewText = pdfText(await view.pdf({ format: 'A4' }));
  for (const s of sample.sections) assert.ok(viewText.includes((s.number + s.title).replace(/\s+/g, '')), `print view lacks ${s.title}`);
  for (const c of captions) assert.ok(viewText.includes(c.replace(/\s+/g, '')));
  assert.ok(viewText.includes('2024-03-2809:30'), 'publish time at the top');
  assert.ok(viewText.includes('报告地址'), 'address of the report');
  // Table headers repeat: 表三 spans pages, and its header row shows on each.
  const pages = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await view.pdf({ format: 'A6' }) }).toString('utf8').split('\f');
  const withTable3 = pages.map((p) => p.replace(/\s+/g, '')).filter((p) => /予以公开|不予公开|无法提供|不予处理|其他处理|结转下年度/.test(p));
  assert.ok(withTable3.length >= 2, `table 3 spans pages at A6 (${withTable3.length})`);
  for (const p of withTable3) assert.match(p, /申请人情况/, 'header row repeated on every page of table 3');
  // The print view's tables are the tables on screen, element for element.
  const printedPage = await view.evaluate(pageShapes);
  const shownPage = await page.evaluate(pageShapes);
  const [printed, shown] = [printedPage.tables, shownPage.tables];
  assert.equal(Object.keys(printed).length, 3);
  for (const id of Object.keys(printed)) assert.deepEqual(shown[id], printed[id], `${id}: the printed table differs from the one on screen`);
  // So are the header and the contents list (markup::page decides them once); only the header's
  // last row is the medium's own: the screen's view count, the copy's address.
  assert.deepEqual(Object.keys(printedPage).sort(), ['contents', 'header', 'own', 'tables', 'whole']);
  for (const part of ['header', 'contents']) assert.deepEqual(shownPage[part], printedPage[part], `the printed ${part} differs from the one on screen`);
  assert.deepEqual([printedPage.own, shownPage.own], [['报告地址'], ['点击量']], 'the copy names its address, the screen counts views');
  // And the whole report: check summary (with what checking against last year's report found),
  // contents, introduction, every part's headings, paragraphs, lists, charts, tables and findings,
  // element for element; only the screen's controls and the parts' open state are its own.
  assert.ok(JSON.stringify(shownPage.whole).includes('rv-check__cross-year'), 'last year\'s checks are on screen');
  assert.deepEqual(printedPage.whole, shownPage.whole, 'the print view differs from the report on screen');
  await view.close();
  await page.close();
});

/** Waits until every part's panel has its content (collapsed parts are filled after the first
 * frame) and the three tables are drawn. */
async function everyPartDrawn(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-report-viewer]')?.shadowRoot ?? document;
    return root.querySelector('.rv-part__panel') && !root.querySelector('.rv-part__panel:empty')
      && root.querySelectorAll('.rv-table').length === 3;
  });
}

test('save: standalone HTML readable without scripts, the original JSON, and each table as CSV', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rv-save-'));
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${h.url}/?report=reports/sample-2021.json`);
  await h.settled(page);
  // The demo loads last year's report: saved once its checks are on screen, so the copy holds them.
  await page.waitForSelector('.rv-check__cross-year');
  await everyPartDrawn(page);
  const save = async (item) => {
    await page.click('.rv-save > button');
    assert.equal(await page.getAttribute('.rv-save > button', 'aria-expanded'), 'true');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.rv-menu__item:has-text("${item}")`)]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), path };
  };
  const sample = JSON.parse(await readFile(SAMPLE_JSON, 'utf8'));

  const html = await save('网页文件');
  assert.equal(html.name, '示例市2023年政府信息公开工作年度报告（示例数据）.html');
  const offline = await h.browser.newContext({ javaScriptEnabled: false });
  const reader = await offline.newPage();
  await reader.goto(`file://${html.path}`);
  const headings = await reader.$$eval('.rv-part__heading', (hs) => hs.map((x) => x.textContent));
  assert.deepEqual(headings, sample.sections.map((s) => s.number + s.title));
  // 表三 and 表四 a <table> each; 表二 one per block (four in the 2021 format).
  assert.equal(await reader.$$eval('table', (t) => t.length), 6);
  assert.equal(await reader.$$eval('#table-2 table', (t) => t.length), 4);
  assert.ok(await reader.isVisible('#table-3 caption'));
  assert.equal(await reader.evaluate(() => document.scripts.length), 0);
  assert.equal(await reader.$eval('.rv-title', (t) => getComputedStyle(t).textAlign), 'center', 'styles are inline');
  await reader.screenshot({ path: join(OUTPUT, 'saved-offline.png'), fullPage: true });
  // One renderer: each table, the header and the contents list of the saved file have the
  // markup of those on screen, element for element (tags, attributes, words and marks), from the
  // same decisions (markup::table, markup::page).
  const savedPage = await reader.evaluate(pageShapes, null);
  const shownPage = await page.evaluate(pageShapes);
  const [saved, shown] = [savedPage.tables, shownPage.tables];
  assert.deepEqual(Object.keys(saved).sort(), ['table-2', 'table-3', 'table-4']);
  for (const id of Object.keys(saved)) assert.deepEqual(shown[id], saved[id], `${id}: the saved table differs from the one on screen`);
  for (const part of ['header', 'contents']) assert.deepEqual(shownPage[part], savedPage[part], `the saved ${part} differs from the one on screen`);
  assert.deepEqual(savedPage.whole, shownPage.whole, 'the saved page differs from the report on screen');
  await offline.close();

  const json = await save('原始数据');
  assert.equal(await readFile(json.path, 'utf8'), await readFile(SAMPLE_JSON, 'utf8'));

  const csv = await save('表三');
  assert.equal(csv.name, '示例市2023年政府信息公开工作年度报告（示例数据）_表三.csv');
  const bytes = await readFile(csv.path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = bytes.toString('utf8').slice(1).trim().split('\r\n').map((r) => r.split(','));
  assert.equal(rows[0].length, 8);
  assert.deepEqual(rows[0].slice(0, 2), ['项目', '申请人情况-自然人']);
  assert.equal(rows.length, 26);
  const t3 = sample.sections[2].blocks[0].values;
  const cols = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_services', 'other_org', 'total'];
  assert.deepEqual(rows[1].slice(1).map(Number), cols.map((c) => t3.new_requests[c]));
  assert.deepEqual(rows[25].slice(1).map(Number), cols.map((c) => t3.carried_forward[c]));
  // Escape closes the menu and returns focus to its button.
  await page.click('.rv-save > button');
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('.rv-save > button', 'aria-expanded'), 'false');
  // A press outside closes it; so does focus moving on to another control.
  await page.click('.rv-save > button');
  assert.equal(await page.getAttribute('.rv-save > button', 'aria-expanded'), 'true');
  await page.mouse.click(2, 2);
  assert.equal(await page.getAttribute('.rv-save > button', 'aria-expanded'), 'false', 'closed by a press outside');
  await page.click('.rv-save > button');
  await page.focus('.rv-toolbar button:has-text("高对比度")');
  assert.equal(await page.getAttribute('.rv-save > button', 'aria-expanded'), 'false', 'closed when focus left it');
  // Inside, it stays open: focus on its own items.
  await page.click('.rv-save > button');
  await page.focus('.rv-menu__item >> nth=0');
  assert.equal(await page.getAttribute('.rv-save > button', 'aria-expanded'), 'true');
  await context.close();
});

test('axe-core finds no violations on the demo portal page', async () => {
  const page = await h.open('/portal.html', { width: 1200, height: 900 });
  await widgetsSettled(page, 3);
  assert.deepEqual(await h.axe(page), []);
  // Expanded too.
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => e.shadowRoot.querySelector('.rv-toolbar .rv-button').click()), HOSTS);
  assert.deepEqual(await h.axe(page), []);
  await page.close();
});

/** Every word of `root` (a shadow root or a document) that is not the report's own text: text
 * nodes and the aria-label, title and alt attributes, with the report's strings, the table's
 * headers and caption, and what findings quote (“…”) taken out. */
function interfaceWords(root, own) {
  const report = new Set(own);
  for (const e of root.querySelectorAll('th, .rv-corner, caption, .rv-table__caption, .rv-title, .rv-p, .rv-note, .rv-list li, .rv-part__text, .rv-subsection__heading, .rv-contents a, dd, .rv-s')) {
    report.add(e.firstChild?.nodeType === Node.TEXT_NODE ? e.firstChild.data.trim() : e.textContent.trim());
  }
  const strings = [...report].filter((s) => s && /[\u3400-\u9fff]/.test(s)).sort((a, b) => b.length - a.length);
  const texts = [];
  const walker = (root.ownerDocument ?? root).createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (!n.parentElement?.closest('style, script')) texts.push(n.data);
    } else {
      for (const a of ['aria-label', 'title', 'alt']) if (n.getAttribute?.(a)) texts.push(n.getAttribute(a));
    }
  }
  return texts.map((t) => {
    let rest = t;
    for (const s of strings) rest = rest.split(s).join('');
    rest = rest.replace(/“[^”]*”/g, '');
    // The unit is the report's: "(unit: 件)".
    return rest.replace(/\(unit: [^)]*\)/g, '(unit)');
  }).filter((t) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(t));
}

test('in English (data-lang="en") every word the viewer shows, announces, prints and saves is English', async () => {
  const sample = JSON.parse(await readFile(SAMPLE_JSON, 'utf8'));
  const own = [];
  (function collect(v) {
    if (typeof v === 'string') own.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  })(sample);
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.route(`${h.url}/en.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title>
      <script src="/report-viewer.js" defer></script></head><body><main>
      <div data-report-viewer data-src="/reports/sample-2021.json" data-lang="en"></div></main></body></html>`,
  }));
  await page.goto(`${h.url}/en.html`);
  await widgetsSettled(page, 1);
  await everyPartDrawn(page);
  // Everything open: every part, the reading bar (no voice here: it says so), the save menu.
  await page.click('.rv-toolbar button:has-text("Expand all")');
  await page.click('.rv-toolbar button:has-text("Read aloud")');
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelector('[role=status][aria-live=polite]').textContent.trim() !== '', null, { timeout: 15000 });
  await page.click('.rv-save > button');
  const shown = await page.evaluate(({ fn, own }) => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    return new Function('root', 'own', `return (${fn})(root, own)`)(root, own);
  }, { fn: interfaceWords.toString(), own });
  assert.deepEqual(shown, [], 'Chinese words of the interface on screen');
  // Each text carries its language (WCAG 3.1.2): the interface's English words in an element
  // of lang="en", the report's own Chinese text in one of the report's language.
  const misplaced = await page.evaluate(languagesOfText, { own, shadow: true });
  assert.deepEqual(misplaced, [], 'every text in an element of its language');
  const shownPage = await page.evaluate(pageShapes);
  const announced = await page.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelector('[role=status][aria-live=polite]').textContent);
  assert.match(announced, /[A-Za-z]{3}/, `the announcement is in words: ${announced}`);
  // The saved page and the table as CSV.
  const dir = await mkdtemp(join(tmpdir(), 'rv-en-'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.rv-menu__item:has-text("Web page")')]);
  const saved = join(dir, 'saved.html');
  await download.saveAs(saved);
  await page.click('.rv-save > button');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('.rv-menu__item:has-text("Table 3")')]);
  const csvPath = join(dir, 'table3.csv');
  await csvDownload.saveAs(csvPath);
  const header = (await readFile(csvPath, 'utf8')).slice(1).split('\r\n')[0].split(',');
  assert.equal(header[0], 'Item', 'the CSV names its first column in English');
  assert.match(csvDownload.suggestedFilename(), /_Table 3\.csv$/);
  // The print view.
  await page.click('.rv-toolbar button:has-text("Print")');
  await page.waitForSelector('iframe[data-rv-print]', { state: 'attached' });
  const srcdoc = await page.getAttribute('iframe[data-rv-print]', 'srcdoc');
  for (const [name, html] of [['saved page', await readFile(saved, 'utf8')], ['print view', srcdoc]]) {
    const view = await h.browser.newPage();
    await view.setContent(html);
    const words = await view.evaluate(({ fn, own }) => new Function('root', 'own', `return (${fn})(root, own)`)(document.body, own), { fn: interfaceWords.toString(), own });
    assert.deepEqual(words, [], `Chinese words of the interface in the ${name}`);
    assert.deepEqual(await view.evaluate(languagesOfText, { own, shadow: false }), [], `every text of the ${name} in an element of its language`);
    assert.deepEqual((await view.evaluate(pageShapes)).whole, shownPage.whole, `the ${name} differs from the report on screen`);
    await view.close();
  }
  await context.close();
});

/** Texts not in an element of their language: the report's own Chinese text outside a `zh`
 * element, the interface's English words outside an `en` one (WCAG 3.1.2). */
function languagesOfText({ own, shadow }) {
  const root = shadow ? document.querySelector('[data-report-viewer]').shadowRoot : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('style, script, [hidden], [aria-hidden=true]')) continue;
    const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
    const report = own.some((o) => o.trim() === text);
    if (report && /[\u4e00-\u9fff]/.test(text) && !lang.startsWith('zh')) out.push(`report text in lang=${lang}: ${text.slice(0, 40)}`);
    if (!report && /[A-Za-z]{3}/.test(text) && !/[\u4e00-\u9fff]/.test(text) && lang !== 'en') out.push(`English in lang=${lang}: ${text.slice(0, 40)}`);
  }
  return out;
}

test('the wasm and the report downloads start beside the core script\'s, and a page\'s preloads of them are used, not downloaded again', async () => {
  const { readdir } = await import('node:fs/promises');
  const files = await readdir(join(ROOT, 'dist'));
  const wasm = files.find((f) => /^report-viewer-core-.*_bg\.wasm$/.test(f));
  const core = files.find((f) => /^report-viewer-core-.*\.js$/.test(f));
  for (const preload of [false, true]) {
    const page = await h.browser.newPage();
    const served = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) served.push(r.url()); });
    const head = preload ? `<link rel="modulepreload" href="/${core}"><link rel="preload" href="/${wasm}" as="fetch" crossorigin><link rel="preload" href="/reports/sample-2021.json" as="fetch" crossorigin>` : '';
    await page.route((u) => u.pathname === '/preload.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>${head}<script src="/report-viewer.js" defer></script></head><body><main><div data-report-viewer data-src="/reports/sample-2021.json"></div></main></body></html>` }));
    await page.goto(`${h.url}/preload.html`);
    await page.waitForFunction(() => document.querySelector('[data-report-viewer]')?.shadowRoot?.querySelector('.rv-report'));
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource');
      const one = (re) => entries.find((e) => re.test(e.name));
      return { wasm: entries.filter((e) => /\.wasm$/.test(e.name)).length, json: entries.filter((e) => /sample-2021\.json$/.test(e.name)).length, wasmStart: one(/\.wasm$/).startTime, jsonStart: one(/sample-2021\.json$/).startTime, coreEnd: one(/report-viewer-core-.*\.js$/).responseEnd };
    });
    assert.equal(timing.wasm, 1, `${preload ? 'with' : 'without'} a preload: the wasm is fetched once (${JSON.stringify(served)})`);
    assert.equal(timing.json, 1, `${preload ? 'with' : 'without'} a preload: the report is fetched once`);
    // Without a preload, the loader asks for the wasm before the core script has arrived.
    // Without a preload, the loader asks for the wasm and the report before the core script has
    // arrived (they came after the wasm had run before).
    if (!preload) {
      assert.ok(timing.wasmStart < timing.coreEnd, `wasm asked at ${timing.wasmStart} ms, core script in at ${timing.coreEnd} ms`);
      assert.ok(timing.jsonStart < timing.coreEnd, `report asked at ${timing.jsonStart} ms, core script in at ${timing.coreEnd} ms`);
    }
    await page.close();
  }
});

test('a static copy in the container (report-tool html --fragment) is on screen at once, readable without scripts, and the viewer takes over at the reader\'s place without a jump', async () => {
  const fragment = execFileSync('cargo', ['run', '--quiet', '--features', 'tool', '--bin', 'report-tool', '--', 'html', '--fragment', join(ROOT, 'public/reports/sample-2021.json')], { cwd: ROOT }).toString('utf8');
  // A portal's CSS of the kind that reaches any element: it must not reach the copy.
  const hostCss = 'header { background: #a00; color: #fff; } p { color: #f00; margin: 0; } table { border: 0; }';
  const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title><style>${hostCss}</style><script src="/report-viewer.js" defer></script></head><body><main><div data-report-viewer data-src="/reports/sample-2021.json">${fragment}</div></main></body></html>`;
  const copy = (sel) => `[data-rv-static] >> ${sel}`;
  const serveStatic = (target) => target.route((u) => u.pathname === '/static.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));

  // Without JavaScript the static copy is the report: every part, every table.
  const off = await h.browser.newContext({ javaScriptEnabled: false });
  await serveStatic(off);
  const plain = await off.newPage();
  await plain.goto(`${h.url}/static.html`);
  // (In a declarative shadow root: no script needed, and the portal's CSS stays out.)
  assert.equal(await plain.locator(copy('.rv-part')).count(), 6);
  assert.equal(await plain.locator(copy('.rv-table__table')).count(), 6);
  assert.equal(await plain.locator(copy('.rv-p')).first().evaluate((p) => getComputedStyle(p).color), 'rgb(26, 26, 26)', 'the portal\'s p rule does not reach the copy');
  assert.notEqual(await plain.locator(copy('.rv-header')).evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(170, 0, 0)');
  assert.ok(await plain.isVisible('text=收到和处理政府信息公开申请情况'));
  await off.close();
  // If the viewer cannot load, the static copy stays, and it passes axe.
  const failed = await h.browser.newPage();
  await failed.route((u) => u.pathname === '/report-viewer.js', (route) => route.abort());
  await serveStatic(failed);
  await failed.goto(`${h.url}/static.html`);
  assert.ok(await failed.isVisible(copy('text=收到和处理政府信息公开申请情况')));
  assert.deepEqual(await h.axe(failed), []);
  await failed.close();

  // With it: the wasm is held until the reader has scrolled in the static copy.
  const page = await h.browser.newPage({ viewport: { width: 1024, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route((u) => u.pathname.endsWith('.wasm'), async (route) => { await held; await route.continue(); });
  await serveStatic(page);
  // (Not until `load`: the page's load waits for the held wasm.)
  await page.goto(`${h.url}/static.html`, { waitUntil: 'domcontentloaded' });
  // What both show in the same order; the reader's place is the first of them at the top of the window.
  const PLACES = '.rv-title, .rv-part__heading, .rv-subsection__heading, .rv-p, .rv-note, .rv-list > li, .rv-table';
  // A place is counted within its part (the viewer's other parts may be collapsed).
  const before = await page.evaluate((places) => {
    const copy = document.querySelector('[data-rv-static]').shadowRoot;
    const ps = [...copy.querySelectorAll('.rv-p')];
    ps[Math.floor(ps.length / 2)].scrollIntoView({ block: 'center' });
    const all = [...copy.querySelectorAll(places)];
    const place = all.find((e) => e.getBoundingClientRect().top >= 0);
    const part = place.closest('.rv-part')?.id ?? null;
    const own = all.filter((e) => (e.closest('.rv-part')?.id ?? null) === part);
    const inView = [...copy.querySelectorAll('.rv-part')].map((p) => p.getBoundingClientRect()).map((r) => r.bottom > 0 && r.top < innerHeight);
    return { part, rank: own.indexOf(place), count: own.length, text: place.textContent.trim(), top: place.getBoundingClientRect().top, scrollY, inView };
  }, PLACES);
  assert.ok(before.inView.includes(false), 'some parts of the copy are out of the window');
  assert.ok(before.scrollY > 500, `the reader is down the page (${before.scrollY})`);
  release();
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    return root?.querySelector('.rv-report') && !root.querySelector('slot');
  });
  const after = await page.evaluate(([places, part, rank]) => {
    const root = document.querySelector('[data-report-viewer]').shadowRoot;
    const own = [...root.querySelectorAll(places)].filter((e) => (e.closest('.rv-part')?.id ?? null) === part);
    return {
      count: own.length, text: own[rank].textContent.trim(), top: own[rank].getBoundingClientRect().top,
      open: [...root.querySelectorAll('.rv-part__button')].map((b) => b.getAttribute('aria-expanded') === 'true'),
      toolbar: !!root.querySelector('.rv-toolbar'),
    };
  }, [PLACES, before.part, before.rank]);
  assert.equal(after.count, before.count, 'the viewer shows what the static copy shows of that part');
  assert.equal(after.text, before.text, 'the same place');
  assert.ok(Math.abs(after.top - before.top) <= 2, `it stays where the reader saw it (${before.top} → ${after.top})`);
  assert.deepEqual(after.open, before.inView, 'the parts that were in the window are open, the rest collapsed');
  assert.ok(after.toolbar);
  assert.deepEqual(await h.axe(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the host page cannot steer the viewer through Object.prototype, and its own ReportViewer is kept', async () => {
  const cases = {
    // A polluted prototype: English, last year's report from another site.
    polluted: `<script>Object.prototype.lang = 'en'; Object.prototype.previous = 'https://evil.example/r.json'; Object.prototype.config = { lang: 'en' };</script>`,
    // Another product already uses the name, with a version of its own.
    taken: `<script>window.ReportViewer = { version: '9.9', name: 'another product' };</script>`,
  };
  for (const [name, head] of Object.entries(cases)) {
    const page = await h.browser.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(m.text()));
    const hosts = [];
    page.on('request', (r) => hosts.push(new URL(r.url()).host));
    await page.route(`${h.url}/host-${name}.html`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>${head}<script src="/report-viewer.js" defer></script></head>
        <body><div data-report-viewer data-src="/reports/erlianhaote-2020.json"></div></body></html>`,
    }));
    await page.goto(`${h.url}/host-${name}.html`);
    await widgetsSettled(page, 1);
    const buttons = await page.$$eval(HOSTS, (els) => [...els[0].shadowRoot.querySelectorAll('.rv-toolbar > button')].map((b) => b.textContent.trim()));
    assert.ok(buttons.includes('展开全部'), `${name}: the page's language stays (${buttons})`);
    assert.ok(!hosts.some((x) => x.includes('evil.example')), `${name}: nothing fetched from another site`);
    if (name === 'taken') {
      assert.equal(await page.evaluate(() => window.ReportViewer.name), 'another product', 'the host object is kept');
      assert.ok(logs.some((l) => l.includes('[report-viewer]') && l.includes('window.ReportViewer')), 'said on the console');
      assert.equal(await page.evaluate(() => window.__reportViewer.version), '0.1.0');
    }
    await page.close();
  }
});
