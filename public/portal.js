// The portal adds a third widget after the page has loaded, as CMS scripts do.
window.addEventListener('load', function () {
  setTimeout(function () {
    var host = document.createElement('report-viewer');
    host.setAttribute('src', 'reports/sample-2019.json');
    host.setAttribute('data-lang', 'en');
    host.setAttribute('data-theme-color', '#8a1c1c');
    host.setAttribute('data-save', 'off');
    var link = document.createElement('a');
    link.href = 'reports/sample-2019.json';
    link.textContent = '查看报告全文';
    host.appendChild(link);
    document.getElementById('later-widgets').appendChild(host);
  }, 300);
});
