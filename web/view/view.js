// azflows interactive view loader: runs view.wasm (the ebiten chart, see wasm/) with Go's
// wasm_exec.js, and tells the parent page {type: "azflows:error", message} when it cannot.
// The wasm itself posts azflows:ready / azflows:hover and keeps window.azflowsView current.
//
// Where the browser can, the program runs in a dedicated worker (web/view/viewhost.js) that draws
// on this frame's canvas through an OffscreenCanvas, so that nothing of its start runs on this
// thread: this script then only fetches the fonts and the base map and hands them over (the
// worker fetches view.wasm itself), forwards the DOM events the program listens to, and
// mirrors what it reports (azflowsView, the frame gate's state, the cursor, its messages to
// the page, how much of view.wasm has arrived). Elsewhere (no OffscreenCanvas, no
// WebGL 2 or animation frames in a worker, a single file, whose policy allows no worker) it
// runs on this thread as before. window.azflowsViewMode says which: {mode: 'worker'|'main', why}.
(function () {
  'use strict';
  // The names of the messages and the files the view loads, written by the build (site.ViewConfig).
  var config = JSON.parse(document.getElementById('azflows-view-config').textContent);
  var MSG = config.messages;
  // The protocol with the view's worker (site/host.go): the messages' types (PM), the kinds of
  // failure it reports (PF), the targets (PT) and sources (PS) of the events forwarded to it,
  // and the reasons the view could not start (PR), the codes the page's notice says in words.
  var P = config.host.protocol, PM = P.messages, PF = P.fails, PT = P.targets, PS = P.sources, PR = P.reasons;
  // The keys the view routes (site/keys.go): prevented wherever in the frame they are pressed.
  var KEYS = config.keys;

  // window.azflowsViewStats() resolves to {memory, marks} for tools/cmd/bench and the tests: memory
  // is the byte length of the program's WebAssembly memory (null before it runs), marks the
  // start-up's milestones, {name, at} with at in ms since the epoch (performance.timeOrigin +
  // the mark's time), of this frame (frame-…), of the view's worker (host-…, web/view/viewhost.js)
  // and of the program (go-…, charts/ebiten/marks_js.go). It is the one way in to the worker's figures.
  var MARK = config.marks; // the marks' prefix (site.MarkPrefix)
  function mark(name) { try { performance.mark(MARK + name); } catch (e) { /* no marks */ } }
  function marksHere() {
    var out = [];
    try {
      performance.getEntriesByType('mark').forEach(function (m) {
        if (m.name.indexOf(MARK) === 0) out.push({ name: m.name.slice(MARK.length), at: performance.timeOrigin + m.startTime });
      });
    } catch (e) { /* no marks */ }
    return out;
  }
  var instanceHere = null; // the program's instance, where it runs on this thread
  function statsHere() {
    var mem = instanceHere && instanceHere.exports && instanceHere.exports.mem;
    return { memory: mem && mem.buffer ? mem.buffer.byteLength : null, marks: marksHere() };
  }
  var askWorker = null; // set while the program runs in the worker: returns a Promise of its stats
  window.azflowsViewStats = function () {
    if (!askWorker) return Promise.resolve(statsHere());
    return askWorker().then(function (w) {
      return { memory: w.memory, marks: marksHere().concat(w.marks || []) };
    });
  };
  mark('frame-start');

  // ebiten takes the whole body; white until the first frame is drawn. Set here rather than
  // in a style element so that the page needs no inline style or script.
  var root = document.documentElement.style;
  root.margin = '0';
  root.background = '#ffffff';
  root.height = '100%';

  // Sharp when a host scales the frame (a reveal.js deck at 1080p shows it 1.44 times its CSS
  // size): the page passes on the host's scale ({type: MSG.viewscale, scale}, measured by
  // web/page/embed.js), and the frame's devicePixelRatio, which the program sizes its canvas
  // by, counts it. The program reads it once, as it starts; this listener, in the capture
  // phase and first, sets it before the worker hears of the message (with the frame's env).
  var hostScale = 1;
  // tells the program: a resize (ebiten sizes its canvas then), or the view's worker
  var rescaled = function () { try { window.dispatchEvent(new Event('resize')); } catch (e) { /* old engine */ } };
  (function () {
    var own = null;
    for (var o = window; o && !own; o = Object.getPrototypeOf(o)) own = Object.getOwnPropertyDescriptor(o, 'devicePixelRatio');
    if (!own || !own.get) return;
    try {
      Object.defineProperty(window, 'devicePixelRatio', { configurable: true, enumerable: true, get: function () { return (own.get.call(window) || 1) * hostScale; } });
    } catch (e) { return; } // the frame draws at its own ratio
    window.addEventListener('message', function (ev) {
      var m = ev.data;
      if (ev.source !== window.parent || !(m && typeof m === 'object' && m.type === MSG.viewscale)) return;
      var s = Number(m.scale);
      hostScale = isFinite(s) ? Math.min(4, Math.max(1, s)) : 1;
      rescaled();
    }, true);
  })();

  // What a screen reader says of the chart, from the page ({type: MSG.label, name,
  // description, lang}; site.StateFiles): on the canvas, the element that has the focus, an
  // application named by the chart's view and year and described by what it shows and its
  // keys, in a box that is an application too. The box is what makes Orca (43) speak the
  // canvas when Tab enters the frame (it names the focus inside a web application, where it
  // keeps quiet about a focus that changes documents) and hand it the arrow keys without
  // Orca+A (an application with content of its own is a focus-mode widget: the canvas holds
  // its description as text, which only assistive technology sees). The frame's language
  // and title follow. tools/e2e/orca_test.go listens to Orca.
  var label = null;
  function speakable() {
    if (!label) return;
    if (label.lang) document.documentElement.lang = label.lang;
    document.title = label.name;
    var canvas = document.querySelector('canvas'); // this frame's one canvas (here or ebiten's)
    if (!canvas) return;
    var app = canvas.parentElement;
    if (app === document.body) app = wrap(canvas); // ebiten's own canvas, on this thread
    if (app) {
      app.setAttribute('role', 'application');
      app.setAttribute('aria-label', label.name);
      if (label.lang) app.setAttribute('lang', label.lang);
    }
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', label.name);
    if (label.lang) canvas.setAttribute('lang', label.lang);
    canvas.setAttribute('aria-description', label.description);
    var inner = canvas.firstElementChild;
    if (!inner) { inner = document.createElement('p'); canvas.appendChild(inner); }
    inner.textContent = label.description;
  }
  // wrap puts the canvas into a box of its own, the whole body, and returns the box.
  function wrap(canvas) {
    var app = document.createElement('div');
    var st = app.style;
    st.width = '100%'; st.height = '100%'; st.margin = '0'; st.padding = '0';
    var focused = document.activeElement === canvas;
    if (canvas.parentNode) canvas.parentNode.insertBefore(app, canvas);
    else document.body.appendChild(app);
    app.appendChild(canvas);
    if (focused) canvas.focus();
    return app;
  }
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (ev.source !== window.parent || !(m && typeof m === 'object' && m.type === MSG.label)) return;
    if (typeof m.name !== 'string' || typeof m.description !== 'string') return;
    label = { name: m.name, description: m.description, lang: typeof m.lang === 'string' ? m.lang : '' };
    speakable();
  });

  // Keys: the wasm decides which are the chart's (the walk over its marks) and posts the rest,
  // the presentation clickers' among them, to the page as azflows:key (charts/ebiten/keys.go).

  // In the single-file azflows.html the page hands over the wasm and the base map (see
  // web/page/offline.js): a page opened from a file cannot fetch them. Its srcdoc frame has no hash
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
  // REASONS are why the view could not start, in English, by the code it sends the page with
  // them (site.ViewConfig.Reasons, the page's catalog's English): the page shows the code's
  // words in its own language (the catalog's notice.reason.<code>, {1} the detail).
  var REASONS = config.reasons || {};
  function fail(code, arg, err, detail) {
    if (failed) return;
    failed = true;
    var what = (REASONS[code] || REASONS.load).replace('{1}', String(arg === undefined ? '' : arg));
    var msg = what + (err ? ': ' + String((err && err.message) || err).slice(0, 300) : '');
    try { console.error('azflows view: ' + msg + (detail ? ' (' + String((detail && detail.message) || detail).slice(0, 300) + ')' : '')); } catch (e) { /* no console */ }
    try { window.parent.postMessage({ type: MSG.error, message: msg, reason: code, arg: arg === undefined ? '' : String(arg) }, '*'); } catch (e) { /* detached */ }
  }

  // progress tells the page how much of view.wasm has arrived, at most every 250 ms.
  var lastProgress = 0;
  function progress(loaded, total, force, wire) {
    var now = Date.now();
    if (!force && now - lastProgress < 250) return;
    lastProgress = now;
    try { window.parent.postMessage({ type: MSG.progress, loaded: loaded, total: total, wire: wire || wireBytes }, '*'); } catch (e) { /* detached */ }
  }
  // totalOf is the size the response announces, when it counts the bytes read here (with
  // Content-Encoding, Content-Length counts the compressed bytes).
  function totalOf(resp) {
    var enc = resp.headers.get('Content-Encoding');
    return !enc || enc === 'identity' ? parseInt(resp.headers.get('Content-Length') || '0', 10) || 0 : 0;
  }
  // wireOf is the compressed size the response announces (0 without one): the bytes that travel,
  // for the page's notice (web/page/app.js), where the bytes read here are the decoded ones.
  var wireBytes = 0;
  function wireOf(resp) {
    var enc = resp.headers.get('Content-Encoding');
    return enc && enc !== 'identity' ? parseInt(resp.headers.get('Content-Length') || '0', 10) || 0 : 0;
  }
  function plain(code, arg) { var e = new Error((REASONS[code] || '').replace('{1}', String(arg === undefined ? '' : arg))); e.plain = true; e.code = code; e.arg = arg; return e; }
  // notFetched is why view.wasm did not arrive, in the page's words: here, and where the
  // view's worker fetched it (web/view/viewhost.js sends a fail of the kind PF.fetch, with why).
  // why is PR.missing (HTTP 404), PR.status (detail: another HTTP status) or PR.download
  // (detail: what the browser said).
  function notFetched(why, detail) {
    if (why === PR.missing) return plain(PR.missing);
    if (why === PR.status) return plain(PR.status, detail);
    return plain(PR.download, detail);
  }
  function fetchWasm() {
    return fetch(config.wasm).then(function (resp) {
      if (resp.status === 404) throw notFetched(PR.missing);
      if (!resp.ok) throw notFetched(PR.status, resp.status);
      return resp;
    }, function (err) { throw notFetched(PR.download, String((err && err.message) || err)); });
  }
  // failWith reports what stopped the program from loading, in the page's words: err a plain
  // error (plain) says so itself; otherwise kind, one of the worker's kinds of failure (PF),
  // says which.
  function failWith(kind, err) {
    if (err && err.plain) fail(err.code, err.arg);
    else if (kind === PF.damaged) fail(PR.damaged, undefined, null, err);
    else if (kind === PF.link) fail(PR.link, undefined, null, err);
    else if (kind === PF.crash) fail(PR.crash, undefined, err);
    else fail(PR.load, undefined, err);
  }
  // failKind is the kind of failure (PF) of an error of the compile or the download.
  function failKind(err) {
    if (err instanceof WebAssembly.CompileError) return PF.damaged;
    if (err instanceof WebAssembly.LinkError) return PF.link;
    return PF.load;
  }

  window.azflowsViewMode = { mode: 'pending', why: '' };
  function start() {
    if (document.body) {
      document.body.style.margin = '0';
      document.body.style.background = '#ffffff';
    }
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      fail(PR.nowasm);
      return;
    }
    var why = workerless();
    if (why) runHere(why);
    else runInWorker();
  }

  // workerless says why the view cannot run in a worker here ('' when it can).
  function workerless() {
    if (offline) return 'a single file, whose policy allows no worker';
    if (!config.host || !config.host.worker) return 'no worker in the config';
    if (typeof window.Worker !== 'function') return 'no Worker';
    if (typeof window.OffscreenCanvas !== 'function' || typeof HTMLCanvasElement !== 'function' ||
      typeof HTMLCanvasElement.prototype.transferControlToOffscreen !== 'function') return 'no OffscreenCanvas';
    if (!document.body) return 'no body';
    return '';
  }

  // runHere runs the program on this thread.
  function runHere(why) {
    window.azflowsViewMode = { mode: 'main', why: why };
    if (typeof window.Go !== 'function') {
      fail(PR.noexec);
      return;
    }
    var go = new window.Go();
    var exitCode = null;
    var exit = go.exit;
    go.exit = function (code) { exitCode = code; if (exit) exit.call(go, code); };

    // counted passes the body through, counting its bytes; a new Response so that
    // instantiateStreaming still compiles while the bytes arrive.
    function counted(resp) {
      if (!resp.body || typeof resp.body.getReader !== 'function' || typeof ReadableStream !== 'function') return resp;
      var total = totalOf(resp);
      wireBytes = wireOf(resp);
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
    function fetchCounted() { return fetchWasm().then(counted); }
    function compileBytes(buf) { return WebAssembly.compile(buf); }
    var compiling;
    if (offline) {
      compiling = offline.wasm().then(compileBytes, function (err) { throw plain(PR.unpack, String((err && err.message) || err).slice(0, 200)); });
    } else if (typeof WebAssembly.compileStreaming === 'function') {
      compiling = WebAssembly.compileStreaming(fetchCounted()).catch(function (err) {
        // A server that sends view.wasm with another MIME type: compile from the bytes.
        if (!err || err.plain || !(err instanceof TypeError)) throw err;
        return fetchCounted().then(function (r) { return r.arrayBuffer(); }).then(compileBytes);
      });
    } else {
      compiling = fetchCounted().then(function (r) { return r.arrayBuffer(); }).then(compileBytes);
    }
    compiling.then(function (module) {
      return fontsReady.then(function () { return WebAssembly.instantiate(module, go.importObject); });
    }).then(function (instance) {
      // The program starts in a task of its own, not in the one that finished compiling it.
      return new Promise(function (resolve) { setTimeout(function () { resolve(instance); }, 0); });
    }).then(function (instance) {
      instanceHere = instance;
      var running;
      try { running = go.run(instance); } catch (err) { fail(PR.crash, undefined, err); return; }
      running.then(function () {
        // The view never returns while it works. It reports its own errors (and marks
        // window.azflowsView.error); anything else that stops it is reported here.
        var v = window.azflowsView;
        if (!v || !v.error) fail(exitCode ? PR.exit : PR.stopped, exitCode || undefined);
      }, function (err) { fail(PR.crash, undefined, err); });
    }, function (err) { failWith(failKind(err), err); });
  }

  // runInWorker starts the view's worker (web/view/viewhost.js) on a canvas of this frame, and runs
  // the program there once the worker has found that it can draw (WebGL 2 on the transferred
  // canvas, animation frames); otherwise the view runs here (a canvas whose control was
  // transferred cannot be used again: ebiten makes its own).
  function runInWorker() {
    var canvas = document.createElement('canvas');
    // Styled as ebiten styles its own (internal/ui/ui_js.go): the whole body, focusable.
    var cs = canvas.style;
    cs.width = '100%'; cs.height = '100%'; cs.margin = '0'; cs.padding = '0'; cs.display = 'block'; cs.outline = 'none';
    canvas.setAttribute('tabindex', '1');
    // Transparent until the worker's picture is on the screen: the page's static chart beneath
    // the frame shows until then, and wherever the compositor has dropped that picture (a
    // canvas drawn in a worker reaches the screen on its own, after the ready message at times).
    root.background = 'transparent';
    document.body.style.background = 'transparent';
    root.padding = '0';
    document.body.style.height = '100%';
    document.body.style.padding = '0';
    var app = wrap(canvas);
    speakable();
    var worker, offscreen;
    try {
      offscreen = canvas.transferControlToOffscreen();
      worker = new window.Worker(config.host.worker);
      mark('frame-worker');
    } catch (err) {
      document.body.removeChild(app);
      runHere('the worker could not start (' + String((err && err.message) || err).slice(0, 200) + ')');
      return;
    }
    var probed = false; // the worker can draw
    var gone = false; // the worker path was given up
    var pending = []; // [message, transfer] until the worker can draw
    function toWorker(m, transfer) {
      if (gone) return;
      if (!probed) { pending.push([m, transfer]); return; }
      try { worker.postMessage(m, transfer || []); } catch (e) { /* the worker is gone */ }
    }
    rescaled = function () { toWorker({ t: PM.env, env: env() }); };
    function giveUp(why) {
      if (gone) return;
      gone = true;
      askWorker = null;
      try { worker.terminate(); } catch (e) { /* gone */ }
      if (app.parentNode) app.parentNode.removeChild(app);
      root.background = '#ffffff';
      document.body.style.background = '#ffffff';
      runHere(why);
    }
    // The tests and tools/cmd/bench read the gate of the frames that run, the worker's.
    function mirrorGate() {
      window.azflowsFrameGate = {
        idle: function () { /* the worker's program tells its own gate */ },
        parked: function () { return gateState.parked; },
        fired: function () { return gateState.fired; },
        // the worker's frame count when the program set the state azflowsView now shows
        firedAtView: function () { return viewAt; },
        isIdle: function () { return !!gateState.idle; }
      };
    }
    var stopped = false; // the program failed: nothing more to relay
    function env() {
      var mq = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)');
      return {
        w: document.body.clientWidth, h: document.body.clientHeight, dpr: window.devicePixelRatio || 1,
        hidden: !!document.hidden, focus: document.hasFocus(), hash: location.hash,
        inIframe: window.parent !== window, screenW: screen.width, screenH: screen.height,
        reducedMotion: !!(mq && mq.matches)
      };
    }

    // What the worker says.
    var gateState = { idle: false, parked: 0, fired: 0 };
    var viewAt = 0;
    var statsAsked = 0;
    var statsWaiting = {}; // id → resolve, of the stats asked for and not yet answered
    worker.onmessage = function (m) {
      var d = m.data || {};
      switch (d.t) {
        case PM.probe:
          if (!d.ok) { giveUp(String(d.why || 'the worker cannot draw')); return; }
          mark('frame-probe');
          window.azflowsViewMode = { mode: 'worker', why: '' };
          askWorker = function () {
            return new Promise(function (resolve, reject) {
              var id = ++statsAsked;
              statsWaiting[id] = resolve;
              setTimeout(function () { if (statsWaiting[id]) { delete statsWaiting[id]; reject(new Error('the view\'s worker did not answer')); } }, 5000);
              try { worker.postMessage({ t: PM.askStats, id: id }); } catch (e) { delete statsWaiting[id]; reject(e); }
            });
          };
          mirrorGate();
          probed = true;
          listen();
          var list = pending;
          pending = [];
          for (var i = 0; i < list.length; i++) toWorker(list[i][0], list[i][1]);
          if (baseMapSent) window.azflowsBaseMap = null; // the worker has it
          return;
        case PM.parent:
          if (d.data && d.data.type === MSG.ready) mark('frame-ready');
          try { window.parent.postMessage(d.data, '*'); } catch (e) { /* detached */ }
          return;
        case PM.view:
          viewAt = d.at || 0;
          window.azflowsView = d.v;
          return;
        case PM.stats: {
          var answer = statsWaiting[d.id];
          delete statsWaiting[d.id];
          if (answer) answer(d.stats || {});
          return;
        }
        case PM.gate:
          gateState = d.g;
          return;
        case PM.cursor:
          canvas.style.cursor = d.value;
          return;
        case PM.focus:
          canvas.focus();
          return;
        case PM.reload:
          location.reload();
          return;
        case PM.progress:
          progress(d.loaded, d.total, true, d.wire); // the worker sends it at most every 250 ms
          return;
        case PM.fail:
          stopped = true;
          if (d.kind === PF.fetch) failWith(PF.fetch, notFetched(String(d.why), String(d.message)));
          else if (d.kind === PF.stopped) fail(d.code ? PR.exit : PR.stopped, d.code || undefined);
          else failWith(d.kind, d.message);
      }
    };
    worker.onerror = function (ev) {
      if (ev && ev.preventDefault) ev.preventDefault();
      var msg = String((ev && ev.message) || 'the worker failed');
      if (!probed) giveUp('the worker failed (' + msg.slice(0, 200) + ')');
      else if (!stopped) { stopped = true; fail(PR.crash, undefined, msg); }
    };
    try {
      // The worker fetches the program itself (web/view/viewhost.js): its body is then decoded, and
      // its chunks' buffers collected, on the worker's thread, not on this one.
      worker.postMessage({ t: PM.init, canvas: offscreen, env: env(), config: config.host, marks: MARK, wasm: new URL(config.wasm, location.href).href }, [offscreen]);
    } catch (err) {
      giveUp('the canvas could not be handed to the worker (' + String((err && err.message) || err).slice(0, 200) + ')');
      return;
    }

    fontsReady.then(function () {
      var f = window.azflowsFonts;
      var transfer = [];
      if (f) [f.regular, f.bold].forEach(function (l) { l.forEach(function (a) { if (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) transfer.push(a.buffer); }); });
      toWorker({ t: PM.fonts, fonts: f || null }, transfer);
    });
    // The frame keeps the base map until the worker has it (where the worker cannot draw, the
    // view reads it here).
    var baseMapSent = false;
    baseMapReady.then(function () {
      if (gone) return;
      baseMapSent = true;
      toWorker({ t: PM.basemap, value: window.azflowsBaseMap });
      if (probed) window.azflowsBaseMap = null;
    });

    // The DOM events the program listens to (ebiten on its canvas and window; charts/ebiten/main_js.go
    // on window, document and documentElement; the frame gate on window and document), seen
    // here in the capture phase on window, before anything else, and sent to the worker,
    // which dispatches them along the same path.
    function listen() {
      var types = ['keydown', 'keyup', 'mousedown', 'mouseup', 'mousemove', 'mouseout', 'mouseleave', 'wheel',
        'pointerdown', 'pointerup', 'pointermove', 'pointerleave', 'pointercancel',
        'touchstart', 'touchmove', 'touchend', 'touchcancel', 'contextmenu',
        'focus', 'blur', 'resize', 'message', 'hashchange', 'visibilitychange'];
      // Those that can change what env() reports.
      var withEnv = { focus: 1, blur: 1, resize: 1, message: 1, hashchange: 1, visibilitychange: 1, pointerdown: 1, keydown: 1, mousedown: 1 };
      function where(t) {
        if (t === canvas) return PT.canvas;
        if (t === window) return PT.window;
        if (t === document) return PT.document;
        if (t === document.documentElement) return PT.root;
        return PT.body;
      }
      function touches(l) {
        var out = [];
        for (var i = 0; l && i < l.length; i++) out.push({ identifier: l[i].identifier, clientX: l[i].clientX, clientY: l[i].clientY });
        return out;
      }
      function forward(ev) {
        if (stopped) return;
        var target = where(ev.target);
        if (ev.type === 'mouseleave' && target !== PT.root) return; // only the document's own
        var e = { type: ev.type, target: target, bubbles: !!ev.bubbles, timeStamp: ev.timeStamp };
        if ('key' in ev) {
          e.key = ev.key; e.code = ev.code; e.repeat = !!ev.repeat;
        }
        if ('altKey' in ev) {
          e.altKey = !!ev.altKey; e.ctrlKey = !!ev.ctrlKey; e.metaKey = !!ev.metaKey; e.shiftKey = !!ev.shiftKey;
        }
        if ('clientX' in ev) {
          e.clientX = ev.clientX; e.clientY = ev.clientY; e.button = ev.button; e.buttons = ev.buttons;
          e.movementX = ev.movementX || 0; e.movementY = ev.movementY || 0;
        }
        if ('pointerType' in ev) { e.pointerType = ev.pointerType; e.isPrimary = !!ev.isPrimary; e.pointerId = ev.pointerId; }
        if ('deltaX' in ev) { e.deltaX = ev.deltaX; e.deltaY = ev.deltaY; e.deltaZ = ev.deltaZ; e.deltaMode = ev.deltaMode; }
        if ('targetTouches' in ev) { e.targetTouches = touches(ev.targetTouches); e.changedTouches = touches(ev.changedTouches); e.touches = touches(ev.touches); }
        if (ev.type === 'message') {
          // charts/ebiten/main_js.go takes states only from the parent page (or this frame): the worker
          // gives it the source as one of those, or as some other window.
          e.from = ev.source === window.parent ? PS.parent : ev.source === window ? PS.self : PS.other;
          e.origin = ev.origin;
          e.data = ev.data;
        }
        var m = { t: PM.event, e: e };
        if (withEnv[ev.type]) m.env = env();
        try { worker.postMessage(m); } catch (err) {
          if (ev.type !== 'message') return;
          e.data = null; // not cloneable (a port, say): the program takes no such message
          try { worker.postMessage(m); } catch (err2) { /* the worker is gone */ }
        }
      }
      types.forEach(function (type) {
        window.addEventListener(type, forward, { capture: true, passive: true });
      });
      if (window.matchMedia) {
        var mq = window.matchMedia('(prefers-reduced-motion: reduce)');
        if (mq && mq.addEventListener) mq.addEventListener('change', function () { toWorker({ t: PM.env, env: env() }); });
      }
      // What the program would prevent, decided here and now (the worker sees the event too
      // late): ebiten's canvas prevents every key, mouse, wheel and touch event it gets, except
      // Tab, which charts/ebiten/main_js.go stops before the canvas so that it moves the focus on.
      ['keydown', 'keyup', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'touchstart', 'touchend', 'touchmove',
        'contextmenu', 'dragover', 'drop'].forEach(function (type) {
        canvas.addEventListener(type, function (ev) {
          if (ev.type === 'keydown' && ev.key === KEYS.tab) return;
          ev.preventDefault();
        }, { passive: false });
      });
      // charts/ebiten/main_js.go prevents the keys it routes to the chart or the page (charts/ebiten/keys.go)
      // wherever in the frame they are pressed; outside the canvas, every such key is
      // prevented here.
      var routed = {};
      KEYS.routed.forEach(function (k) { routed[k] = 1; });
      window.addEventListener('keydown', function (ev) {
        if (ev.target !== canvas && routed[ev.key] && !ev.altKey && !ev.ctrlKey && !ev.metaKey) ev.preventDefault();
      });
    }
  }

  // The map's base map (country shapes, see charts/geo), fetched beside view.wasm: the view
  // reads window.azflowsBaseMap ({text} or {error}) before it draws its first map frame; the
  // other views do not wait for it.
  window.azflowsBaseMap = { loading: true };
  var baseMapReady;
  try {
    baseMapReady = (offline ? offline.text(config.basemap) : fetch(config.basemap).then(function (resp) {
      if (!resp.ok) throw new Error('HTTP ' + resp.status + ' for ' + config.basemap);
      return resp.text();
    })).then(function (text) { window.azflowsBaseMap = { text: text }; }, function (err) {
      window.azflowsBaseMap = { error: String((err && err.message) || err) };
    });
  } catch (err) {
    window.azflowsBaseMap = { error: String((err && err.message) || err) };
    baseMapReady = Promise.resolve();
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
