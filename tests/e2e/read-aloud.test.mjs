// End to end: read-aloud in Chromium with a real voice (speech-dispatcher + espeak-ng's Mandarin),
// and without any voice.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { start, OUTPUT, ROOT, hugeReport, enhancedCorpusPage } from './harness.mjs';

const HOST = '[data-report-viewer]';

/** Records every utterance the page hands to speechSynthesis, with its real start and end
 * events, and what the viewer highlights when each starts. */
function recordSpeech() {
  window.__speech = [];
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (u) => {
    const entry = { text: u.text, lang: u.lang, events: [], highlighted: null };
    window.__speech.push(entry);
    u.addEventListener('start', () => {
      entry.events.push('start');
      const root = document.querySelector('[data-report-viewer]')?.shadowRoot;
      entry.highlighted = [...(root?.querySelectorAll('.rv-reading') ?? [])].map((e) => e.textContent).join('');
    });
    u.addEventListener('end', () => {
      entry.events.push('end');
      entry.wordMarked = CSS.highlights.has('rv-word');
    });
    u.addEventListener('boundary', (e) => entry.events.push('boundary:' + e.name));
    u.addEventListener('error', (e) => entry.events.push('error:' + e.error));
    speak(u);
  };
}

/** The engine speaks nothing and holds nothing queued. */
const quiet = () => !speechSynthesis.speaking && !speechSynthesis.pending;

/** The demo page with every utterance recorded; with `voices`, once the Mandarin voices (about
 * 2.5 s) are listed first in the picker. */
async function openRecording(h, { viewport, reducedMotion = false, voices = true, path = '/' } = {}) {
  const page = await h.open(path, viewport);
  if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript(recordSpeech);
  await page.reload();
  await h.settled(page);
  if (voices) await voicesListed(page);
  return page;
}

/** Waits until the Mandarin voices (about 2.5 s) are listed first in the voice picker. */
const voicesListed = (page) => page.waitForFunction((host) => {
  const voice = [...document.querySelector(host).shadowRoot.querySelectorAll('.rv-reader select')][1];
  const opts = [...(voice?.querySelectorAll('option') ?? [])];
  return opts.length > 1 && /cmn|zh/i.test(opts[1].textContent);
}, HOST, { timeout: 15000 });

/** Presses 停止 in the reading bar. */
const stopReading = (page) => inWidget(page, (root) => [...root.querySelectorAll('.rv-reader button')].find((b) => b.textContent.trim() === '停止').click());

const inWidget = (page, fn, arg) => page.evaluate(({ fn, arg, host }) => {
  const root = document.querySelector(host).shadowRoot;
  return new Function('root', 'arg', `return (${fn})(root, arg)`)(root, arg);
}, { fn: fn.toString(), arg, host: HOST });

/** 朗读本节 on part 三, which holds 表三: waits until reading reaches the table (跳过此表 comes). */
async function readTableThree(page) {
  await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][2].click());
  await page.waitForFunction((host) => !!document.querySelector(host).shadowRoot.querySelector('.rv-reader__skip'), HOST, { timeout: 30000 });
}

/** 下一句 until `reached()` (at most 12 presses, each waiting for the highlight to move). */
async function nextUntil(page, reached) {
  for (let i = 0; i < 12 && !(await reached()); i++) {
    const before = await inWidget(page, (root) => root.querySelector('.rv-reading')?.textContent ?? '');
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-reader__buttons button')].find((b) => b.textContent.trim() === '下一句').click());
    await page.waitForFunction(({ host, before }) => (document.querySelector(host).shadowRoot.querySelector('.rv-reading')?.textContent ?? '') !== before, { host: HOST, before }, { timeout: 10000 });
  }
}

