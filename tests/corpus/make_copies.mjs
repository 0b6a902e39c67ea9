// Writes browser-style text copies of the corpus pages, the way a reader copies a page: Chromium's
// innerText of the whole page (tables become one row per line with cells separated by tabs) and
// a one-cell-per-line copy (each table cell on a line of its own, as many copy tools and archives
// keep a rendered table). Run: node tests/corpus/make_copies.mjs (needs Chromium, playwright-core).
import { chromium } from 'playwright-core';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(HERE, '../../../shared/corpus/pingtan');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.route((u) => !u.href.startsWith('http://corpus.test/'), (r) => r.abort());
for (const f of (await readdir(CORPUS)).filter((f) => f.endsWith('.html')).sort()) {
  const html = await readFile(join(CORPUS, f), 'utf8');
  await page.route('http://corpus.test/page', (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto('http://corpus.test/page', { waitUntil: 'domcontentloaded' });
  const tabbed = await page.evaluate(() => document.body.innerText);
  const perCell = await page.evaluate(() => {
    // The page's text with every table cell on a line of its own.
    for (const cell of document.querySelectorAll('td, th')) cell.style.display = 'block';
    for (const el of document.querySelectorAll('table, tbody, thead, tr')) el.style.display = 'block';
    return document.body.innerText;
  });
  const year = f.slice(0, -5);
  await writeFile(join(HERE, 'copies', `${year}.tabs.txt`), tabbed);
  await writeFile(join(HERE, 'copies', `${year}.cells.txt`), perCell);
  await page.unroute('http://corpus.test/page');
}
await browser.close();
