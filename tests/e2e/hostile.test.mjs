// End to end: a hostile corpus made from the sample report — script, markup and javascript:
// payloads in every text field, figures mutated, the structure broken — each served to a viewer.
// For every case: nothing executed, no uncaught error (a panic would be one), the widget ends in
// the report or in a located message, and the page stays responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const sample = JSON.parse(await readFile(join(ROOT, 'public/reports/sample-2021.json'), 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">x</a>';

/** Every string in the report, with the payload around it (keys and enum tags left alone). */
function poisonStrings(node, keyName = '') {
  if (typeof node === 'string') return ['type', 'template', 'id', 'published', 'language'].includes(keyName) ? node : `${PAYLOAD}${node}${PAYLOAD}`;
  if (Array.isArray(node)) return node.map((v) => poisonStrings(v, keyName));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, poisonStrings(v, k)]));
  return node;
}

/** Every figure in the official tables' values replaced by `f(old)`. */
function mutateFigures(report, f) {
  const r = clone(report);
  const walk = (sections) => sections.forEach((s) => {
    (s.blocks ?? []).forEach((b) => {
      if (b.type === 'table' && b.values) for (const row of Object.values(b.values)) for (const k of Object.keys(row)) row[k] = f(row[k]);
    });
    walk(s.sections ?? []);
  });
  walk(r.sections);
  return r;
}

const deep = (n) => { const r = clone(sample); let s = r.sections[0]; for (let i = 0; i < n; i++) { s.sections = [{ id: `d${i}`, title: `层${i}`, blocks: [] }]; s = s.sections[0]; } return r; };

