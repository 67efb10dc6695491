// azflows frame gate: the one seam between the live view and the browser's animation frames.
//
// ebiten's browser loop asks for an animation frame after every frame, even when it has
// nothing to update or draw (FPSModeVsyncOffMinimum), and enters Go for each one: an idle
// chart would wake 60 times a second. ebiten reads window.requestAnimationFrame once, when
// its package starts, so this script, loaded before wasm_exec.js and view.js, replaces it with
// a gated one:
//
//   - while the view reports itself busy (its first frames, a tween, pending work), frames
//     are requested as usual;
//   - while it reports itself idle, a requested callback is parked instead;
//   - any input event, message, resize, focus change or visibility change releases the
//     parked callbacks into the next frame, so ebiten sees the event there as it always did.
//
// The view reports through window.azflowsFrameGate.idle(true|false) (charts/ebiten/gate_js.go), and
// only when the state changes. Nothing else in the frame uses requestAnimationFrame.
//
// The same script gates the view's worker (web/view/viewhost.js loads it there, against that
// worker's stand-in window and document, before the program starts): there the frames are the
// worker's own, and the host sets azflowsFrameGate.onchange to mirror the gate's state
// ({idle, parked, fired}) to the frame's main thread.
(function () {
  'use strict';
  var raf = window.requestAnimationFrame;
  var caf = window.cancelAnimationFrame;
  if (typeof raf !== 'function') return; // no frames to gate
  var idle = false;
  var parked = []; // [id, callback]
  var nextParked = -1; // parked ids are negative, never those of the browser
  var fired = 0; // animation-frame callbacks run through the gate, for the tests and tools/cmd/bench
  var gate;

  function changed() {
    if (gate && typeof gate.onchange === 'function') {
      try { gate.onchange({ idle: idle, parked: parked.length, fired: fired }); } catch (e) { /* a watcher's problem */ }
    }
  }
  function counted(cb) {
    return function (t) {
      fired++;
      changed();
      cb(t);
    };
  }

  function release() {
    if (!parked.length) return;
    var list = parked;
    parked = [];
    for (var i = 0; i < list.length; i++) raf.call(window, counted(list[i][1]));
    changed();
  }

  window.requestAnimationFrame = function (cb) {
    if (!idle) return raf.call(window, counted(cb));
    var id = nextParked--;
    parked.push([id, cb]);
    changed();
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    if (id < 0) {
      parked = parked.filter(function (p) { return p[0] !== id; });
      return;
    }
    if (typeof caf === 'function') caf.call(window, id);
  };

  gate = window.azflowsFrameGate = {
    // idle(true): the view has nothing to do until an event; idle(false): it has (and the
    // frames it parked meanwhile run in the next frame).
    idle: function (v) {
      if (idle === !!v) return;
      idle = !!v;
      if (!idle) release();
      changed();
    },
    // parked is how many callbacks wait for an event (for tests).
    parked: function () { return parked.length; },
    // fired is how many animation-frame callbacks have run through the gate.
    fired: function () { return fired; },
    // onchange, when set, is called with {idle, parked, fired} after each change.
    onchange: null
  };

  // Capture phase on the window: before ebiten's and the view's own handlers, which decide
  // what the frame will do; passive, so that scrolling is never held up here.
  var opts = { capture: true, passive: true };
  ['pointerdown', 'pointerup', 'pointermove', 'pointerleave', 'pointercancel',
    'mousedown', 'mouseup', 'mousemove', 'mouseout', 'wheel',
    'touchstart', 'touchmove', 'touchend', 'touchcancel',
    'keydown', 'keyup', 'focus', 'blur', 'message', 'resize', 'hashchange'
  ].forEach(function (type) { window.addEventListener(type, release, opts); });
  document.addEventListener('visibilitychange', release, opts);
  document.addEventListener('mouseleave', release, opts);
})();