describe('with a real voice', () => {
  let h;
  before(async () => { h = await start({ speech: true }); });
  after(async () => { await h?.close(); });

  test('reads a part in order with the highlight following; pause, resume, stop and click-to-jump work', async () => {
    const page = await openRecording(h);

    // 朗读本节 on part 六: heading, then its one sentence; each starts and ends, in order.
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][5].click());
    await page.waitForFunction(() => window.__speech.length >= 2 && window.__speech.every((e) => e.events.includes('end')), null, { timeout: 20000 });
    // The end of the part is a state: the status says so and the highlight is gone.
    await page.waitForFunction((host) => {
      const root = document.querySelector(host).shadowRoot;
      return /本节朗读结束/.test(root.querySelector('[role=status][aria-live=polite]').textContent)
        && root.querySelectorAll('.rv-reading').length === 0;
    }, HOST, { timeout: 10000 });
    const six = await page.evaluate(() => window.__speech);
    assert.deepEqual(six.map((e) => e.text), ['六、其他需要报告的事项', '二〇二〇年,我市各级行政机关在处理政府信息公开申请时,未收取任何费用。']);
    for (const e of six) {
      // espeak through speech-dispatcher reports no words: the sentence stays lit as a whole,
      // and no word is marked in it.
      assert.deepEqual(e.events, ['start', 'end'], e.text);
      assert.equal(e.wordMarked, false, e.text);
      assert.match(e.lang, /^(cmn|zh)/i);
    }
    assert.equal(six[0].highlighted, '六、其他需要报告的事项');
    assert.equal(six[1].highlighted, '2020年,我市各级行政机关在处理政府信息公开申请时,未收取任何费用。');
    assert.match(await inWidget(page, (root) => root.querySelector('[role=status][aria-live=polite]').textContent), /本节朗读结束/);
    assert.equal(await inWidget(page, (root) => root.querySelectorAll('.rv-reading').length), 0, 'highlight removed at the end');

    // Part 五 from its 朗读本节 button: pause after the first sentence, resume re-reads it, then stop.
    await page.evaluate(() => { window.__speech.length = 0; });
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][4].click());
    await page.waitForFunction(() => window.__speech[0]?.events.includes('start'), null, { timeout: 10000 });
    await inWidget(page, (root) => root.querySelector('.rv-reader__play').click());
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv-reader__play').getAttribute('aria-pressed')), 'false');
    // Paused is a state: the engine has let go of the last utterance (it ended or was
    // cancelled) and holds nothing queued; then nothing new has been handed over.
    await page.waitForFunction(quiet, null, { timeout: 10000 });
    const paused = await page.evaluate(() => window.__speech.length);
    assert.equal(await page.evaluate(() => speechSynthesis.pending), false, 'nothing queued while paused');
    const pausedAt = await inWidget(page, (root) => root.querySelector('.rv-reading')?.textContent);
    await inWidget(page, (root) => root.querySelector('.rv-reader__play').click());
    await page.waitForFunction((n) => window.__speech.length > n, paused, { timeout: 10000 });
    const resumed = await page.evaluate((n) => window.__speech[n].text, paused);
    assert.equal(resumed, (await page.evaluate((n) => window.__speech[n - 1].text, paused)), 'resume speaks the same sentence again');
    assert.ok(pausedAt, 'the sentence stays highlighted while paused');
    await page.waitForFunction(() => window.__speech.length >= 4, null, { timeout: 20000 });
    await stopReading(page);
    await page.waitForFunction(quiet, null, { timeout: 10000 });
    const stopped = await page.evaluate(() => window.__speech.length);
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv-reader__play').getAttribute('aria-pressed')), 'false', 'stopped');
    assert.equal(await inWidget(page, (root) => root.querySelectorAll('.rv-reading').length), 0);
    // The texts of part 五 were read in script order: headings and sentences of its paragraphs.
    const five = (await page.evaluate(() => window.__speech.map((e) => e.text))).filter((t, i, all) => t !== all[i - 1]);
    assert.deepEqual(five.slice(0, 3), ['五、存在的主要问题及改进情况', '(一)存在的问题', '一是政务公开工作标准化规范化建设还有待进一步加强。']);

    // While reading, clicking a sentence jumps there.
    await page.evaluate(() => { window.__speech.length = 0; });
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][0].click());
    await page.waitForFunction(() => window.__speech.length >= 1, null, { timeout: 10000 });
    // How many utterances were handed over is read in the same task as the click, so reading
    // that moves on under load cannot slip in between.
    const { clickedAt, target } = await inWidget(page, (root) => {
      const s = root.querySelector('#part-1-4 .rv-s');
      const clickedAt = window.__speech.length;
      s.click();
      return { clickedAt, target: s.textContent };
    });
    await page.waitForFunction((t) => window.__speech.some((e) => e.text.startsWith(t.slice(0, 6))), target, { timeout: 10000 });
    await page.waitForFunction((t) => {
      const e = window.__speech.find((x) => x.text.startsWith(t.slice(0, 6)));
      return e && e.events.includes('start');
    }, target, { timeout: 10000 });
    // The highlight as it was when the voice started the clicked sentence (recorded in its start
    // event): a short sentence may already be over by the time the test could look at the page.
    const jumped = await page.evaluate((t) => window.__speech.find((e) => e.text.startsWith(t.slice(0, 6))), target);
    assert.equal(jumped.highlighted, target);
    // The click handler speaks the clicked sentence at once: it is the next utterance handed over.
    const spoken = await page.evaluate(() => window.__speech.map((e) => e.text));
    const at = spoken.indexOf(jumped.text);
    assert.ok(at >= clickedAt && at <= clickedAt + 1, `the clicked sentence is spoken next (${spoken.join(' | ')})`);
    await page.screenshot({ path: join(OUTPUT, 'reading.png') });
    await stopReading(page);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the reading bar stays at hand while reading, and the sentence read stays in the middle of the view', async () => {
    const page = await openRecording(h, { viewport: { width: 1024, height: 700 }, reducedMotion: true });
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][4].click());
    await page.waitForFunction(() => window.__speech[0]?.events.includes('start'), null, { timeout: 10000 });
    // Far down the page, the bar is still in view.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction((host) => {
      const r = document.querySelector(host).shadowRoot.querySelector('.rv-reader').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
    }, HOST, { timeout: 5000 });
    // The next sentence is brought to the middle of the view, clear of the bar.
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-reader__buttons button')].find((b) => b.textContent.trim() === '下一句').click());
    await page.waitForFunction((host) => {
      const root = document.querySelector(host).shadowRoot;
      const s = root.querySelector('.rv-reading');
      if (!s) return false;
      const r = s.getBoundingClientRect();
      const bar = root.querySelector('.rv-reader').getBoundingClientRect();
      const middle = (r.top + r.bottom) / 2;
      return middle > innerHeight * 0.25 && middle < innerHeight * 0.75 && r.top >= bar.bottom;
    }, HOST, { timeout: 5000 });
    // After a text size change too.
    await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
    await page.waitForFunction((host) => {
      const root = document.querySelector(host).shadowRoot;
      const s = root.querySelector('.rv-reading');
      if (!s || getComputedStyle(root.querySelector('.rv')).fontSize !== '34px') return false;
      const r = s.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }, HOST, { timeout: 5000 });
    await stopReading(page);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('on a phone (390 px, and 320 px at 200 %), the card of the row read is lit and the screen follows it; the hidden grid is not what is followed', async () => {
    for (const [width, height, size] of [[390, 844, null], [320, 640, '200']]) {
      const page = await openRecording(h, { viewport: { width, height }, reducedMotion: true });
      if (size) await inWidget(page, (root, v) => { const s = root.querySelector('.rv-toolbar select'); s.value = v; s.dispatchEvent(new Event('change')); }, size);
      // 朗读本节 on part 三, which holds 表三 (shown as cards here).
      await readTableThree(page);
      // On to the table's rows: 下一句 until a card is lit (each press waits for the highlight to move).
      await nextUntil(page, () => inWidget(page, (root) => !!root.querySelector('.rv-card.rv-reading')));
      // Held there (暂停 keeps the highlight): the lit card is on screen, clear of the reading bar.
      await inWidget(page, (root) => root.querySelector('.rv-reader__play').click());
      await page.waitForFunction((host) => {
        const root = document.querySelector(host).shadowRoot;
        const card = root.querySelector('.rv-card.rv-reading');
        if (!card) return false;
        const r = card.getBoundingClientRect();
        const bar = root.querySelector('.rv-reader').getBoundingClientRect();
        // Clear of the bar; a card taller than the room under the bar starts just below it.
        const taller = r.height > innerHeight - bar.bottom;
        return r.height > 0 && r.top < innerHeight && r.bottom > 0
          && (taller ? r.top >= bar.bottom - 1 && r.top <= bar.bottom + 24 : (r.top >= bar.bottom - 1 || r.bottom <= bar.top + 1));
      }, HOST, { timeout: 10000 }).catch(async (e) => {
        await page.screenshot({ path: join(OUTPUT, `read-aloud-phone-card-${width}-failed.png`) });
        const where = await inWidget(page, (root) => ({ card: root.querySelector('.rv-card.rv-reading')?.getBoundingClientRect().toJSON(), bar: root.querySelector('.rv-reader').getBoundingClientRect().toJSON(), lit: [...root.querySelectorAll('.rv-reading')].map((x) => x.className) }));
        throw new Error(`${e.message} ${JSON.stringify(where)}`);
      });
      const state = await inWidget(page, (root) => ({
        card: root.querySelector('.rv-card.rv-reading .rv-card__title')?.textContent,
        gridShown: root.querySelector('.rv-card.rv-reading').closest('.rv-table-view').querySelector('.rv-table__scroll').getClientRects().length > 0,
      }));
      assert.ok(state.card, `${width} px: a card is lit`);
      assert.equal(state.gridShown, false, `${width} px: the grid is hidden on a phone`);
      await page.screenshot({ path: join(OUTPUT, `read-aloud-phone-card-${width}.png`) });
      await stopReading(page);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  test('on a phone at 200 % (320 × 640, 390 × 844, and 844 × 390 on its side) the reading bar is one line that stays at hand; the rest is in its menu', async () => {
    for (const [width, height] of [[320, 640], [390, 844], [844, 390]]) {
      const page = await openRecording(h, { viewport: { width, height }, reducedMotion: true, voices: false });
      await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
      await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][0].click());
      await page.waitForFunction(() => window.__speech[0]?.events.includes('start'), null, { timeout: 15000 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      const bar = await page.waitForFunction((host) => {
        const root = document.querySelector(host).shadowRoot;
        const r = root.querySelector('.rv-reader').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && r.height > 0 && { height: r.height, share: r.height / innerHeight };
      }, HOST, { timeout: 5000 }).then((v) => v.jsonValue());
      // Painted after the jump (a screenshot taken in the same frame came out blank).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: join(OUTPUT, `read-aloud-bar-200-${width}x${height}.png`) });
      // One line of 44 px targets at 200 % text: an eighth of a phone held upright, a fifth of
      // one on its side (was: static and scrolled away upright, 73–115 % on its side).
      assert.ok(bar.share <= (width > height ? 0.25 : 0.15), `${width}×${height}: the bar covers ${(bar.share * 100).toFixed(0)} % of the screen`);
      // One line: play/pause and stop shown; the sentence buttons are in the menu.
      const shown = (root, sel) => [...root.querySelectorAll(sel)].filter((b) => b.getClientRects().length > 0).map((b) => b.textContent.trim());
      const row = await inWidget(page, (root, f) => new Function('root', 'sel', `return (${f})(root, sel)`)(root, '.rv-reader > .rv-reader__buttons button'), shown.toString());
      assert.deepEqual(row, ['暂停', '停止'], `${width}×${height}: ${row}`);
      await inWidget(page, (root) => root.querySelector('.rv-reader__more > summary').click());
      await page.screenshot({ path: join(OUTPUT, `read-aloud-bar-200-${width}x${height}-menu.png`) });
      const menu = await inWidget(page, (root, f) => new Function('root', 'sel', `return (${f})(root, sel)`)(root, '.rv-reader__more button'), shown.toString());
      // Every control of the open menu inside the bar (the voice picker ran past its edge at
      // 320 px and 200 %: a flex item does not shrink below its text unless told).
      const outside = await inWidget(page, (root) => {
        const bar = root.querySelector('.rv-reader').getBoundingClientRect();
        return [...root.querySelectorAll('.rv-reader__more button, .rv-reader__more select')]
          .filter((c) => c.getClientRects().length > 0)
          .filter((c) => { const r = c.getBoundingClientRect(); return r.left < bar.left - 0.5 || r.right > bar.right + 0.5; })
          .map((c) => c.textContent.trim().slice(0, 12) || c.className);
      });
      assert.deepEqual(outside, [], `${width}×${height}: controls past the bar's edge`);
      assert.ok(['上一句', '下一句', '关闭朗读'].every((b) => menu.includes(b)), `${width}×${height}: ${menu}`);
      // The open menu fits the screen: no sideways scrolling.
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      assert.ok(widths[0] <= widths[1], `${width}×${height}: the page is ${widths[0]} px wide with the menu open`);
      assert.deepEqual(await h.axe(page, { include: HOST }), []);
      await stopReading(page);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  test('by keyboard: 朗读 moves focus to the bar; focus never hides under the sticky bar; Escape closes the menu, then the bar', async () => {
    const page = await openRecording(h, { viewport: { width: 1024, height: 700 }, reducedMotion: true, voices: false });
    const active = () => page.evaluate(() => { const a = __rvActive(); return a ? (a.textContent ?? '').trim() + '|' + a.className : null; });
    await inWidget(page, (root) => root.querySelector('.rv-button--read').focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__speech[0]?.events.includes('start'), null, { timeout: 15000 });
    // Focus went with the reading: on the bar's play/pause button, on screen.
    await page.waitForFunction(() => { const a = __rvActive(); const r = a?.getBoundingClientRect(); return a?.classList.contains('rv-reader__play') && r.top >= 0 && r.bottom <= innerHeight; }, null, { timeout: 5000 });
    await page.keyboard.press('Enter'); // 暂停: the view stops following the voice
    await page.evaluate(() => window.scrollBy(0, 400));
    // Tab on through the report: every focused control clear of the bar (once the page has
    // settled after the move).
    const hidden = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const clear = await page.waitForFunction((host) => {
        const root = document.querySelector(host).shadowRoot;
        const a = __rvActive();
        const bar = root.querySelector('.rv-reader');
        // Only the viewer's own controls (Tab goes on to the host page after it).
        if (!a || !root.contains(a) || bar.hidden || bar.contains(a)) return true;
        const r = a.getBoundingClientRect(); const b = bar.getBoundingClientRect();
        return b.top > 1 || r.bottom <= b.top + 1 || r.top >= b.bottom - 1;
      }, HOST, { timeout: 2000 }).then(() => true, () => false);
      if (!clear) hidden.push(await active());
    }
    assert.deepEqual(hidden, [], 'focused controls hidden under the bar');
    // Escape: first the menu closes (focus on its button), then the bar (focus on 朗读).
    await inWidget(page, (root) => { const s = root.querySelector('.rv-reader__more > summary'); s.click(); s.focus(); });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv-reader__more').open), false);
    assert.match(await active(), /更多选项/);
    await page.keyboard.press('Escape');
    await page.waitForFunction((host) => document.querySelector(host).shadowRoot.querySelector('.rv-reader').hidden, HOST, { timeout: 5000 });
    await page.waitForFunction(() => __rvActive()?.classList.contains('rv-button--read'), null, { timeout: 5000 });
    await page.waitForFunction(() => !speechSynthesis.speaking, null, { timeout: 10000 });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the voice list gives one entry per voice, Mandarin first; espeak\'s variants (+whisper and the like) are apart under 更多', async () => {
    const page = await openRecording(h);
    const list = await inWidget(page, (root) => {
      const select = [...root.querySelectorAll('.rv-reader select')][1];
      return {
        direct: [...select.children].filter((c) => c.tagName === 'OPTION').map((o) => o.textContent),
        groups: [...select.querySelectorAll('optgroup')].map((g) => ({ label: g.label, options: [...g.children].map((o) => o.textContent) })),
      };
    });
    assert.ok(list.direct.length > 1 && list.direct.every((t) => !t.includes('+')), `no variant among the voices: ${list.direct.slice(0, 5)}`);
    assert.match(list.direct[1], /cmn|zh/i, 'Mandarin first');
    assert.equal(list.groups.length, 1);
    assert.equal(list.groups[0].label, '更多：以上语音的变体');
    assert.ok(list.groups[0].options.length > 0 && list.groups[0].options.every((t) => t.includes('+')));
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('对比上年 by ear: with the comparison on, 表三\'s 图解 says the change and each figure is read with last year\'s and the change, where the reader sees them', async () => {
    const page = await openRecording(h, { path: '/?report=reports/sample-2021.json' });
    await page.waitForSelector(`${HOST} >> #part-3 .rv-compare__toggle`, { state: 'attached' });
    await inWidget(page, (root) => root.querySelector('#part-3 .rv-compare__toggle').click());
    await page.waitForSelector(`${HOST} >> #table-3 td[data-cell$="@last_year"]`, { state: 'attached' });
    // 朗读本节 on part 三; on through the table with 下一句 until its first row is read.
    await readTableThree(page);
    const rowRead = () => inWidget(page, (root) => !!root.querySelector('#table-3 tr.rv-reading'));
    await nextUntil(page, rowRead);
    assert.ok(await rowRead(), 'a row of 表三 is read');
    await page.waitForFunction(() => window.__speech.some((e) => e.events.includes('start') && e.text.startsWith('本年新收政府信息公开申请数量：')), null, { timeout: 15000 });
    const said = await page.evaluate(() => window.__speech.map((e) => ({ text: e.text, started: e.events.includes('start'), lit: e.highlighted })));
    await stopReading(page);
    // The 图解 says the change (a long sentence is spoken in pieces, split at ，), as the chart
    // shown beside last year's does.
    const all = said.map((s) => s.text).join('');
    assert.match(all, /图解：本年新收申请141件.*与上年（118件）相比，新收申请增23（百分之十九点五）/);
    // The first row, while its row is lit: this year's figure, last year's, the change.
    const row = said.find((s) => s.started && s.text.startsWith('本年新收政府信息公开申请数量：'));
    assert.ok(row, JSON.stringify(said.slice(-4)));
    assert.match(row.lit, /一、本年新收政府信息公开申请数量/, 'its row is lit while it is read');
    assert.match(row.text, /自然人118件，上年96件，增22（百分之二十二点九）/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('skip this table: offered while a table is read, and reading goes on after it', async () => {
    const page = await openRecording(h);
    // 朗读本节 on part 三, which holds 表三: the button comes when reading reaches the table.
    await readTableThree(page);
    // The table's 图解 sentence is read first, as part of the table.
    assert.ok(await inWidget(page, (root) => !!root.querySelector('.rv-reading')?.closest('.rv-table-view, .rv-chart')), 'reading the table');
    await inWidget(page, (root) => root.querySelector('.rv-reader__skip').click());
    // Past the table: the part ends (表三 ends part 三) or reading goes on outside the table.
    await page.waitForFunction((host) => {
      const root = document.querySelector(host).shadowRoot;
      const reading = root.querySelector('.rv-reading');
      const ended = /本节朗读结束/.test(root.querySelector('[role=status][aria-live=polite]').textContent);
      return !root.querySelector('.rv-reader__skip') && (ended || (reading && !reading.closest('.rv-table-view, .rv-chart')));
    }, HOST, { timeout: 15000 });
    await stopReading(page);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('keyboard shortcuts play, pause and stop; axe stays clean with the bar open, at 200 % and in high contrast', async () => {
    const page = await openRecording(h, { voices: false });
    await page.focus('#part-6-button');
    await page.keyboard.press('Alt+Shift+KeyP');
    await page.waitForFunction(() => window.__speech.length >= 1, null, { timeout: 10000 });
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv-reader__play').getAttribute('aria-pressed')), 'true');
    await page.keyboard.press('Alt+Shift+KeyP');
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv-reader__play').getAttribute('aria-pressed')), 'false');
    await page.keyboard.press('Alt+Shift+KeyS');
    assert.equal(await inWidget(page, (root) => root.querySelectorAll('.rv-reading').length), 0);
    assert.deepEqual(await h.axe(page), [], 'bar open');
    // Every button of the bar is named in words a reader sees (no glyphs that fonts lack).
    // (Those a wide screen shows: a phone's menu holds its own copies of four of them.)
    await inWidget(page, (root) => { root.querySelector('.rv-reader__more').open = true; });
    const names = await inWidget(page, (root) => [...root.querySelectorAll('.rv-reader__buttons button')].filter((b) => b.getClientRects().length > 0).map((b) => b.textContent.trim()));
    await inWidget(page, (root) => { root.querySelector('.rv-reader__more').open = false; });
    assert.deepEqual(names, ['上一句', '播放', '停止', '下一句', '关闭朗读', '上一部分', '下一部分']);
    // The bar can be closed: reading stops, the bar goes, focus returns to 朗读.
    await inWidget(page, (root) => root.querySelector('.rv-reader__close').click());
    await page.waitForFunction((host) => {
      const root = document.querySelector(host).shadowRoot;
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return root.querySelector('.rv-reader').hidden && a?.classList.contains('rv-button--read');
    }, HOST, { timeout: 5000 });
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv-button--read').getAttribute('aria-expanded')), 'false');
    await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '高对比度').click());
    await inWidget(page, (root) => root.querySelector('.rv-toolbar button').click());
    assert.equal(await inWidget(page, (root) => getComputedStyle(root.querySelector('.rv')).fontSize), '34px');
    assert.equal(await inWidget(page, (root) => getComputedStyle(root.querySelector('.rv-p')).color), 'rgb(255, 255, 255)');
    assert.deepEqual(await h.axe(page), [], '200 % and high contrast');
    // High contrast meets AAA (7:1) everywhere, the bar's settings open too.
    await inWidget(page, (root) => { root.querySelector('.rv-reader__more').open = true; });
    assert.deepEqual(await h.axe(page, { enhanced: true }), [], 'AAA contrast in high contrast');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
    assert.ok(widths.page <= widths.view, 'nothing cut off or scrolling sideways at 200 %');
    // Print keeps them.
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '打印').click());
    await page.waitForSelector('iframe[data-rv-print]', { state: 'attached' });
    assert.match(await page.getAttribute('iframe[data-rv-print]', 'srcdoc'), /class="rv rv--standalone rv--size-200 rv--contrast"/);
    // Remembered.
    await page.reload();
    await h.settled(page);
    assert.equal(await inWidget(page, (root) => getComputedStyle(root.querySelector('.rv')).fontSize), '34px');
    assert.equal(await inWidget(page, (root) => root.querySelector('.rv').classList.contains('rv--contrast')), true);
    await page.screenshot({ path: join(OUTPUT, 'large-contrast.png') });
    // A text size change in high contrast keeps high contrast (it used to switch it off).
    await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '150'; s.dispatchEvent(new Event('change')); });
    assert.deepEqual(await inWidget(page, (root) => [...root.querySelector('.rv').classList].sort()), ['rv', 'rv--contrast', 'rv--size-150']);
    assert.equal(await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '高对比度').getAttribute('aria-pressed')), 'true');
    await page.close();
  });
});

/** A stand-in speech engine that reports its words, as most Windows, macOS, Android and iOS
 * voices do: the real voices are listed (so the reader starts as it would), but `speak` says
 * nothing; the test moves it on a word (`__engine.word()`, a `boundary` event with the word's
 * charIndex and charLength, found with Intl.Segmenter) or an utterance (`__engine.end()`) at a
 * time. */
function wordEngine() {
  const engine = { current: null, words: [], next: 0, spoken: [] };
  window.__engine = engine;
  Object.defineProperty(speechSynthesis, 'speaking', { get: () => !!engine.current });
  Object.defineProperty(speechSynthesis, 'pending', { get: () => false });
  const fire = (u, type, init = {}) => u.dispatchEvent(new SpeechSynthesisEvent(type, { utterance: u, charIndex: 0, ...init }));
  speechSynthesis.speak = (u) => {
    engine.current = u;
    engine.spoken.push(u.text);
    engine.words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(u.text)].filter((w) => w.isWordLike);
    engine.next = 0;
    setTimeout(() => fire(u, 'start'));
  };
  speechSynthesis.cancel = () => {
    const u = engine.current;
    engine.current = null;
    if (u) u.dispatchEvent(new SpeechSynthesisErrorEvent('error', { utterance: u, error: 'interrupted' }));
  };
  /** The next word of the utterance being said: its boundary event, and what it was. */
  engine.word = () => {
    const w = engine.words[engine.next++];
    fire(engine.current, 'boundary', { name: 'word', charIndex: w.index, charLength: w.segment.length });
    return w.segment;
  };
  engine.end = () => {
    const u = engine.current;
    engine.current = null;
    fire(u, 'end');
  };
}

/** The word the viewer marks (CSS.highlights 'rv-word'): its text, and the text of the lit
 * sentence that holds it. */
const marked = () => {
  const h = CSS.highlights.get('rv-word');
  if (!h) return null;
  const range = [...h][0];
  const lit = range.startContainer.parentElement.closest('.rv-reading');
  return { word: range.toString(), sentence: lit ? lit.textContent : null };
};

describe('with a voice that reports its words', () => {
  let h;
  before(async () => { h = await start({ speech: true }); });
  after(async () => { await h?.close(); });

  test('the word being said is marked inside the sentence lit, as it is shown (2020 for 二〇二〇); a late word of a sentence left behind marks nothing', async () => {
    const page = await h.open('/');
    await page.addInitScript(wordEngine);
    await page.reload();
    await h.settled(page);
    await voicesListed(page);
    // 朗读本节 on part 六: its heading, then its one sentence.
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][5].click());
    await page.waitForFunction(() => window.__engine.current?.text === '六、其他需要报告的事项', null, { timeout: 10000 });
    await page.waitForFunction((host) => !!document.querySelector(host).shadowRoot.querySelector('.rv-reading'), HOST);
    const heading = [];
    for (let i = 0; i < 3; i++) {
      const word = await page.evaluate(() => window.__engine.word());
      await page.waitForFunction((w) => CSS.highlights.get('rv-word') && [...CSS.highlights.get('rv-word')][0].toString() === w, word, { timeout: 5000 });
      heading.push(await page.evaluate(marked));
    }
    for (const m of heading) assert.equal(m.sentence, '六、其他需要报告的事项', 'marked inside the lit heading');
    assert.ok(heading.every((m) => m.word.length > 0));
    // The next sentence: no word is marked until the voice reports one.
    await page.evaluate(() => window.__engine.end());
    await page.waitForFunction(() => window.__engine.current?.text.startsWith('二〇二〇年'), null, { timeout: 10000 });
    await page.waitForFunction((host) => document.querySelector(host).shadowRoot.querySelector('.rv-reading')?.textContent.startsWith('2020年'), HOST);
    assert.equal(await page.evaluate(() => CSS.highlights.has('rv-word')), false, 'the word of the sentence before is gone');
    // Every word of the sentence in turn: each is marked in the lit sentence as it is shown.
    const sentence = '2020年,我市各级行政机关在处理政府信息公开申请时,未收取任何费用。';
    const words = await page.evaluate(() => window.__engine.words.length);
    let last = -1;
    for (let i = 0; i < words; i++) {
      const said = await page.evaluate(() => window.__engine.word());
      await page.waitForFunction((n) => window.__engine.next === n && CSS.highlights.has('rv-word'), i + 1);
      const m = await page.evaluate(marked);
      assert.equal(m.sentence, sentence, said);
      // A word said as it is shown is marked as itself; one in the spoken year (二〇二〇) marks
      // the year as shown.
      if (/[〇]/.test(said)) assert.match(m.word, /2020/, said);
      else if (!/[二〇]/.test(said)) assert.equal(m.word, said);
      // In reading order, never behind the word before.
      const at = sentence.indexOf(m.word, Math.max(last, 0));
      assert.ok(at >= last, `${said} → ${m.word} after ${last}`);
      last = at;
      if (i === 3) await page.locator(`${HOST} >> #part-6`).screenshot({ path: join(OUTPUT, 'read-aloud-word.png') });
    }
    // Reading moves on (下一句 would): a late word of the sentence left behind marks nothing.
    await page.evaluate(() => { window.__old = window.__engine.current; window.__engine.current = null; });
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-reader__buttons button')].find((b) => b.textContent.trim() === '停止').click());
    await page.waitForFunction((host) => document.querySelector(host).shadowRoot.querySelectorAll('.rv-reading').length === 0, HOST);
    assert.equal(await page.evaluate(() => CSS.highlights.has('rv-word')), false, 'stopped: nothing marked');
    await page.evaluate(() => window.__old.dispatchEvent(new SpeechSynthesisEvent('boundary', { utterance: window.__old, name: 'word', charIndex: 6, charLength: 2 })));
    assert.equal(await page.evaluate(() => CSS.highlights.has('rv-word')), false, 'a late word marks nothing');
    assert.deepEqual(await h.axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the portal redraws the article while it is read aloud: speech stops, the new view is drawn, and the old reader ticks no more', async () => {
    const source = await readFile(join(ROOT, '../shared/corpus/pingtan/2024.html'), 'utf8');
    const page = await h.browser.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.addInitScript(wordEngine);
    // Every interval the page starts and clears, by id (the reader ticks while it speaks).
    await page.addInitScript(() => {
      const live = new Set();
      window.__intervals = live;
      const set = window.setInterval.bind(window);
      const clear = window.clearInterval.bind(window);
      window.setInterval = (f, ms, ...a) => { const id = set(f, ms, ...a); live.add(id); return id; };
      window.clearInterval = (id) => { live.delete(id); clear(id); };
    });
    await page.route((u) => !u.href.startsWith(h.url), (r) => r.abort());
    await page.route(`${h.url}/corpus/redrawn.html`, (r) => r.fulfill({ body: enhancedCorpusPage(source), contentType: 'text/html; charset=utf-8' }));
    await page.goto(`${h.url}/corpus/redrawn.html`);
    await page.waitForFunction((host) => document.querySelector(host)?.shadowRoot?.querySelector('.rv-report'), HOST, { timeout: 20000 });
    await voicesListed(page);
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '朗读').click());
    await page.waitForFunction(() => window.__engine.current, null, { timeout: 10000 });
    const ticking = await page.evaluate(() => [...window.__intervals]);
    assert.ok(ticking.length > 0, 'the reader ticks while it speaks');
    // The portal adds a sentence: the article is read again and the viewer drawn anew.
    await page.evaluate((host) => { const p = document.createElement('p'); p.textContent = '补充说明：数字已复核。'; document.querySelector(host).appendChild(p); }, HOST);
    await page.waitForFunction((host) => (document.querySelector(host).shadowRoot.querySelector('.rv-report')?.textContent ?? '').includes('补充说明'), HOST, { timeout: 20000 });
    assert.equal(await page.evaluate(() => window.__engine.current), null, 'the old view\'s speech was cancelled');
    // The old reader's ticking ends by itself (before, it ran on into values disposed with its
    // view and panicked at every tick).
    await page.waitForFunction((ids) => ids.every((id) => !window.__intervals.has(id)), ticking, { timeout: 10000 });
    assert.deepEqual(page.errors.filter((e) => !/require is not defined/.test(e)), [], 'no panic');
    assert.equal(await page.evaluate((host) => !!document.querySelector(host).shadowRoot.querySelector('.rv-error'), HOST), false);
    await page.close();
  });

  test('on a phone (390 px, and 320 px at 200 % in high contrast) the word marked is on screen, in the sentence lit', async () => {
    for (const [width, height, large] of [[390, 844, false], [320, 640, true]]) {
      const page = await h.open('/', { width, height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.addInitScript(wordEngine);
      await page.reload();
      await h.settled(page);
      if (large) {
        await inWidget(page, (root) => { const s = root.querySelector('.rv-toolbar select'); s.value = '200'; s.dispatchEvent(new Event('change')); });
        await inWidget(page, (root) => [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '高对比度').click());
      }
      await voicesListed(page);
      // 朗读本节 on part 五; past its heading and sub-heading to its first sentence.
      await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][4].click());
      for (const text of ['五、存在的主要问题及改进情况', '(一)存在的问题']) {
        await page.waitForFunction((t) => window.__engine.current?.text === t, text, { timeout: 10000 });
        await page.evaluate(() => window.__engine.end());
      }
      await page.waitForFunction(() => window.__engine.current?.text.startsWith('一是'), null, { timeout: 10000 });
      for (let i = 0; i < 4; i++) await page.evaluate(() => window.__engine.word());
      await page.waitForFunction(() => window.__engine.next === 4 && CSS.highlights.has('rv-word'));
      // The screen follows the sentence (reduced motion: at once): the word is in view.
      await page.waitForFunction(() => {
        const r = [...CSS.highlights.get('rv-word')][0].getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
      }, null, { timeout: 5000 });
      const m = await page.evaluate(marked);
      assert.ok(m.sentence?.startsWith('一是政务公开工作'), m.sentence);
      assert.ok(m.sentence.includes(m.word) && m.word.length > 0, m.word);
      await page.screenshot({ path: join(OUTPUT, `read-aloud-word-${width}${large ? '-200' : ''}.png`) });
      assert.deepEqual(await h.axe(page), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });
});

describe('the reading script, made once the report is on screen', () => {
  let h;
  before(async () => { h = await start({ speech: true }); });
  after(async () => { await h?.close(); });

  /** A report of 120 parts of 3,000 characters: its script takes many slices to make. */
  const huge = hugeReport();

  async function openHuge(init) {
    const page = await h.browser.newPage({ viewport: { width: 1024, height: 800 } });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.route((u) => u.pathname === '/huge.json', (route) => route.fulfill({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(huge) }));
    await page.addInitScript(wordEngine);
    if (init) await page.addInitScript(init);
    await page.goto(`${h.url}/?report=/huge.json`);
    return page;
  }

  test('it is made after the report\'s first frame, in slices, with nothing pressed', async () => {
    const page = await openHuge();
    await page.waitForFunction(() => performance.getEntriesByName('report-viewer:reading-ready').length === 1, null, { timeout: 30000 });
    const [shown, drawn, ready] = await page.evaluate(() => ['report-viewer:shown', 'report-viewer:drawn', 'report-viewer:reading-ready'].map((n) => performance.getEntriesByName(n)[0]?.startTime));
    assert.ok(ready > shown, `made at ${ready} ms, after the report was shown at ${shown} ms`);
    // The drawn mark (what the bench calls interactive) follows the frame the shown mark precedes.
    assert.ok(drawn >= shown, `drawn at ${drawn} ms, shown at ${shown} ms`);
    // The sentences on screen are the script's: a click while reading reads from the one clicked.
    await voicesListed(page);
    await inWidget(page, (root) => [...root.querySelectorAll('.rv-part__read')][2].click());
    await page.waitForFunction(() => window.__engine.spoken.length === 1);
    assert.equal(await page.evaluate(() => window.__engine.spoken[0]), '3.第3部分');
    await inWidget(page, (root) => root.querySelectorAll('#part-3 .rv-s')[5].click());
    await page.waitForFunction((host) => {
      const lit = document.querySelector(host).shadowRoot.querySelector('.rv-reading');
      return lit && [...lit.parentElement.querySelectorAll('.rv-s')].indexOf(lit) === 5 && window.__engine.current?.text === lit.textContent;
    }, HOST, { timeout: 5000 });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a press of 朗读 before it is made reads at once, from the title', async () => {
    // 朗读 pressed in the first frame the toolbar is drawn, before any slice of the script.
    const page = await openHuge(() => {
      const press = () => {
        const root = document.querySelector('[data-report-viewer]')?.shadowRoot;
        const read = root && [...root.querySelectorAll('.rv-toolbar button')].find((b) => b.textContent.trim() === '朗读');
        if (!read) return requestAnimationFrame(press);
        window.__readyAtPress = performance.getEntriesByName('report-viewer:reading-ready').length;
        read.click();
      };
      requestAnimationFrame(press);
    });
    await page.waitForFunction(() => window.__engine.spoken.length >= 1, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.__readyAtPress), 0, 'the script was not made when 朗读 was pressed');
    assert.equal(await page.evaluate(() => window.__engine.spoken[0]), '某县二〇二一年度政府信息公开工作年度报告');
    await page.evaluate(() => window.__engine.end());
    await page.waitForFunction(() => window.__engine.spoken.length >= 2);
    assert.equal(await page.evaluate(() => window.__engine.spoken[1]), '1.第1部分');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('report-viewer:reading-ready').length), 1, 'made once');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('without a voice', () => {
  let h;
  before(async () => { h = await start(); });
  after(async () => { await h?.close(); });

  test('the reader is told in plain words, and nothing breaks', async () => {
    const page = await h.open('/');
    await h.settled(page);
    await page.click('.rv-toolbar button:has-text("朗读")');
    const notice = page.locator('.rv-reader__notice');
    await notice.waitFor({ timeout: 10000 });
    assert.match(await notice.textContent(), /未检测到中文语音/);
    assert.match(await notice.textContent(), /安装中文语音/);
    // Trying again says the same, and the page still works.
    await page.click('.rv-reader__play');
    assert.match(await page.textContent('.rv .rv-status, .rv [role=status][aria-live=polite]'), /未检测到中文语音|朗读/);
    await page.click('#part-2-button');
    assert.equal(await page.getAttribute('#part-2-button', 'aria-expanded'), 'true');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
