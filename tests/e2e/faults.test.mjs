// End to end: network faults and broken files served by the test server (tests/e2e/server.mjs
// /faults/…), and addresses a report cannot come from. For each: nothing thrown on the page, the
// widget ends in a located message in plain words, the host page is untouched and responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

// [address, seconds allowed, heading, detail]
const CASES = [
  ['/faults/hang.json', 2, /报告没有按时送达/, /等待 2 秒后仍未收到完整的报告.*hang\.json/],
  ['/faults/slow-body.json', 2, /报告没有按时送达/, /等待 2 秒后仍未收到完整的报告.*slow-body\.json/],
  ['/faults/truncated.json', 30, /报告下载中断/, /报告下载到一半中断.*truncated\.json/],
  ['/faults/cut-short.json', 30, /报告数据有误/, /报告文件不完整，在第 1 行第 \d+ 列意外结束/],
  ['/faults/empty.json', 30, /报告数据有误/, /报告文件是空的/],
  ['/faults/error-page.json', 30, /报告数据有误/, /服务器返回的是网页（HTML），不是报告的 JSON 文件/],
  ['/faults/gbk.json', 30, /报告数据有误/, /不是 UTF-8 编码（第 1 行第 \d+ 列，第 \d+ 字节）：它看起来是 GBK/],
  ['/faults/array.json', 30, /报告数据有误/, /文件最外层是数组/],
  ['/faults/huge-figure.json', 30, /报告数据有误/, /这里应是整数，文件中是文字 "9{78}…（共 200000 字）".*位置：meta\.year/],
  ['/faults/no-such-file.json', 30, /服务器未返回报告/, /404/],
  ['javascript:alert(document.domain)', 30, /报告地址无效/, /不是 http 或 https 地址/],
  ['data:application/json,{}', 30, /报告地址无效/, /不是 http 或 https 地址/],
];

for (const [src, seconds, heading, detail] of CASES) {
  test(`${src}: a message in plain words, nothing else breaks`, async () => {
    const page = await h.open(`/fixtures/faults.html?src=${encodeURIComponent(src)}&timeout=${seconds}`);
    await page.waitForSelector('.rv-error', { timeout: 20000 });
    const alert = await page.textContent('[role=alert]');
    assert.match(alert, heading);
    assert.match(alert, detail);
    assert.ok(alert.length < 800, `${alert.length} characters`);
    // A reader sees a plain Chinese sentence; parser words, addresses and positions are the
    // webmaster's, under 技术信息, one press away.
    const seen = await page.evaluate(() => __rv('[role=alert]').innerText);
    assert.doesNotMatch(seen, /[A-Za-z]{3,}|第 \d+ 行/, `what a reader sees: ${seen}`);
    assert.match(seen, /。/);
    await page.evaluate(() => __rv('.rv-error__technical summary').click());
    const opened = await page.evaluate(() => __rv('[role=alert]').innerText);
    assert.match(opened, detail);
    assert.deepEqual(page.errors, []);
    assert.equal(await page.textContent('#host-text'), '门户正文');
    // Responsive: a task runs at once, and the retry button is there to press.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assert.equal(await page.evaluate(() => __rvActive()?.textContent), '重新加载');
    await page.close();
  });
}
