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

  // Why a file failed: asked again without integrity, so a 404 is named a 404 and only a file
  // that arrived changed is named an integrity failure.
  function diagnose(url, error) {
    var name = url.split('/').pop();
    var init = fetchInit();
    init.cache = 'no-store';
    return fetch(url, init).then(function (r) {
      if (!r.ok) return name + ' 返回 HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : '') + '（' + url + '）';
      return name + ' 的完整性校验（SRI）未通过：文件与发布时不同（' + url + '）';
    }, function (e) {
      return name + ' 无法下载：' + (e && e.message ? e.message : String(e)) + '（' + url + '）';
    }).then(function (cause) {
      var err = new Error(cause);
      err.cause = error;
      return Promise.reject(err);
    });
  }

  var failed = false;
  function fail(error) {
    var message = '报告查看器未能加载：' + (error && error.message ? error.message : String(error));
    if (!failed && window.console) console.error('[report-viewer] ' + message, error && error.cause ? error.cause : '');
    failed = true;
    var hosts = document.querySelectorAll('[data-report-viewer], report-viewer');
    for (var i = 0; i < hosts.length; i++) hosts[i].setAttribute('data-rv-error', message);
    return Promise.reject(error);
  }

  var ready;
  var memory;
  function load() {
    if (ready) return ready;
    choose();
    if (typeof WebAssembly !== 'object') {
      ready = fail(new Error('此浏览器不支持 WebAssembly，请使用页面中的“查看报告全文”链接'));
      return ready;
    }
    preload();
    preloadReports();
    // The wasm download starts now, beside the core script's, not after it has run.
    var init = fetchInit();
    if (WASM_SRI.indexOf('sha') === 0) init.integrity = WASM_SRI;
    var wasm = fetch(wasmUrl, init).then(function (r) {
      if (!r.ok) return diagnose(wasmUrl, new Error('HTTP ' + r.status));
      return r;
    }, function (e) { return diagnose(wasmUrl, e); });
    // Observed below through the core's init; if the core script itself fails, its failure is
    // the one reported.
    wasm.catch(function () {});
    ready = import(coreUrl).catch(function (e) { return diagnose(coreUrl, e); }).then(function (core) {
      return (showsReport ? afterPaint() : Promise.resolve()).then(function () {
        return core.default({ module_or_path: wasm });
      });
    }).then(function (wasm) {
      memory = wasm && wasm.memory;
      return wasm;
    }).catch(fail);
    // Handled here (recorded on the containers and the console, once): no unhandled rejection
    // on the host page. Callers of ReportViewer.ready() still see the failure.
    ready.catch(function () {});
    return ready;
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
