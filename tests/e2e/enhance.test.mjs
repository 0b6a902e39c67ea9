// End to end: enhance mode on real published pages. Every page of ../shared/corpus/ (one
// portal's reports, 2015–2024) served as the portal serves it — its own markup, scripts and
// chrome — with the one change a portal's article template needs: data-report-viewer
// data-enhance on the article element, and the loader's script tag. The viewer reads the article
// from the page itself, with the same import rules as report-tool.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, enhancedCorpusPage, ROOT, OUTPUT } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const CORPUS = join(ROOT, '../shared/corpus/pingtan');
const TRUTH = join(ROOT, 'tests/corpus/truth');
const squeeze = (s) => s.replace(/[\s\u00a0\u3000]/g, '');

/** report-tool, built as the native tests build it. */
function reportTool() {
  const bin = join(ROOT, 'target/debug/report-tool');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--features', 'tool', '--bin', 'report-tool'], { cwd: ROOT, stdio: 'inherit' });
  return bin;
}

/** A page with the corpus page at /corpus/NAME; requests to other sites fail at once (no network). */
async function corpusPage(name, html, { width = 1200, height = 900, context } = {}) {
  const ctx = context ?? await h.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.errors = [];
  page.logs = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => page.logs.push(m.text()));
  await page.route((u) => !u.href.startsWith(h.url), (r) => r.abort());
  await page.route(`${h.url}/corpus/${name}`, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(`${h.url}/corpus/${name}`, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Waits until the container shows a report or an error, or says why it stays as it was. */
async function viewerSettled(page) {
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-report-viewer]');
    return host && (host.hasAttribute('data-rv-error') || host.shadowRoot?.querySelector('.rv-report, .rv-error'));
  }, null, { timeout: 20000 });
}

const years = (await readdir(CORPUS)).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

/** The saved JSON (保存 → 原始数据): the report as the viewer read it from the article. */
async function savedJson(page) {
  await page.click('[data-report-viewer] >> .rv-save > button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-report-viewer] >> .rv-menu__item:has-text("原始数据")')]);
  const path = join(await mkdtemp(join(tmpdir(), 'rv-enhance-')), download.suggestedFilename());
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8'));
}

const tableBlocks = (report) => {
  let n = 0;
  const walk = (s) => { for (const b of s.blocks ?? []) if (b.type === 'table') n++; for (const c of s.sections ?? []) walk(c); };
  for (const b of report.introduction ?? []) if (b.type === 'table') n++;
  for (const s of report.sections) walk(s);
  return n;
};

