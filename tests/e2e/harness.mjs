// Shared setup for the end-to-end tests: a static server for dist/ (and fixtures/), and Debian's
// Chromium driven by playwright-core. Never downloads a browser.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from './server.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT = join(ROOT, 'tests/e2e/output');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A home for Chromium with speech-dispatcher writing to ALSA's null device (no sound card here),
 * so that utterances fire start and end (../shared/reference/toolchain.md).
 */
async function speechHome() {
  const { mkdtemp, cp, appendFile, chmod } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const home = await mkdtemp(join(tmpdir(), 'rv-speech-'));
  const config = join(home, '.config');
  await cp('/etc/speech-dispatcher', join(config, 'speech-dispatcher'), { recursive: true });
  await appendFile(join(config, 'speech-dispatcher/speechd.conf'), '\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\n');
  const runtime = join(home, 'run');
  await mkdir(runtime, { recursive: true });
  await chmod(runtime, 0o700);
  return {
    home,
    runtime,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: join(home, '.cache'), XDG_RUNTIME_DIR: runtime },
  };
}

/** Stops the speech-dispatcher Chromium started for `speech`, by its process id. */
async function stopSpeechDispatcher(speech) {
  const { readFile: read } = await import('node:fs/promises');
  for (const file of ['speech-dispatcher/pid/speech-dispatcher.pid', 'speech-dispatcher/speech-dispatcher.pid']) {
    try {
      const pid = Number((await read(join(speech.runtime, file), 'utf8')).trim());
      if (pid > 0) process.kill(pid, 'SIGTERM');
    } catch { /* not started, or already gone */ }
  }
}

/** Starts the server and the browser; returns helpers and a close function. With
 * `{ speech: true }` Chromium gets a real voice through speech-dispatcher and espeak-ng. */
/** A corpus page as the portal serves it, with its article template's one change: the article
 * element marked data-report-viewer data-enhance, and the loader's script tag. */
export function enhancedCorpusPage(html, script = '/report-viewer.js') {
  const marked = html.replace(/<div class="article_content\b/, '<div data-report-viewer data-enhance class="article_content');
  if (marked === html) throw new Error('the article element (div.article_content) is not on the page');
  return marked.replace(/<\/body>/i, `<script src="${script}" defer></script></body>`);
}

export async function start({ speech = false } = {}) {
  const { server, url } = await serve({
    roots: { '/fixtures/': join(ROOT, 'tests/e2e/fixtures'), '/': join(ROOT, 'dist') },
  });
  const voice = speech ? await speechHome() : null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // With a voice, the new headless mode (spelled out) talks to speech-dispatcher.
    ...(speech ? { headless: false } : {}),
    args: speech ? [...CHROMIUM_ARGS, '--headless=new', '--enable-speech-dispatcher'] : CHROMIUM_ARGS,
    ...(voice ? { env: voice.env } : {}),
  });
  await mkdir(OUTPUT, { recursive: true });
  const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

  /** A new page that fails the test on any uncaught page error. */
  async function open(path, { width = 1024, height = 800 } = {}) {
    const page = await browser.newPage({ viewport: { width, height } });
    // __rv(selector): an element inside the first viewer's shadow root; __rvActive(): the
    // focused element, looking through shadow roots.
    await page.addInitScript(() => {
      window.__rv = (sel, i = 0) => document.querySelectorAll('[data-report-viewer], report-viewer')[i]?.shadowRoot?.querySelector(sel) ?? null;
      window.__rvActive = () => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; };
    });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(url + path);
    return page;
  }

  /** Waits until the viewer shows a report or an error. */
  async function settled(page) {
    await page.waitForSelector('.rv-report, .rv-error', { timeout: 15000 });
  }

  /** axe-core violations on the page, as "rule: target" strings; with `{ enhanced: true }` the
   * AAA contrast rule (7:1) too, for the high-contrast theme; with `{ include: selector }` only
   * inside those elements (a real portal's own markup is not ours to judge). */
  async function axe(page, { enhanced = false, include = null } = {}) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(({ enhanced, include }) => axe.run(include ? { include: [[include]] } : document, {
      resultTypes: ['violations'],
      ...(enhanced ? { rules: { 'color-contrast-enhanced': { enabled: true } } } : {}),
    }), { enhanced, include });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
  }

  async function close() {
    await browser.close();
    if (voice) await stopSpeechDispatcher(voice);
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
  return { url, browser, open, settled, axe, close };
}

