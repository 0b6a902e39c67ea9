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
