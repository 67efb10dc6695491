// azflows view host: the dedicated worker in which the live view (view.wasm, ebiten) runs,
// drawing on an OffscreenCanvas, so that its start (Go's runtime, every package's init, the
// compile of the wasm, ebiten's start and its first frames) keeps off the frame's main thread.
// web/view/view.js starts it, transfers the canvas to it and relays what the program and the page
// say to each other; see "The live view's runtime" in docs/architecture.md.
//
// ebiten v2.8.8 and wasm/ expect a page: a window, a document with a body, a canvas, DOM
// events. This script gives them stand-ins for exactly what they read and call
// (internal/ui/ui_js.go, input_js.go, graphicsdriver/opengl/graphics_js.go, charts/ebiten/*_js.go):
//
//   - window is the worker's global scope; its addEventListener registers with this host;
//     document (a Document, whose prototype has the hidden getter ebiten binds), its body
//     (clientWidth/clientHeight mirrored from the frame), head and documentElement; screen,
//     devicePixelRatio, matchMedia, location (the frame's hash), parent (postMessage goes to
//     the frame, which posts it to its parent);
//   - the canvas ebiten creates is a stand-in whose getContext is the OffscreenCanvas's, whose
//     width and height size its drawing buffer, and whose cursor and focus() go to the real
//     canvas;
//   - the frame's main thread forwards the DOM events (view.js), and this host dispatches
//     each along its path (window, document, documentElement, body, canvas: capture listeners
//     first, then the target's, then the bubbling ones), as the page would.
//
// The frame gate (web/view/framegate.js) is loaded here too and gates this worker's own
// requestAnimationFrame. The messages between the frame and this worker, the kinds of failure
// it reports and the targets and sources of the events it dispatches are site/host.go's: the
// frame's first message (init) carries them (config.protocol), and nothing here spells one.
(function () {
  'use strict';
  var send = self.postMessage.bind(self);
  var noop = function () {};
  var env = {};
  var offscreen = null;
  var config = null;
  // The protocol (site.HostProtocol), from the frame's first message: the messages' types (PM),
  // the kinds of failure (PF), the events' targets (PT), the messages' sources (PS) and the
  // reasons a download failed (PR).
  var P = null, PM = {}, PF = {}, PT = {}, PS = {}, PR = {};

  // Listeners of the stand-in targets, by target and type.
  function Target() { this.listeners = {}; }
  Target.prototype.addEventListener = function (type, fn, opts) {
    if (typeof fn !== 'function' && !(fn && typeof fn.handleEvent === 'function')) return;
    var capture = opts === true || !!(opts && opts.capture);
    var list = this.listeners[type] || (this.listeners[type] = []);
    for (var i = 0; i < list.length; i++) if (list[i].fn === fn && list[i].capture === capture) return;
    list.push({ fn: fn, capture: capture });
  };
  Target.prototype.removeEventListener = function (type, fn, opts) {
    var capture = opts === true || !!(opts && opts.capture);
    var list = this.listeners[type];
    if (list) this.listeners[type] = list.filter(function (l) { return !(l.fn === fn && l.capture === capture); });
  };
  Target.prototype.fire = function (ev, capture) {
    var list = (this.listeners[ev.type] || []).slice();
    for (var i = 0; i < list.length && !ev.immediateStopped; i++) {
      if (capture !== null && list[i].capture !== capture) continue;
      try {
        if (typeof list[i].fn === 'function') list[i].fn.call(this, ev);
        else list[i].fn.handleEvent(ev);
      } catch (e) { if (self.console) console.error(e); }
    }
  };

  var win = new Target();
  self.addEventListener = function (type, fn, opts) { win.addEventListener(type, fn, opts); };
  self.removeEventListener = function (type, fn, opts) { win.removeEventListener(type, fn, opts); };
  self.window = self;

  function element() {
    var el = new Target();
    el.style = {};
    el.setAttribute = noop;
    el.appendChild = noop;
    el.focus = noop;
    return el;
  }
  var body = element();
  Object.defineProperty(body, 'clientWidth', { get: function () { return env.w || 0; } });
  Object.defineProperty(body, 'clientHeight', { get: function () { return env.h || 0; } });
  var head = element();
  var root = element();

  // The canvas ebiten creates: the OffscreenCanvas behind the frame's real one.
  var canvas = element();
  var cursor = '';
  Object.defineProperty(canvas.style, 'cursor', {
    get: function () { return cursor; },
    set: function (v) {
      v = String(v);
      if (v !== cursor) { cursor = v; send({ t: PM.cursor, value: v }); }
    },
    enumerable: true
  });
  Object.defineProperty(canvas, 'width', { get: function () { return offscreen.width; }, set: function (v) { offscreen.width = Math.max(1, v | 0); } });
  Object.defineProperty(canvas, 'height', { get: function () { return offscreen.height; }, set: function (v) { offscreen.height = Math.max(1, v | 0); } });
  // The probe's context is the one ebiten gets (Firefox refuses a second getContext on an
  // OffscreenCanvas: "Cannot update created context to different thread").
  var probed = null;
  canvas.getContext = function (type, attrs) {
    if (type === 'webgl2' && probed) return probed;
    return offscreen.getContext(type, attrs);
  };
  canvas.focus = function () { send({ t: PM.focus }); };
  canvas.requestPointerLock = noop;
  canvas.requestFullscreen = noop;

  function Document() { Target.call(this); }
  Document.prototype = Object.create(Target.prototype);
  Object.defineProperty(Document.prototype, 'hidden', { get: function () { return !!env.hidden; } });
  Document.prototype.hasFocus = function () { return !!env.focus; };
  Document.prototype.createElement = function (tag) { return String(tag).toLowerCase() === 'canvas' ? canvas : element(); };
  Document.prototype.exitFullscreen = noop;
  Document.prototype.exitPointerLock = noop;
  self.Document = Document;
  var doc = self.document = new Document();
  doc.body = body;
  doc.head = head;
  doc.documentElement = root;
  doc.fullscreenElement = null;
  doc.pointerLockElement = null;

  var loc = { hash: '', reload: function () { send({ t: PM.reload }); } };
  Object.defineProperty(self, 'location', { value: loc, configurable: true, writable: true });
  // In an iframe, the parent is another window (ebiten then does not focus the canvas at start).
  var parentWin = { location: {}, postMessage: function (data) { later({ t: PM.parent, data: data }); } };
  var foreign = {}; // the source of a message from any other window
  self.screen = { width: 0, height: 0 };
  self.matchMedia = function (q) {
    return { matches: /prefers-reduced-motion:\s*reduce/.test(String(q)) && !!env.reducedMotion, media: String(q), addEventListener: noop, addListener: noop };
  };
  // ebiten reads the gamepads every frame and warns when a worker's navigator has none.
  if (self.navigator && typeof self.navigator.getGamepads !== 'function') {
    try { self.navigator.getGamepads = function () { return []; }; } catch (e) { /* read-only: ebiten warns */ }
  }

  function setEnv(e) {
    if (!e) return;
    for (var k in e) if (Object.prototype.hasOwnProperty.call(e, k)) env[k] = e[k];
    loc.hash = String(env.hash || '');
    self.devicePixelRatio = env.dpr || 1;
    self.screen.width = env.screenW || 0;
    self.screen.height = env.screenH || 0;
    self.parent = env.inIframe ? parentWin : self;
  }

  // A forwarded event, dispatched along its path as the page would.
  var paths = {}; // by target (PT), set with the protocol
  function setPaths() {
    paths[PT.window] = [win];
    paths[PT.document] = [win, doc];
    paths[PT.root] = [win, doc, root];
    paths[PT.body] = [win, doc, root, body];
    paths[PT.canvas] = [win, doc, root, body, canvas];
  }
  function touchList(a) {
    a = a || [];
    a.item = function (i) { return this[i] || null; };
    return a;
  }
  function dispatch(e) {
    var ev = e;
    ev.defaultPrevented = false;
    ev.stopped = false;
    ev.immediateStopped = false;
    ev.preventDefault = function () { ev.defaultPrevented = true; };
    ev.stopPropagation = function () { ev.stopped = true; };
    ev.stopImmediatePropagation = function () { ev.stopped = ev.immediateStopped = true; };
    if (e.targetTouches) ev.targetTouches = touchList(e.targetTouches);
    if (e.changedTouches) ev.changedTouches = touchList(e.changedTouches);
    if (e.type === 'message') ev.source = e.from === PS.parent ? self.parent : e.from === PS.self ? self : foreign;
    var path = paths[e.target] || paths[PT.body];
    var target = path[path.length - 1];
    ev.target = ev.currentTarget = target === win ? self : target;
    for (var i = 0; i < path.length - 1 && !ev.stopped; i++) path[i].fire(ev, true);
    if (!ev.stopped) target.fire(ev, null);
    if (e.bubbles) for (var j = path.length - 2; j >= 0 && !ev.stopped; j--) path[j].fire(ev, false);
  }

  // The program's bytes, fetched here (the URL comes in the frame's init message), so that the
  // body's decode and its chunks' buffers stay off the frame's main thread; V8 compiles them as
  // they arrive. The frame hears how much has arrived (progress, at most every 250 ms) and why
  // they did not (fail, of the kind fetch, with why: the frame says it in the page's words,
  // web/view/view.js notFetched).
  function notFetched(why, detail) { var e = new Error(String(detail)); e.notFetched = why; return e; }
  function downloadFailed(err) { return notFetched(PR.download, String((err && err.message) || err)); }
  var lastProgress = 0;
  function progress(loaded, total, force) {
    var now = Date.now();
    if (!force && now - lastProgress < 250) return;
    lastProgress = now;
    send({ t: PM.progress, loaded: loaded, total: total, wire: wireBytes });
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
  var bodyFailed = null; // the body stopped arriving: a download failure, not a damaged program
  function fetchWasm(url) {
    return fetch(url).then(function (resp) {
      if (resp.status === 404) throw notFetched(PR.missing, 404);
      if (!resp.ok) throw notFetched(PR.status, resp.status);
      var total = totalOf(resp);
      wireBytes = wireOf(resp);
      var loaded = 0;
      var reader = resp.body.getReader();
      progress(0, total, true);
      // Counted on their way to the compile: a new Response, so that it still streams.
      var body = new ReadableStream({
        pull: function (ctl) {
          return reader.read().then(function (r) {
            if (r.done) { mark('host-last-chunk'); progress(loaded, total, true); ctl.close(); return; }
            if (!loaded) mark('host-first-chunk');
            loaded += r.value.byteLength;
            progress(loaded, total, false);
            ctl.enqueue(r.value);
          }, function (err) {
            bodyFailed = downloadFailed(err);
            throw err;
          });
        },
        cancel: function (why) { return reader.cancel(why); }
      });
      return new Response(body, { status: resp.status, headers: { 'Content-Type': 'application/wasm' } });
    }, function (err) { throw downloadFailed(err); });
  }

  var fontsArrived;
  var fontsReady = new Promise(function (resolve) { fontsArrived = resolve; });

  // Milestones of the start-up, as performance marks of this worker (the program sets its own
  // the same way, charts/ebiten/marks_js.go); the frame asks for them (askStats, web/view/view.js,
  // window.azflowsViewStats), with the size of the program's memory.
  var MARK = ''; // the marks' prefix (site.MarkPrefix), from the frame's init message: none before it
  function mark(name) { if (MARK) try { performance.mark(MARK + name); } catch (e) { /* no marks */ } }
  var instance = null;
  var wasmURL = ''; // view.wasm's URL, from the frame's init message
  function stats() {
    var marks = [];
    try {
      performance.getEntriesByType('mark').forEach(function (m) {
        if (MARK && m.name.indexOf(MARK) === 0) marks.push({ name: m.name.slice(MARK.length), at: performance.timeOrigin + m.startTime });
      });
    } catch (e) { /* no marks */ }
    // This worker's request of view.wasm, as the frame's resource timing gave it before the
    // worker fetched it (tools/cmd/bench's breakdown reads these names).
    try {
      var wasm = performance.getEntriesByType('resource').filter(function (e) { return e.name === wasmURL; })[0];
      if (wasm) {
        marks.push({ name: 'wasm-request', at: performance.timeOrigin + wasm.startTime });
        marks.push({ name: 'wasm-first-byte', at: performance.timeOrigin + wasm.responseStart });
        marks.push({ name: 'wasm-last-byte', at: performance.timeOrigin + wasm.responseEnd });
      }
    } catch (e) { /* no resource timing */ }
    var mem = instance && instance.exports && instance.exports.mem;
    return { memory: mem && mem.buffer ? mem.buffer.byteLength : null, marks: marks };
  }

  function fail(kind, err, code) {
    send({ t: PM.fail, kind: kind, message: String((err && err.message) || err || '').slice(0, 300), code: code || 0 });
  }

  // What the program says to the page and the state it shows go to the frame once its picture
  // is on the screen: a frame drawn on an OffscreenCanvas in a worker reaches the page's
  // compositor after the task that drew it, so the frame's azflowsView (and the page's
  // azflows:ready, which swaps the view in) would otherwise run ahead of what a reader sees.
  // They wait for this worker's second animation frame from now (not the gated ones: these are
  // no frames of the program), or a second where frames do not run (a hidden page).
  var rawFrame = typeof self.requestAnimationFrame === 'function' ? self.requestAnimationFrame.bind(self) : null;
  var queued = [];
  var viewDirty = false;
  // The worker's gated frame count when the program last changed its state: the frame
  // mirrors it beside the state, so that which of the view's frames showed a change is known
  // without the mirror's own delay (tools/e2e/framegate_test.go).
  var viewChangedAt = 0;
  function gateFired() { return self.azflowsFrameGate ? self.azflowsFrameGate.fired() : 0; }
  var flushing = false;
  function flush() {
    if (!flushing) return;
    flushing = false;
    clearTimeout(flushTimer);
    var list = queued;
    queued = [];
    for (var i = 0; i < list.length; i++) {
      try { send(list[i]); } catch (e) { /* not cloneable: the page takes no such message */ }
    }
    if (viewDirty) {
      viewDirty = false;
      try { send({ t: PM.view, v: self.azflowsView, at: viewChangedAt }); } catch (e) { /* not cloneable: nothing to mirror */ }
    }
  }
  var flushTimer = 0;
  function schedule() {
    if (flushing) return;
    flushing = true;
    // Two frames: a picture drawn outside an animation frame (before ready, on an input event)
    // is pushed to the compositor at the next one, and reaches it a frame later under load.
    if (rawFrame) rawFrame(function () { rawFrame(flush); });
    flushTimer = setTimeout(flush, 1000);
  }
  function later(m) {
    // A message follows the state it was sent with (azflows:ready after the ready state).
    if (viewDirty) {
      queued.push({ t: PM.view, v: snapshotOf(self.azflowsView), at: viewChangedAt });
      viewDirty = false;
    }
    queued.push(m);
    schedule();
  }
  function snapshotOf(v) { try { return JSON.parse(JSON.stringify(v)); } catch (e) { return v; } }

  var compiling = null;
  function start() {
    self.azflowsViewChanged = function () {
      viewDirty = true;
      viewChangedAt = gateFired();
      schedule();
    };
    self.azflowsBaseMap = self.azflowsBaseMap || { loading: true };
    // Until the view is ready its frames come from a timer, not from the worker's animation
    // frames: the page keeps the view's frame unseen (opacity 0) until then, and Chrome gives a
    // worker whose canvas is not drawn its animation frames a few times a second only.
    var workerFrame = self.requestAnimationFrame;
    self.requestAnimationFrame = function (cb) {
      var v = self.azflowsView;
      if (v && v.ready) return workerFrame.call(self, cb);
      setTimeout(function () { cb(performance.now()); }, 0);
      return 0; // ebiten cancels no frame
    };
    try {
      importScripts(config.frameGate, config.wasmExec);
    } catch (err) {
      fail(PF.load, err);
      return;
    }
    if (self.azflowsFrameGate) self.azflowsFrameGate.onchange = function (g) { send({ t: PM.gate, g: g }); };
    var go = new self.Go();
    var exitCode = null;
    var exit = go.exit;
    go.exit = function (code) { exitCode = code; if (exit) exit.call(go, code); };
    compiling.then(function (module) {
      mark('host-compiled');
      return fontsReady.then(function () { return WebAssembly.instantiate(module, go.importObject); });
    }).then(function (inst) {
      instance = inst;
      mark('host-run');
      var running;
      try { running = go.run(inst); } catch (err) { fail(PF.crash, err); return; }
      running.then(function () {
        var v = self.azflowsView;
        if (!v || !v.error) fail(PF.stopped, null, exitCode);
      }, function (err) { fail(PF.crash, err); });
    }, function (err) {
      if (bodyFailed) err = bodyFailed;
      if (err && err.notFetched) send({ t: PM.fail, kind: PF.fetch, why: err.notFetched, message: err.message });
      else if (err instanceof WebAssembly.CompileError) fail(PF.damaged, err);
      else if (err instanceof WebAssembly.LinkError) fail(PF.link, err);
      else fail(PF.load, err);
    });
  }

  // init takes the frame's first message: it sets up the page this worker stands in for, and
  // answers whether it can draw.
  function init(d) {
    MARK = String(d.marks || '');
    mark('host-init');
    // Can this worker draw? WebGL 2 on the transferred canvas (with the attributes ebiten
    // asks for, so that its own getContext gets this context) and animation frames.
    config = d.config || {};
    offscreen = d.canvas;
    setEnv(d.env);
    var why = '';
    if (!offscreen || typeof offscreen.getContext !== 'function') why = 'no OffscreenCanvas in the worker';
    else if (typeof self.requestAnimationFrame !== 'function') why = 'no requestAnimationFrame in a worker';
    else if (typeof ReadableStream !== 'function' || typeof Response !== 'function' || typeof fetch !== 'function') why = 'no fetch or ReadableStream in a worker';
    else if (typeof WebAssembly !== 'object' || typeof WebAssembly.compileStreaming !== 'function') why = 'no streaming WebAssembly compile in a worker';
    else {
      // The fetch starts first: the WebGL context below is a synchronous wait on the GPU
      // process (0.5 s at 4× CPU slowdown), and the loader's scripts a blocking import.
      // Where the worker cannot draw, the frame fetches view.wasm itself: this fetch ends.
      mark('host-fetch');
      wasmURL = String(d.wasm);
      compiling = WebAssembly.compileStreaming(fetchWasm(wasmURL));
      compiling.catch(noop); // reported in start(), where the worker can draw
      try {
        probed = offscreen.getContext('webgl2', { alpha: true, premultipliedAlpha: true, stencil: true });
        if (!probed) why = 'no WebGL 2 on an OffscreenCanvas';
      } catch (e) { why = 'no WebGL 2 on an OffscreenCanvas (' + String((e && e.message) || e).slice(0, 200) + ')'; }
    }
    mark('host-probe');
    send({ t: PM.probe, ok: !why, why: why });
    if (!why) start();
    else self.close();
  }

  self.onmessage = function (m) {
    var d = m.data || {};
    if (!P) {
      // The frame's first message is always its init (site.HostInit), which carries the
      // protocol every later message follows; anything else first is not the frame's.
      P = d.config && d.config.protocol;
      if (!P || !P.messages || d.t !== P.messages.init) {
        P = null;
        return;
      }
      PM = P.messages; PF = P.fails || {}; PT = P.targets || {}; PS = P.sources || {}; PR = P.reasons || {};
      setPaths();
      init(d);
      return;
    }
    switch (d.t) {
      case PM.fonts:
        mark('host-fonts');
        if (d.fonts) self.azflowsFonts = d.fonts;
        fontsArrived();
        break;
      case PM.basemap:
        self.azflowsBaseMap = d.value;
        break;
      case PM.askStats:
        send({ t: PM.stats, id: d.id, stats: stats() });
        break;
      case PM.env:
        var dpr = self.devicePixelRatio;
        setEnv(d.env);
        // a host that scales the frame anew (view.js): ebiten sizes its canvas on a resize
        if (self.devicePixelRatio !== dpr) dispatch({ type: 'resize', target: PT.window, bubbles: false });
        break;
      case PM.event:
        setEnv(d.env);
        dispatch(d.e);
        break;
    }
  };
})();
