/*! report-viewer __VERSION__ — shows a 政府信息公开工作年度报告 inside any page.
 * Paste one tag: <script src=".../report-viewer.js" defer></script>
 * and mark containers: <div data-report-viewer data-src="/reports/2020.json">…fallback…</div>
 * Defines one global, window.ReportViewer. Loads its WebAssembly once, relative to this
 * script's own address, so it may live on another origin or a CDN (serve it with CORS).
 */
(function () {
  'use strict';
  var own = function (o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; };
  var existing = own(window, 'ReportViewer');
  if (own(window, '__reportViewer')) return; // included twice: the first copy serves the page
  // The name taken by something else than a configuration object ({ config: … }): said, kept,
  // and the viewer mounts anyway (its API is then window.__reportViewer).
  var taken = existing != null && (typeof existing !== 'object' || Object.keys(existing).some(function (k) { return k !== 'config'; }));
  if (taken) console.warn('[report-viewer] window.ReportViewer 已被页面上的其他脚本使用，阅读器不覆盖它，仍正常显示；其接口为 window.__reportViewer');
  var VERSION = '__VERSION__';
  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || document.baseURI);
  var CORE_SRI, WASM_SRI, coreUrl, wasmUrl, showsReport;
  // Enhance mode (a container with data-enhance reads the portal's own article) has a build of
  // its own with the import rules; every other page loads the smaller JSON-mode build. Chosen
  // when loading starts, once the page's containers are parsed.
  function choose() {
    var enhance = !!document.querySelector('[data-report-viewer][data-enhance]');
    var build = enhance ? 'report-viewer-enhance-' : 'report-viewer-core-';
    CORE_SRI = enhance ? '__ENHANCE_CORE_SRI__' : '__CORE_SRI__';
    WASM_SRI = enhance ? '__ENHANCE_WASM_SRI__' : '__WASM_SRI__';
    coreUrl = new URL(build + VERSION + '.js', base).href;
    wasmUrl = new URL(build + VERSION + '_bg.wasm', base).href;
    // The page shows the report already (a static copy, or the article to enhance).
    showsReport = enhance || !!document.querySelector('[data-report-viewer] [data-rv-static]');
  }

  // After the browser has painted a frame: a page that shows the report already paints it at
  // static speed, and the viewer starts then (its files are downloaded meanwhile).
  function afterPaint() {
    return new Promise(function (ok) {
      requestAnimationFrame(function () { setTimeout(ok, 0); });
    });
  }
  var sameOrigin = base.origin === location.origin;

  // Options for every widget; data- attributes on a container override them.
  // Own properties only: a polluted Object.prototype sets nothing.
  var given = taken ? undefined : own(existing, 'config');
  var config = Object.create(null);
  if (given && typeof given === 'object') Object.keys(given).forEach(function (k) { config[k] = given[k]; });

  function preload() {
    // A module preload with integrity: the dynamic import below reuses this verified fetch.
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = coreUrl;
    if (CORE_SRI.indexOf('sha') === 0) link.integrity = CORE_SRI;
    if (!sameOrigin) link.crossOrigin = 'anonymous';
    (document.head || document.documentElement).appendChild(link);
  }

  // Each container's report is asked for now, while the viewer downloads: a preload in the mode
  // the viewer fetches in, which the viewer's own request then uses. Not for a demo page whose
  // address chooses the report (data-src-param), nor twice for one address.
  function preloadReports() {
    var hosts = document.querySelectorAll('[data-report-viewer], report-viewer');
    for (var i = 0; i < hosts.length; i++) {
      var el = hosts[i];
      var param = el.getAttribute('data-src-param');
      if (param && new URLSearchParams(location.search).has(param)) continue;
      var src = el.getAttribute('data-src') || (el.tagName.toLowerCase() === 'report-viewer' && el.getAttribute('src'));
      if (!src) continue;
      var url;
      try { url = new URL(src, document.baseURI); } catch (e) { continue; }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
      var links = document.querySelectorAll('link[rel=preload]');
      var known = false;
      for (var j = 0; j < links.length; j++) known = known || links[j].href === url.href;
      if (known) continue;
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = url.href;
      (document.head || document.documentElement).appendChild(link);
    }
  }

  // The mode and credentials of <link rel="preload" as="fetch" crossorigin>, so that a page's
  // preload of the wasm is used, not downloaded again (docs/embedding.md).
  function fetchInit() {
    return { credentials: 'same-origin', mode: 'cors' };
  }

  // Why a file failed: asked again without integrity, so a 404 is named a 404, a script served
  // with the wrong type is named that, and only a file that arrived changed (its hash compared
  // here) is named an integrity failure; a file that arrived intact but did not run says why.
  function diagnose(url, error, sri, script) {
    var name = url.split('/').pop();
    var init = fetchInit();
    init.cache = 'no-store';
    var ran = function () { return name + ' 已完整下载，但未能运行：' + explain(error) + '（' + url + '）'; };
    return fetch(url, init).then(function (r) {
      if (!r.ok) return name + ' 返回 HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : '') + '（' + url + '）';
      var type = (r.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
      if (script && !/^(text|application)\/(x-)?(javascript|ecmascript)$/.test(type)) {
        return name + ' 的类型（Content-Type）是“' + (type || '未给出') + '”，浏览器只把 JavaScript 类型的文件当作模块脚本运行：请让服务器以 text/javascript 提供 .js 文件（' + url + '）';
      }
      var subtle = window.crypto && window.crypto.subtle;
      var hash = /^sha(256|384|512)-(.+)$/.exec(sri);
      if (!subtle || !hash) return name + ' 的完整性校验（SRI）未通过，或文件未能运行：' + explain(error) + '（' + url + '）';
      return r.arrayBuffer().then(function (body) {
        return subtle.digest('SHA-' + hash[1], body);
      }).then(function (digest) {
        var bytes = new Uint8Array(digest), text = '';
        for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
        if (btoa(text) !== hash[2]) return name + ' 的完整性校验（SRI）未通过：文件与发布时不同（' + url + '）';
        return ran();
      });
    }, function (e) {
      return name + ' 无法下载：' + (e && e.message ? e.message : String(e)) + '（' + url + '）';
    }).then(function (cause) {
      var err = new Error(cause);
      err.cause = error;
      return Promise.reject(err);
    });
  }

  // A browser's message, where a webmaster can act on it, in words that say what to do.
  function explain(error) {
    var text = error && error.message ? error.message : String(error);
    if (/WebAssembly/.test(text) && /Content.Security.Policy/i.test(text)) {
      return "页面的内容安全策略（CSP）不允许运行 WebAssembly：请在 script-src 中加入 'wasm-unsafe-eval'。只需这一项，它只允许 WebAssembly；不要为此加入 'unsafe-eval'（那会允许执行任意代码）。浏览器原文：" + text;
    }
    if (/Trusted(HTML|Script|ScriptURL)|[Tt]rusted [Tt]ypes/.test(text)) {
      return "页面强制使用 Trusted Types（CSP 的 require-trusted-types-for 'script'），阅读器的界面框架需要设置 innerHTML，在这样的页面上无法运行；报告原文链接照常显示。浏览器原文：" + text;
    }
    if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError && /unreachable/.test(text)) {
      return '阅读器内部出错，已停止运行：原因见控制台上前一条 [report-viewer] 消息（panicked at …）';
    }
    return text;
  }

  var failed = false;
  function fail(error) {
    var message = '报告查看器未能加载：' + (error && error.cause ? error.message : explain(error));
    if (!failed && window.console) console.error('[report-viewer] ' + message, error && error.cause ? error.cause : '');
    failed = true;
    var hosts = document.querySelectorAll('[data-report-viewer], report-viewer');
    // A container the viewer has already said more about (its panic hook) keeps that message.
    for (var i = 0; i < hosts.length; i++) if (!hosts[i].hasAttribute('data-rv-error')) hosts[i].setAttribute('data-rv-error', message);
    return Promise.reject(error);
  }

  var ready;
  var memory;
  function load() {
    if (ready) return ready;
    // A page whose scripts broke the browser's own objects (fetch throwing at once…) gets the
    // same message as any failure, never an uncaught error.
    try { ready = start(); } catch (e) { ready = fail(e); }
    // Handled here (recorded on the containers and the console, once): no unhandled rejection
    // on the host page. Callers of ReportViewer.ready() still see the failure.
    ready.catch(function () {});
    return ready;
  }

  function start() {
    choose();
    if (typeof WebAssembly !== 'object') {
      return fail(new Error('此浏览器不支持 WebAssembly，请使用页面中的“查看报告全文”链接'));
    }
    preload();
    preloadReports();
    // The wasm download starts now, beside the core script's, not after it has run.
    var init = fetchInit();
    if (WASM_SRI.indexOf('sha') === 0) init.integrity = WASM_SRI;
    var wasm = fetch(wasmUrl, init).then(function (r) {
      if (!r.ok) return diagnose(wasmUrl, new Error('HTTP ' + r.status), WASM_SRI, false);
      return r;
    }, function (e) { return diagnose(wasmUrl, e, WASM_SRI, false); });
    // Observed below through the core's init; if the core script itself fails, its failure is
    // the one reported.
    wasm.catch(function () {});
    return import(coreUrl).catch(function (e) { return diagnose(coreUrl, e, CORE_SRI, true); }).then(function (core) {
      return (showsReport ? afterPaint() : Promise.resolve()).then(function () {
        return core.default({ module_or_path: wasm });
      });
    }).then(function (wasm) {
      memory = wasm && wasm.memory;
      return wasm;
    }).catch(fail);
  }

  var api = {
    version: VERSION,
    config: config,
    /** Resolves once the viewer runs; widgets mount by themselves, later ones too. */
    ready: function () { return load(); },
    /** Bytes of WebAssembly memory in use (for benchmarks and diagnostics). */
    memoryBytes: function () { return memory ? memory.buffer.byteLength : 0; },
  };
  Object.defineProperty(window, '__reportViewer', { value: api, configurable: true });
  if (!taken) window.ReportViewer = api;
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', load, { once: true });
  } else {
    load();
  }
})();
