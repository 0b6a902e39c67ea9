// Shared setup for the end-to-end tests: a static server for dist/ (and fixtures/), and Debian's
// Chromium driven by playwright-core. Never downloads a browser.
import { chromium } from 'playwright-core';
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

/** Starts the server and the browser; returns helpers and a close function. */
export async function start() {
  const { server, url } = await serve({
    roots: { '/fixtures/': join(ROOT, 'tests/e2e/fixtures'), '/': join(ROOT, 'dist') },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
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

  /** axe-core violations on the page, as "rule: target" strings. */
  async function axe(page) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
  }

  async function close() {
    await browser.close();
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
  return { url, browser, open, settled, axe, close };
}
