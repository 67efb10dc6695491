// azflows interactive view loader: runs view.wasm (the ebiten chart, see wasm/) with Go's
// wasm_exec.js, and tells the parent page {type: "azflows:error", message} when it cannot.
// The wasm itself posts azflows:ready / azflows:hover and keeps window.azflowsView current.
(function () {
  'use strict';
  // The names of the messages and the files the view loads, written by the build (site.ViewConfig).
  var config = JSON.parse(document.getElementById('azflows-view-config').textContent);
  var MSG = config.messages;

  // ebiten takes the whole body; white until the first frame is drawn. Set here rather than
  // in a style element so that the page needs no inline style or script.
  var root = document.documentElement.style;
  root.margin = '0';
  root.background = '#ffffff';
  root.height = '100%';

  // Keys: the wasm decides which are the chart's (the walk over its marks) and posts the rest,
  // the presentation clickers' among them, to the page as azflows:key (wasm/keys.go).

  // In the single-file azflows.html the page hands over the wasm and the base map (see
  // web/offline.js): a page opened from a file cannot fetch them. Its srcdoc frame has no hash
  // of its own; the state the view starts from is in the frame element.
  var offline = null;
  try {
    if (window.parent !== window && window.parent.azflowsOffline && typeof window.parent.azflowsOffline.wasm === 'function') offline = window.parent.azflowsOffline;
  } catch (e) { offline = null; } // another origin's page: not ours
  if (offline && !location.hash && window.frameElement && window.frameElement.dataset.hash) {
    try { history.replaceState(null, '', '#' + window.frameElement.dataset.hash); } catch (e) { /* the view starts on the default state */ }
  }

  var failed = false;
  // fail tells the page, in plain words; detail (the browser's own error) goes to the console only.
  function fail(what, err, detail) {
    if (failed) return;
    failed = true;
    var msg = what + (err ? ': ' + String((err && err.message) || err).slice(0, 300) : '');
    try { console.error('azflows view: ' + msg + (detail ? ' (' + String((detail && detail.message) || detail).slice(0, 300) + ')' : '')); } catch (e) { /* no console */ }
    try { window.parent.postMessage({ type: MSG.error, message: msg }, '*'); } catch (e) { /* detached */ }
  }

  // warmUp runs the compiled program once in a worker (web/warmwasm.js) beside the view, so
  // that V8 compiles the functions of the start-up there and not on this thread, where each
  // first call would compile its function in the middle of the view's start (the module's
  // compiled code is shared with the worker). It resolves once the worker's program has
  // started its packages (the longest stretch, which the view's own start cannot interrupt,
  // is then compiled), or has failed, or after warmUpTimeout; the worker goes on warming the
  // rest of the start-up while the view starts. window.azflowsWarmUp says how it ended
  // ({state: 'running'|'done'|'failed'|'timeout'|'skipped', started, ms, message}: started
  // and ms after the warm-up began). Without Worker, or in a single file (whose policy allows
  // no worker), the view starts without it.
  var warmUpTimeout = 10000;
  window.azflowsWarmUp = { state: 'pending' };
  function warmUp(module) {
    var w = config.warmup;
    var t0 = Date.now();
    if (offline || !w || !w.worker || typeof window.Worker !== 'function') {
      window.azflowsWarmUp = { state: 'skipped' };
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var worker = null;
      var timer = null;
      var state = window.azflowsWarmUp = { state: 'running', started: -1, ms: -1, message: '' };
      function finish(how, message) {
        if (state.state !== 'running') return;
        clearTimeout(timer);
        if (worker) { try { worker.terminate(); } catch (e) { /* gone */ } }
        state.state = how;
        state.ms = Date.now() - t0;
        state.message = message ? String(message).slice(0, 300) : '';
        resolve();
      }
      try {
        worker = new window.Worker(w.worker);
      } catch (err) {
        finish('failed', (err && err.message) || err);
        return;
      }
      timer = setTimeout(function () { finish('timeout'); }, warmUpTimeout);
      worker.onmessage = function (ev) {
        var d = ev.data;
        if (d && d.started === true) {
          if (state.started < 0) state.started = Date.now() - t0;
          resolve();
          return;
        }
        finish(d && d.ok === true ? 'done' : 'failed', d && typeof d.message === 'string' ? d.message : '');
      };
      worker.onerror = function (ev) {
        if (ev && ev.preventDefault) ev.preventDefault(); // the view starts anyway: no error to report
        finish('failed', ev && ev.message);
      };
      try {
        worker.postMessage({
          module: module, wasmExec: w.wasmExec, arg: w.arg, hash: location.hash,
          width: window.innerWidth, height: window.innerHeight, fonts: window.azflowsFonts || null
        });
      } catch (err) {
        finish('failed', (err && err.message) || err);
      }
    });
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

    // progress tells the page how much of view.wasm has arrived, at most every 250 ms.
    var lastProgress = 0;
    function progress(loaded, total, force) {
      var now = Date.now();
      if (!force && now - lastProgress < 250) return;
      lastProgress = now;
      try { window.parent.postMessage({ type: MSG.progress, loaded: loaded, total: total }, '*'); } catch (e) { /* detached */ }
    }
    // counted passes the body through, counting its bytes; a new Response so that
    // instantiateStreaming still compiles while the bytes arrive.
    function counted(resp) {
      if (!resp.body || typeof resp.body.getReader !== 'function' || typeof ReadableStream !== 'function') return resp;
      // With Content-Encoding, Content-Length counts the compressed bytes, not those read here.
      var enc = resp.headers.get('Content-Encoding');
      var total = !enc || enc === 'identity' ? parseInt(resp.headers.get('Content-Length') || '0', 10) || 0 : 0;
      var reader = resp.body.getReader();
      var loaded = 0;
      progress(0, total, true);
      var body = new ReadableStream({
        pull: function (ctl) {
          return reader.read().then(function (r) {
            if (r.done) { progress(loaded, total, true); ctl.close(); return; }
            loaded += r.value.byteLength;
            progress(loaded, total, false);
            ctl.enqueue(r.value);
          });
        },
        cancel: function (why) { return reader.cancel(why); }
      });
      return new Response(body, { status: resp.status, headers: { 'Content-Type': 'application/wasm' } });
    }
    function plain(msg) { var e = new Error(msg); e.plain = true; return e; }
    function fetchWasm() {
      return fetch(config.wasm).then(function (resp) {
        if (resp.status === 404) throw plain('its program, view.wasm, is missing on the server (HTTP 404)');
        if (!resp.ok) throw plain('the server answered HTTP ' + resp.status + ' for its program, view.wasm');
        return counted(resp);
      }, function (err) { throw plain('its program, view.wasm, could not be downloaded (' + String((err && err.message) || err) + ')'); });
    }
    function compileBytes(buf) { return WebAssembly.compile(buf); }
    var compiling;
    if (offline) {
      compiling = offline.wasm().then(compileBytes, function (err) { throw plain('its program could not be unpacked from this file (' + String((err && err.message) || err) + ')'); });
    } else if (typeof WebAssembly.compileStreaming === 'function') {
      compiling = WebAssembly.compileStreaming(fetchWasm()).catch(function (err) {
        // A server that sends view.wasm with another MIME type: compile from the bytes.
        if (!err || err.plain || !(err instanceof TypeError)) throw err;
        return fetchWasm().then(function (r) { return r.arrayBuffer(); }).then(compileBytes);
      });
    } else {
      compiling = fetchWasm().then(function (r) { return r.arrayBuffer(); }).then(compileBytes);
    }
    compiling.then(function (module) {
      return fontsReady.then(function () { return warmUp(module); }).then(function () {
        return WebAssembly.instantiate(module, go.importObject);
      });
    }).then(function (instance) {
      // The program starts in a task of its own, not in the one that finished compiling it.
      return new Promise(function (resolve) { setTimeout(function () { resolve(instance); }, 0); });
    }).then(function (instance) {
      var running;
      try { running = go.run(instance); } catch (err) { fail('its program crashed', err); return; }
      running.then(function () {
        // The view never returns while it works. It reports its own errors (and marks
        // window.azflowsView.error); anything else that stops it is reported here.
        var v = window.azflowsView;
        if (!v || !v.error) fail('its program stopped' + (exitCode ? ' with exit code ' + exitCode : '') + ' before drawing');
      }, function (err) { fail('its program crashed', err); });
    }, function (err) {
      if (err && err.plain) fail(err.message);
      else if (err instanceof WebAssembly.CompileError) fail('its program, view.wasm, arrived damaged or incomplete', null, err);
      else if (err instanceof WebAssembly.LinkError) fail('its program, view.wasm, does not match its loader, wasm_exec.js', null, err);
      else fail('its program could not be loaded', err);
    });
  }

  // The map's base map (country shapes, see charts/geo), fetched beside view.wasm: the view
  // reads window.azflowsBaseMap ({text} or {error}) before it draws its first map frame; the
  // other views do not wait for it.
  window.azflowsBaseMap = { loading: true };
  try {
    (offline ? offline.text(config.basemap) : fetch(config.basemap).then(function (resp) {
      if (!resp.ok) throw new Error('HTTP ' + resp.status + ' for ' + config.basemap);
      return resp.text();
    })).then(function (text) { window.azflowsBaseMap = { text: text }; }, function (err) {
      window.azflowsBaseMap = { error: String((err && err.message) || err) };
    });
  } catch (err) {
    window.azflowsBaseMap = { error: String((err && err.message) || err) };
  }

  // The chart text's fonts (Noto Sans latin, latin-ext, cyrillic; see charts/fonts), fetched
  // beside view.wasm while it loads: the program starts once they have arrived or failed (it
  // then draws with its built-in Go fonts, which lack ə).
  // In a single file they come from the page (offline.js reads them back from its style), copied
  // into this frame's own Uint8Arrays, which Go's js.CopyBytesToGo needs.
  var fontsReady = offline ? offline.fonts().then(function (f) {
    var own = function (list) { return list.map(function (b) { return new Uint8Array(b); }); };
    if (f.regular.length && f.bold.length) window.azflowsFonts = { regular: own(f.regular), bold: own(f.bold) };
  }, function (err) {
    if (window.console) console.warn('azflows view: fonts: ' + String((err && err.message) || err));
  }) : Promise.all([config.fonts.regular, config.fonts.bold].map(function (files) {
    return Promise.all(files.map(function (f) {
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
