// azflows wasm warm-up: a dedicated worker that runs view.wasm once, off the page's main
// thread, before the view runs it (started by web/view/view.js).
//
// V8 compiles a wasm function lazily, on its first call, on the thread that calls it, and a
// WebAssembly.Module posted to a worker shares its compiled code with the page's instances.
// So the worker instantiates the module the view compiled and runs the Go program in its
// warm-up mode (charts/ebiten/warmup_js.go): the packages' init (ebiten's shader compiler among them)
// and the start-up's pure-Go work get compiled here, and the view's own start on the main
// thread finds them compiled. The worker draws nothing and touches no page; it posts one
// message, {ok, message}, and closes. If anything fails here, the view starts
// as it would without it.
(function () {
  'use strict';
  self.onmessage = function (ev) {
    self.onmessage = null;
    var d = ev.data || {};
    var sent = false;
    function done(ok, why) {
      if (sent) return;
      sent = true;
      try { self.postMessage({ ok: ok, message: why ? String((why && why.message) || why).slice(0, 300) : '' }); } catch (e) { /* nothing to tell */ }
      self.close();
    }
    try {
      // What ebiten's package init reads and calls on a page (internal/ui/ui_js.go, v2.8.8):
      // the document's hasFocus, Document.prototype's hidden getter, a body (without one it
      // waits for the window's load event, which a worker never gets), and the elements it
      // creates, styles and listens on. The warm-up never starts ebiten's loop, so these are
      // only set up, never used.
      var noop = function () {};
      var element = function () {
        return { style: {}, setAttribute: noop, addEventListener: noop, appendChild: noop, focus: noop };
      };
      var Doc = function () {};
      Object.defineProperty(Doc.prototype, 'hidden', { get: function () { return true; } });
      Doc.prototype.hasFocus = function () { return false; };
      Doc.prototype.createElement = element;
      Doc.prototype.addEventListener = noop;
      self.Document = Doc;
      self.document = new Doc();
      self.document.body = element();
      self.document.head = element();
      self.document.documentElement = element();
      self.window = self;
      if (d.fonts) self.azflowsFonts = d.fonts;
      importScripts(d.wasmExec);
      var go = new self.Go();
      var exitCode = 0;
      var exit = go.exit;
      go.exit = function (code) { exitCode = code; if (exit) exit.call(go, code); };
      // The state and the size to warm up with: the view's own, in argv (warmup_js.go).
      go.argv = ['js', d.arg, String(d.hash || ''), String(d.width || 0), String(d.height || 0)];
      WebAssembly.instantiate(d.module, go.importObject).then(function (instance) {
        return go.run(instance);
      }).then(function () {
        done(exitCode === 0, exitCode === 0 ? '' : 'the program exited with code ' + exitCode);
      }, function (err) { done(false, err); });
    } catch (err) {
      done(false, err);
    }
  };
})();