/** A generated report of 120 parts of 3,000 characters each (第N部分, ids part-N): twelve frames'
 * worth of 展开全部, many slices of 朗读's script (a real report takes one of each). */
export function hugeReport() {
  return {
    version: 1,
    meta: { title: '某县2021年度政府信息公开工作年度报告', agency: '某县人民政府办公室', year: 2021, published: '2022-01-20' },
    introduction: [],
    sections: Array.from({ length: 120 }, (_, i) => ({
      id: `part-${i + 1}`, number: `${i + 1}.`, title: `第${i + 1}部分`,
      blocks: [{ type: 'paragraph', text: `第${i + 1}部分正文。`.padEnd(3000, '本年度政府信息公开工作稳步推进。') }],
    })),
  };
}

/**
 * The headers Chromium's accessibility tree ties to each data cell of a table. CDP does not expose
 * that relation itself, so this takes what the tree does expose, each cell's role (columnheader,
 * rowheader, cell) and name from Accessibility.getFullAXTree, places the cells on the grid of their
 * `<table>` (rows, rowspan, colspan from the DOM, matched by backend node id), and applies
 * Chromium's rule (ui/accessibility/ax_table_info.cc): a cell's column headers are the
 * columnheader cells over its column in the same table, whatever its `headers` attribute says;
 * its row headers the rowheader cells over its row. Returns, per data cell (`data-cell`), those
 * header names and the names its `headers` attribute lists.
 */
export async function axTableHeaders(page, tableId) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const ax = new Map(nodes.filter((n) => !n.ignored && n.backendDOMNodeId)
    .map((n) => [n.backendDOMNodeId, { role: n.role?.value, name: (n.name?.value ?? '').trim() }]));
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.detach();
  const attrs = (n) => Object.fromEntries((n.attributes ?? []).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v, all[i + 1]]]), []));
  const kids = (n) => [...(n.shadowRoots ?? []), ...(n.children ?? [])];
  const find = (n, pred, out = []) => { if (pred(n)) out.push(n); for (const k of kids(n)) find(k, pred, out); return out; };
  const [container] = find(root, (n) => n.nodeName === 'DIV' && attrs(n).id === tableId);
  assert.ok(container, `${tableId} is in the page`);
  const out = [];
  for (const table of find(container, (n) => n.nodeName === 'TABLE')) {
    const byId = new Map(find(table, (n) => n.nodeName === 'TH').map((th) => [attrs(th).id, ax.get(th.backendNodeId)?.name]));
    const rows = find(table, (n) => n.nodeName === 'TR');
    const grid = []; // grid[row][col] = cell node
    const placed = [];
    rows.forEach((tr, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of kids(tr).filter((k) => k.nodeName === 'TH' || k.nodeName === 'TD')) {
        while (grid[r][c]) c += 1;
        const a = attrs(cell);
        const rs = Number(a.rowspan ?? 1), cs = Number(a.colspan ?? 1);
        for (let i = r; i < r + rs; i += 1) for (let j = c; j < c + cs; j += 1) (grid[i] ??= [])[j] = cell;
        placed.push({ cell, r, c, rs, cs, a, ...ax.get(cell.backendNodeId) });
        c += cs;
      }
    });
    for (const d of placed.filter((p) => p.a['data-cell'] !== undefined)) {
      assert.equal(d.role, 'cell', `${d.a['data-cell']} is a cell`);
      const over = (p, pick) => placed.filter((h) => h.role === pick && (pick === 'columnheader'
        ? h.c <= d.c && d.c < h.c + h.cs : h.r <= d.r && d.r < h.r + h.rs)).map((h) => h.name);
      out.push({
        key: d.a['data-cell'],
        exposed: [...over(d, 'columnheader'), ...over(d, 'rowheader')],
        listed: (d.a.headers ?? '').split(' ').filter(Boolean).map((id) => byId.get(id)),
      });
    }
  }
  return out;
}