for (const year of years) {
  test(`enhance mode on the ${year} page as published: the report read from the article as report-tool reads it, every table shown and checked, every paragraph once, nothing lost, axe clean`, async () => {
    const file = join(CORPUS, `${year}.html`);
    const source = await readFile(file, 'utf8');
    const truth = JSON.parse(await readFile(join(TRUTH, `${year}.json`), 'utf8'));
    const page = await corpusPage(`${year}.html`, enhancedCorpusPage(source));
    await viewerSettled(page);
    assert.equal(await page.getAttribute('[data-report-viewer]', 'data-rv-error'), null);
    assert.ok(await page.$('[data-report-viewer] >> .rv-report'), 'the report is shown');

    // One importer, two DOMs: the report the viewer built from the browser's DOM is the one
    // report-tool builds from the page's text (which tests/corpus.rs holds to the ground truth).
    const fromTool = JSON.parse(execFileSync(reportTool(), ['import', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const fromPage = await savedJson(page);
    assert.deepEqual(fromPage, fromTool);

    await page.click('[data-report-viewer] >> .rv-toolbar .rv-button:has-text("展开全部")');
    const tables = tableBlocks(fromPage);
    await page.waitForFunction((n) => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-table').length === n, tables);
    const shown = await page.evaluate(() => {
      const host = document.querySelector('[data-report-viewer]');
      const root = host.shadowRoot;
      const texts = [];
      const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement.closest('script, style')) texts.push(n.nodeValue);
      }
      return {
        title: root.querySelector('.rv-title')?.textContent.trim(),
        parts: [...root.querySelectorAll('.rv-part__heading')].map((e) => e.textContent.trim()),
        paragraphs: [...root.querySelectorAll('.rv-part__heading, .rv-subsection__heading, .rv-p, .rv-note, .rv-list > li')].map((e) => e.textContent),
        text: root.textContent,
        articleTexts: texts,
        errors: root.querySelectorAll('.rv-finding--error').length,
        checked: root.querySelector('.rv-check')?.textContent ?? '',
        hidden: getComputedStyle(host).display,
      };
    });
    assert.equal(shown.title, truth.title);
    assert.deepEqual(shown.parts.map(squeeze), truth.parts.map(squeeze));
    // Every paragraph of the report exactly once.
    const body = squeeze(shown.paragraphs.join('\n'));
    for (const p of truth.paragraphs) {
      const count = body.split(squeeze(p)).length - 1;
      assert.equal(count, 1, `${year}: paragraph shown ${count} times: ${p.slice(0, 60)}`);
    }
    // Every table of the article is shown and checked: no identity fails on these pages
    // (tests/corpus/truth), so the check says they hold together.
    assert.equal(shown.errors, (truth.failures ?? []).length);
    if (tables > 0 && truth.table3) assert.match(shown.checked, /未发现前后不一致/);
    // Nothing of the article lost: every piece of its text is in the viewer — in the report, or
    // in the notes on what the importer dropped as page chrome.
    const all = squeeze(shown.text);
    const lost = shown.articleTexts.map(squeeze).filter((t) => t && !all.includes(t));
    assert.deepEqual(lost, [], `${year}: article text not in the viewer`);
    assert.deepEqual(await h.axe(page, { include: '[data-report-viewer]' }), []);
    if (year === years.at(-1)) await page.screenshot({ path: join(OUTPUT, `enhance-${year}.png`), fullPage: false });
    await page.context().close();
  });
}

test('enhance mode shows what the importer decided, in the page, as report-tool prints it; in English with data-lang="en"', async () => {
  const file = join(CORPUS, '2018.html');
  const source = await readFile(file, 'utf8');
  const printed = spawnSync(reportTool(), ['import', file], { encoding: 'utf8' }).stderr
    .split('\n').filter((l) => l.startsWith('  · ')).map((l) => l.slice(4));
  assert.ok(printed.length >= 3, `report-tool notes: ${printed}`);
  const notes = async (page) => {
    await viewerSettled(page);
    return page.evaluate(() => [...document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-import li')]
      .map((li) => li.textContent.slice(li.querySelector('strong').textContent.length).trim()));
  };
  const zh = await corpusPage('2018.html', enhancedCorpusPage(source));
  assert.deepEqual(await notes(zh), printed);
  await zh.context().close();
  const en = await corpusPage('2018.html', enhancedCorpusPage(source).replace('<div data-report-viewer data-enhance', '<div data-report-viewer data-enhance data-lang="en"'));
  const english = await notes(en);
  assert.equal(english.length, printed.length);
  for (const [i, note] of english.entries()) {
    // The page's own words stay quoted as printed; the sentence around them is English.
    const quoted = (s) => s.match(/“[^”]*”/g) ?? [];
    assert.deepEqual(quoted(note), quoted(printed[i]), note);
    const words = note.replace(/“[^”]*”/g, '').replace(/表[二三四]/g, '');
    assert.doesNotMatch(words, /[\u4e00-\u9fff]/, `an English note in Chinese: ${note}`);
  }
  assert.ok(en.logs.some((l) => l.includes('[report-viewer]') && l.includes(english[0])), 'on the console in English too');
  await en.context().close();
});

test('enhance mode: an article that is no report, or a data-enhance naming nothing, stays as published and says why', async () => {
  const page = await corpusPage('none.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title></head><body>
    <div id="a" data-report-viewer data-enhance><p>关于春节放假的通知</p><p>各单位：春节放假七天。</p></div>
    <div id="b" data-report-viewer data-enhance="#missing"></div>
    <script src="/report-viewer.js" defer></script></body></html>`);
  await page.waitForFunction(() => ['#a', '#b'].every((s) => document.querySelector(s).hasAttribute('data-rv-error')));
  const state = await page.evaluate(() => ['#a', '#b'].map((s) => {
    const el = document.querySelector(s);
    return { error: el.getAttribute('data-rv-error'), shadow: !!el.shadowRoot, text: el.innerText };
  }));
  assert.match(state[0].error, /未找到报告正文/);
  assert.equal(state[0].shadow, false, 'the article is left as it was');
  assert.match(state[0].text, /各单位：春节放假七天。/);
  assert.match(state[1].error, /#missing/);
  assert.ok(page.logs.some((l) => l.includes('[report-viewer]') && l.includes('#missing')), 'said on the console too');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the loader picks the enhance build only for pages with data-enhance; JSON pages load the smaller one', async () => {
  const loaded = async (path, html) => {
    const page = html ? await corpusPage(path, html) : await h.open(path);
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
    if (html) await viewerSettled(page); else await h.settled(page);
    const seen = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).filter((n) => n.endsWith('.wasm')));
    await page.context().close();
    return seen;
  };
  const json = await loaded('/');
  assert.equal(json.length, 1);
  assert.match(json[0], /^report-viewer-core-/);
  const source = await readFile(join(CORPUS, `${years[0]}.html`), 'utf8');
  const enhance = await loaded(`${years[0]}.html`, enhancedCorpusPage(source));
  assert.equal(enhance.length, 1);
  assert.match(enhance[0], /^report-viewer-enhance-/);
});

// The corpus pages' own scripts fail without their site (require is not defined): only the
// viewer's errors count here.
const ours = (errors) => errors.filter((e) => /report-viewer|wasm|panicked|RuntimeError/i.test(e));

test('enhance mode: a container inside the article it names (or naming its ancestor) is refused and the article stays; two containers naming one article show it once', async () => {
  const source = await readFile(join(CORPUS, `${years[years.length - 1]}.html`), 'utf8');
  // The portal's article element, marked by the corpus page's own template: its id or class.
  const report = enhancedCorpusPage(source);
  const inside = report.replace(/data-report-viewer data-enhance/, 'id="the-article"');
  const cases = {
    'inside.html': inside.replace(/(<[^>]+id="the-article"[^>]*>)/, '$1<div id="viewer" data-report-viewer data-enhance="#the-article"></div>'),
    'ancestor.html': inside.replace(/(<[^>]+id="the-article"[^>]*>)/, '$1<div id="viewer" data-report-viewer data-enhance="body"></div>'),
  };
  for (const [name, html] of Object.entries(cases)) {
    const page = await corpusPage(name, html);
    await page.waitForFunction(() => document.querySelector('#viewer')?.hasAttribute('data-rv-error'), null, { timeout: 20000 });
    const state = await page.evaluate(() => {
      const article = document.querySelector('#the-article');
      return {
        error: document.querySelector('#viewer').getAttribute('data-rv-error'),
        hidden: article.hidden || getComputedStyle(article).display === 'none',
        visible: article.getBoundingClientRect().height > 100 && article.innerText.includes('总体情况'),
      };
    });
    assert.match(state.error, /包含阅读器容器本身/, name);
    assert.equal(state.hidden, false, `${name}: the article is not hidden`);
    assert.ok(state.visible, `${name}: the article is on screen as published`);
    assert.ok(page.logs.some((l) => l.includes('[report-viewer]') && l.includes('包含阅读器容器本身')), `${name}: said on the console`);
    assert.deepEqual(ours(page.errors), []);
    await page.context().close();
  }
  // Two containers naming one article: the report once, the second says why.
  const twice = inside.replace(/(<[^>]+id="the-article"[^>]*>)/, '<div id="v1" data-report-viewer data-enhance="#the-article"></div><div id="v2" data-report-viewer data-enhance="#the-article"></div>$1');
  const page = await corpusPage('twice.html', twice);
  await page.waitForFunction(() => document.querySelector('#v2')?.hasAttribute('data-rv-error') && document.querySelector('#v1')?.shadowRoot?.querySelector('.rv-report'), null, { timeout: 20000 });
  assert.match(await page.getAttribute('#v2', 'data-rv-error'), /已由页面上另一个阅读器显示/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-report-viewer]').length), 2);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('[data-report-viewer]')].filter((e) => e.shadowRoot?.querySelector('.rv-report')).length), 1, 'the report is shown once');
  assert.deepEqual(ours(page.errors), []);
  await page.context().close();
});

test('enhance mode past the limits of a JSON file: the article is not read, stays as published, and says which limit', async () => {
  const source = await readFile(join(CORPUS, `${years[years.length - 1]}.html`), 'utf8');
  const report = enhancedCorpusPage(source);
  const grid = (i, n) => `<table><tr><th>项目${i}</th><th>数量</th><th>说明</th></tr>${Array.from({ length: n }, (_, r) => `<tr><td>事项${i}-${r}</td><td>${r}</td><td>说明${r}</td></tr>`).join('')}</table>`;
  const add = (extra) => report.replace(/(data-report-viewer data-enhance[^>]*>)/, `$1${extra}`);
  const cases = [
    // Over the characters of text: never read (before any import work).
    ['long.html', add(`<p>${'公开信息情况良好。'.repeat(125000)}</p>`), /文章过大：文字字数为 \d+，超过查看器的上限 1000000/],
    // Thousands of small tables: never read either.
    ['tables.html', add(Array.from({ length: 2000 }, (_, i) => grid(i, 2)).join('')), /文章过大：表格数为 2\d{3}，超过查看器的上限 64/],
    // More elements than a report has cells (100,000; a real report page has about 2,000).
    ['elements.html', add(`<p>${'<span>公开</span>'.repeat(120000)}</p>`), /文章过大：元素数为 1\d{5}，超过查看器的上限 100000/],
    // Read, but more tables than the viewer draws: the same words as for a JSON file.
    ['some-tables.html', add(Array.from({ length: 20 }, (_, i) => grid(i, 3)).join('')), /表格数为 2\d，超过查看器的上限 16/],
  ];
  for (const [name, html, said] of cases) {
    const page = await corpusPage(name, html);
    await page.waitForFunction(() => document.querySelector('[data-report-viewer]')?.hasAttribute('data-rv-error'), null, { timeout: 60000 });
    const state = await page.evaluate(() => {
      const article = document.querySelector('[data-report-viewer]');
      return {
        error: article.getAttribute('data-rv-error'),
        shadow: !!article.shadowRoot,
        visible: !article.hidden && article.getBoundingClientRect().height > 100 && article.innerText.includes('总体情况'),
      };
    });
    assert.match(state.error, said, `${name}: ${state.error.slice(0, 200)}`);
    assert.match(state.error, /文章按原样保留/, name);
    assert.equal(state.shadow, false, `${name}: no viewer drawn over the article`);
    assert.ok(state.visible, `${name}: the article is on screen as published`);
    assert.ok(page.logs.some((l) => l.includes('[report-viewer]') && said.test(l)), `${name}: said on the console`);
    assert.deepEqual(ours(page.errors), []);
    await page.context().close();
  }
});

test('enhance mode reads a large article in stretches: the page runs between them (its timers fire) and the report is shown', async () => {
  const source = await readFile(join(CORPUS, `${years[years.length - 1]}.html`), 'utf8');
  // 90,000 elements, within the limit of 100,000: read in one go this held the page ~0.8 s.
  const spans = `<p>${'<span>公开</span>'.repeat(90000)}</p>`;
  const html = enhancedCorpusPage(source).replace(/(data-report-viewer data-enhance[^>]*>)/, `$1${spans}`)
    .replace('<head>', `<head><script>
      window.__ticks = []; window.__mounted = null;
      (function tick() { window.__ticks.push(performance.now()); setTimeout(tick, 0); })();
      // Whether the viewer ever shows the article through a slot: laying out 90,000 elements
      // again that way held the page half a second; the loading line shows instead.
      window.__slotted = false;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        new MutationObserver(() => { if (root.querySelector('slot')) window.__slotted = true; }).observe(root, { childList: true, subtree: true });
        return root;
      };
      new MutationObserver(() => { const a = document.querySelector('[data-rv-mounted]'); if (a && window.__mounted === null) window.__mounted = performance.now(); })
        .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-rv-mounted'] });
    </script>`);
  const page = await corpusPage('large.html', html);
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]')?.shadowRoot?.querySelector('.rv-report') || document.querySelector('[data-rv-error]'), null, { timeout: 90000 });
  const state = await page.evaluate(() => {
    const read = performance.getEntriesByName('report-viewer:article-read')[0]?.startTime ?? null;
    return {
      error: document.querySelector('[data-rv-error]')?.getAttribute('data-rv-error') ?? null,
      mounted: window.__mounted,
      read,
      ticksWhileReading: window.__ticks.filter((t) => t > window.__mounted && t < read).length,
      shown: document.querySelector('[data-report-viewer]').shadowRoot.textContent.includes('总体情况'),
      slotted: window.__slotted,
    };
  });
  assert.equal(state.error, null);
  assert.equal(state.slotted, false, 'a huge article is not laid out again through the viewer\'s slot');
  assert.ok(state.mounted !== null && state.read !== null, JSON.stringify(state));
  assert.ok(state.ticksWhileReading >= 2, `the page's timers ran while the article was read: ${JSON.stringify(state)}`);
  assert.ok(state.shown);
  assert.deepEqual(ours(page.errors), []);
  await page.context().close();
});

test('enhance mode: text the portal adds after the takeover is read again and shown; an article rewritten into no report is shown as published', async () => {
  const source = await readFile(join(CORPUS, `${years[years.length - 1]}.html`), 'utf8');
  const page = await corpusPage('changed.html', enhancedCorpusPage(source));
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]')?.shadowRoot?.querySelector('.rv-report'), null, { timeout: 20000 });
  const shows = (text) => page.evaluate((t) => (document.querySelector('[data-report-viewer]').shadowRoot.querySelector('.rv-report')?.textContent ?? '').includes(t), text);
  const added = '补充说明：本报告的数字已由本机关复核。';
  assert.equal(await shows(added), false);
  // The portal adds a sentence to the article (a CMS widget, a late correction).
  await page.evaluate((t) => { const p = document.createElement('p'); p.textContent = t; document.querySelector('[data-report-viewer]').appendChild(p); }, added);
  await page.waitForFunction((t) => (document.querySelector('[data-report-viewer]').shadowRoot.querySelector('.rv-report')?.textContent ?? '').includes(t), added, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.querySelector('[data-report-viewer]').shadowRoot.querySelectorAll('.rv-report').length), 1, 'drawn once, not twice');
  assert.ok(page.logs.some((l) => l.includes('重新读取并显示')), 'said on the console');
  // The portal replaces the article with a notice: no report to show, so the notice is shown.
  await page.evaluate(() => { document.querySelector('[data-report-viewer]').innerHTML = '<p>页面维护中，请稍后访问。</p>'; });
  await page.waitForFunction(() => document.querySelector('[data-report-viewer]').hasAttribute('data-rv-error'), null, { timeout: 20000 });
  const state = await page.evaluate(() => {
    const article = document.querySelector('[data-report-viewer]');
    return {
      report: !!article.shadowRoot.querySelector('.rv-report'),
      visible: article.getBoundingClientRect().height > 0 && article.innerText.includes('页面维护中'),
    };
  });
  assert.equal(state.report, false, 'the old report is gone');
  assert.ok(state.visible, 'the article is on screen as the portal now has it');
  assert.deepEqual(ours(page.errors), []);
  await page.context().close();
});
