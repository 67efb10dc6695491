// azflows interactive view loader: runs view.wasm (the ebiten chart, see wasm/) with Go's
// wasm_exec.js, and tells the parent page {type: "azflows:error", message} when it cannot.
// The wasm itself posts azflows:ready / azflows:hover and keeps window.azflowsView current.
(function () {
  'use strict';

  // ebiten takes the whole body; white until the first frame is drawn. Set here rather than
  // in a style element so that the page needs no inline style or script.
  var root = document.documentElement.style;
  root.margin = '0';
  root.background = '#ffffff';
  root.height = '100%';

  // Presentation clickers send these keys; when the chart has focus, the page must still get
  // them to step through its story.
  var stepKeys = { ArrowRight: 1, ArrowLeft: 1, PageDown: 1, PageUp: 1, ' ': 1, Escape: 1 };
  window.addEventListener('keydown', function (ev) {
    if (stepKeys[ev.key] && window.parent !== window) {
      window.parent.postMessage({ type: 'azflows:key', key: ev.key }, '*');
    }
  });

  var failed = false;
  function fail(what, err) {
    if (failed) return;
    failed = true;
    var msg = what + (err ? ': ' + String((err && err.message) || err).slice(0, 300) : '');
    try { console.error('azflows view: ' + msg); } catch (e) { /* no console */ }
    try { window.parent.postMessage({ type: 'azflows:error', message: msg }, '*'); } catch (e) { /* detached */ }
  }

  function start() {
    if (document.body) {
      document.body.style.margin = '0';
      document.body.style.background = '#ffffff';
    }
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      fail('this browser has no WebAssembly');
      return;
    }
    if (typeof window.Go !== 'function') {
      fail('wasm_exec.js did not load');
      return;
    }
    var go = new window.Go();
    var exitCode = null;
    var exit = go.exit;
    go.exit = function (code) { exitCode = code; if (exit) exit.call(go, code); };

    function fetchWasm() {
      return fetch('view.wasm').then(function (resp) {
        if (!resp.ok) throw new Error('HTTP ' + resp.status + ' for view.wasm');
        return resp;
      });
    }
    // instantiateStreaming needs the application/wasm MIME type; fall back to the bytes.
    var loading;
    if (typeof WebAssembly.instantiateStreaming === 'function') {
      loading = WebAssembly.instantiateStreaming(fetchWasm(), go.importObject).catch(function (err) {
        if (err && /HTTP \d+/.test(String(err.message))) throw err;
        return fetchWasm().then(function (r) { return r.arrayBuffer(); })
          .then(function (buf) { return WebAssembly.instantiate(buf, go.importObject); });
      });
    } else {
      loading = fetchWasm().then(function (r) { return r.arrayBuffer(); })
        .then(function (buf) { return WebAssembly.instantiate(buf, go.importObject); });
    }
    loading.then(function (result) { return fontsReady.then(function () { return result; }); }).then(function (result) {
      var running;
      try { running = go.run(result.instance); } catch (err) { fail('the view crashed', err); return; }
      running.then(function () {
        // The view never returns while it works. It reports its own errors (and marks
        // window.azflowsView.error); anything else that stops it is reported here.
        var v = window.azflowsView;
        if (!v || !v.error) fail('the view stopped' + (exitCode ? ' (exit code ' + exitCode + ')' : ''));
      }, function (err) { fail('the view crashed', err); });
    }, function (err) { fail('could not load view.wasm', err); });
  }

  // The map's base map (country shapes, see charts/geo), fetched beside view.wasm: the view
  // reads window.azflowsBaseMap ({text} or {error}) before it draws its first map frame; the
  // other views do not wait for it.
  window.azflowsBaseMap = { loading: true };
  try {
    fetch('basemap.json').then(function (resp) {
      if (!resp.ok) throw new Error('HTTP ' + resp.status + ' for basemap.json');
      return resp.text();
    }).then(function (text) { window.azflowsBaseMap = { text: text }; }, function (err) {
      window.azflowsBaseMap = { error: String((err && err.message) || err) };
    });
  } catch (err) {
    window.azflowsBaseMap = { error: String((err && err.message) || err) };
  }

  // The chart text's fonts (Noto Sans latin, latin-ext, cyrillic; see charts/fonts), fetched
  // beside view.wasm while it loads: the program starts once they have arrived or failed (it
  // then draws with its built-in Go fonts, which lack ə).
  var fontsReady = Promise.all([400, 700].map(function (w) {
    return Promise.all(['latin', 'latin-ext', 'cyrillic'].map(function (s) {
      var f = 'fonts/noto-sans-' + s + '-' + w + '-normal.woff';
      return fetch(f).then(function (resp) {
        if (!resp.ok) throw new Error('HTTP ' + resp.status + ' for ' + f);
        return resp.arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); });
    }));
  })).then(function (ws) { window.azflowsFonts = { regular: ws[0], bold: ws[1] }; }, function (err) {
    if (window.console) console.warn('azflows view: fonts: ' + String((err && err.message) || err));
  });

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