/** The page (inside the viewer's shadow root where there is one) as plain trees — tag,
 * attributes (sorted; the read-aloud highlight left out) and text, with whitespace between
 * elements and Leptos' comment markers ignored, and 朗读's sentence spans (span.rv-s, on screen
 * only) read as their text: every statistical table by id (`tables`), the header and the
 * contents list; the header's medium-specific row (点击量/Views on screen, 报告地址/Report address
 * on a copy) set apart
 * under `own`; and the whole report (`whole`) as a reader takes it away. */
export function pageShapes() {
  const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  const shape = (node) => {
    const out = [node.localName, [...node.attributes].map((a) => [a.name, a.name === 'class' ? a.value.split(/\s+/).filter((c) => c && c !== 'rv-reading').join(' ') : a.value])
      .filter(([n, v]) => !(n === 'class' && v === '')).sort()];
    let text = '';
    const kids = [];
    const flush = () => { if (text.trim()) kids.push(text); text = ''; };
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) text += c.data;
      else if (c.nodeType === Node.ELEMENT_NODE && c.matches('span.rv-s')) text += c.textContent;
      else if (c.nodeType === Node.ELEMENT_NODE) { flush(); kids.push(shape(c)); }
    }
    flush();
    out.push(kids);
    return out;
  };
  const found = { tables: {} };
  for (const root of roots) {
    for (const t of root.querySelectorAll('.rv-table')) found.tables[t.id] = shape(t);
    const header = root.querySelector('.rv-report .rv-header');
    if (!header) continue;
    const copy = header.cloneNode(true);
    const own = [...copy.querySelectorAll('.rv-meta__item')].filter((i) => ['点击量', '报告地址', 'Views', 'Report address'].includes(i.querySelector('dt').textContent));
    own.forEach((i) => i.remove());
    found.header = shape(copy);
    found.own = own.map((i) => i.querySelector('dt').textContent);
    found.contents = shape(root.querySelector('.rv-report .rv-contents'));
    found.whole = shape(readerCopy(root.querySelector('.rv-report'), found.own));
  }
  return found;

  /** The report as a reader takes it away: the screen's controls (toolbar, 朗读's bar, the
   * last-year note, each part's 朗读本节 and heading button, 对比上年, the phone's cards) and
   * its open/closed state set apart; the header's own row left out. */
  function readerCopy(report, ownTerms) {
    const copy = report.cloneNode(true);
    for (const item of copy.querySelectorAll('.rv-header .rv-meta__item')) {
      if (ownTerms.includes(item.querySelector('dt').textContent)) item.remove();
    }
    const controls = '.rv-toolbar, .rv-reader, .rv-last-year, .rv-part__read, .rv-compare__toggle, .rv-cards, .rv-sr[role=status]';
    copy.querySelectorAll(controls).forEach((e) => e.remove());
    for (const button of copy.querySelectorAll('.rv-part__heading > .rv-part__button')) {
      const text = button.querySelector('.rv-part__text');
      if (text.hasAttribute('lang')) button.parentElement.setAttribute('lang', text.getAttribute('lang'));
      button.replaceWith(...text.childNodes);
    }
    for (const wrapper of copy.querySelectorAll('.rv-part__panel, .rv-table-view')) wrapper.replaceWith(...wrapper.childNodes);
    copy.querySelectorAll('.rv-part--open').forEach((e) => e.classList.remove('rv-part--open'));
    return copy;
  }
}