const CASES = {
  // Payloads in every text field: shown as text.
  'payloads everywhere': JSON.stringify(poisonStrings(sample)),
  'payload as the id of a part': JSON.stringify((() => { const r = clone(sample); r.sections[0].id = '"><img src=x onerror=window.__pwned=1>'; return r; })()),
  'payload in a generic table': JSON.stringify((() => { const r = clone(sample); r.sections[0].blocks.push({ type: 'table', id: 'x', caption: PAYLOAD, columns: [PAYLOAD, { label: PAYLOAD, children: [PAYLOAD] }], rows: [PAYLOAD], cells: [[PAYLOAD, PAYLOAD]] }); return r; })()),
  // Figure mutations.
  'negative figures': JSON.stringify(mutateFigures(sample, () => -1)),
  'huge figures': JSON.stringify(mutateFigures(sample, () => '99999999999999999999999999999999')),
  'float figures': JSON.stringify(mutateFigures(sample, () => 1.5)),
  'text figures': JSON.stringify(mutateFigures(sample, () => '=HYPERLINK("http://evil.example","1")')),
  'full-width figures': JSON.stringify(mutateFigures(sample, () => '１２')),
  'null figures': JSON.stringify(mutateFigures(sample, () => null)),
  'object figures': JSON.stringify(mutateFigures(sample, () => ({ value: 1 }))),
  'a 1e308 JSON number': JSON.stringify(sample).replace(/("new_requests":\{"natural_person":)\d+/, (_, head) => `${head}1e308`),
  // Structure mutations.
  'no meta': JSON.stringify((() => { const r = clone(sample); delete r.meta; return r; })()),
  'sections is null': JSON.stringify({ ...clone(sample), sections: null }),
  'blocks is a string': JSON.stringify((() => { const r = clone(sample); r.sections[0].blocks = 'x'; return r; })()),
  'unknown block type': JSON.stringify((() => { const r = clone(sample); r.sections[0].blocks.push({ type: 'video', src: 'javascript:window.__pwned=1' }); return r; })()),
  'unknown template': JSON.stringify((() => { const r = clone(sample); r.sections[2].blocks.find((b) => b.template).template = 'table9-2030'; return r; })()),
  'cells wider than the headers': JSON.stringify((() => { const r = clone(sample); r.sections[0].blocks.push({ type: 'table', id: 'w', caption: 'w', columns: ['a'], rows: ['r'], cells: [[1, 2, 3, 4]] }); return r; })()),
  'repeated ids': JSON.stringify((() => { const r = clone(sample); r.sections.forEach((s) => { s.id = 'same'; }); return r; })()),
  'sections nested 60 deep': JSON.stringify(deep(60)),
  'sections nested 400 deep': JSON.stringify(deep(400)),
  'version 99': JSON.stringify({ ...clone(sample), version: 99 }),
  // Malformed files.
  'cut in half': JSON.stringify(sample).slice(0, 3000),
  'trailing garbage': JSON.stringify(sample) + '}}}',
  'a BOM and CRLF': '\ufeff' + JSON.stringify(sample, null, 2).replace(/\n/g, '\r\n'),
};

for (const [name, body] of Object.entries(CASES)) {
  test(`hostile: ${name}`, async () => {
    const page = await h.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route((u) => u.pathname === '/hostile.json', (route) => route.fulfill({ contentType: 'application/json; charset=utf-8', body }));
    await page.goto(`${h.url}/fixtures/faults.html?src=/hostile.json`);
    await page.waitForSelector('.rv-report, .rv-error', { timeout: 20000 });
    const state = await page.evaluate(() => {
      const root = document.querySelector('[data-report-viewer]').shadowRoot;
      return {
        report: !!root.querySelector('.rv-report'),
        error: root.querySelector('[role=alert]')?.textContent ?? null,
        injected: root.querySelectorAll('img, script, iframe, object, embed, video').length,
        jsLinks: [...root.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
        pwned: window.__pwned,
      };
    });
    assert.equal(state.pwned, undefined, 'nothing executed');
    assert.equal(state.injected, 0, 'no element from the data');
    assert.equal(state.jsLinks, 0, 'no javascript: link');
    assert.deepEqual(errors, [], 'no uncaught error (a panic would be one)');
    if (!state.report) {
      // A located message: a line and column, or a path, or the file as a whole.
      assert.match(state.error, /第 \d+ 行第 \d+ 列|位置：|版本|报告过大/, state.error);
      assert.ok(state.error.length < 700, `${state.error.length} characters`);
    } else if (name === 'payloads everywhere' || name === 'payload in a generic table') {
      // The payload is shown as text.
      assert.match(await page.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelector('.rv-report').textContent), /<script>window.__pwned=1<\/script>/);
    }
    assert.equal(await page.textContent('#host-text'), '门户正文');
    assert.equal(await page.evaluate(() => 1 + 1), 2, 'the page answers');
    await page.close();
  });
}

// A host page whose own scripts broke the browser's objects. Read through Playwright's isolated
// world (selectors), since the page's own Array iterator is broken for page.evaluate too.
const GLOBALS = [
  // The array iterator replaced: the browser's fetch answers nothing a viewer can read.
  ['the array iterator replaced', 'Array.prototype[Symbol.iterator] = function () { return { next() { return { done: true }; } }; };',
    /浏览器功能被页面改动/, /阅读器在这个页面上无法取得报告/, null],
  // Node cloning broken after the page loaded: the view library panics while drawing.
  ['cloneNode broken', 'document.addEventListener("DOMContentLoaded", () => { Node.prototype.cloneNode = function () { throw new Error("host broke cloneNode"); }; });',
    /阅读器出错/, /请使用下面的链接查看报告全文/, /panicked at/],
  // Element creation broken: the error state in words alone, still an alert.
  ['createElement broken', 'document.addEventListener("DOMContentLoaded", () => { const o = Document.prototype.createElement; Document.prototype.createElement = function (t) { if (!["link", "div", "slot"].includes(t)) throw new Error("host broke createElement"); return o.call(this, t); }; });',
    /阅读器出错/, /请使用下面的链接查看报告全文/, /panicked at/],
];

for (const [name, poison, heading, sentence, consoleLine] of GLOBALS) {
  test(`hostile globals: ${name} ends in the error state with the fallback link, never a spinner`, async () => {
    const page = await h.browser.newPage();
    const logged = [];
    page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
    await page.addInitScript(poison);
    await page.goto(`${h.url}/fixtures/two-widgets.html`);
    const alert = page.locator('[data-report-viewer] [role=alert]').first();
    await alert.waitFor({ timeout: 20000 });
    const words = await alert.textContent();
    assert.match(words, heading, words);
    assert.match(words, sentence, words);
    assert.equal(await page.locator('[data-report-viewer] .rv-spinner').count(), 0, 'no spinner left');
    assert.ok(await page.locator('[data-report-viewer] > a').first().isVisible(), 'the fallback link is shown');
    if (consoleLine) assert.ok(logged.some((l) => consoleLine.test(l)), logged.join(' | '));
    await page.close();
  });
}
