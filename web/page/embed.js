// azflows embed sizer, for a page that embeds azflows (the page's embed code offers it): each
// azflows iframe (data-azflows) is made as tall as the page in it says it is (its height
// message), and told so (the fit message), so that the page lays itself out at its natural
// height for the column's width: on a phone's column the chart's phone layout, chart first.
// Every azflows frame (any iframe whose page posts the height message, a fixed-size one too)
// is also told how much the host scales it on the screen (the scale message: a reveal.js deck
// scales its slides with a transform), so that its live chart is drawn at that resolution
// rather than stretched.
// cmd/build fills in the message names (site/messages.go).
(function (MSG) {
  'use strict';
  var known = []; // the azflows frames heard from: [iframe, the scale last told]
  // scaleOf is the frame's width on the screen over its width in CSS pixels (transforms of
  // its ancestors included), 1 where it cannot be measured.
  function scaleOf(f) {
    var w = f.offsetWidth, s = w > 0 ? f.getBoundingClientRect().width / w : 1;
    return s > 0 && isFinite(s) ? Math.round(s * 100) / 100 : 1;
  }
  function tell(k, force) {
    var f = known[k][0], s = scaleOf(f);
    if (!force && s === known[k][1]) return;
    known[k][1] = s;
    if (f.contentWindow) f.contentWindow.postMessage({ type: MSG.scale, scale: s }, '*');
  }
  // roomInSlide is the height left for the frame in its reveal.js slide, below what comes
  // before it (a heading), in CSS pixels of the slide; 0 outside a deck.
  function roomInSlide(f) {
    var sec = f.closest ? f.closest('.reveal .slides section') : null;
    var slides = sec && sec.closest('.slides');
    if (!slides) return 0;
    var h = parseFloat(slides.style.height) || slides.offsetHeight;
    var top = f.offsetParent === sec ? f.offsetTop : f.getBoundingClientRect().top - sec.getBoundingClientRect().top;
    return h > 0 ? Math.max(120, Math.floor(h - top)) : 0;
  }
  function tellAll() { for (var k = 0; k < known.length; k++) tell(k, false); }
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (!m || m.type !== MSG.height || typeof m.height !== 'number' || !(m.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== ev.source) continue;
      var k = 0;
      while (k < known.length && known[k][0] !== f) k++;
      if (k === known.length) known.push([f, 0]);
      tell(k, true);
      if (!f.hasAttribute('data-azflows')) continue;
      // In a reveal.js slide the frame takes the room the slide leaves under its heading, and
      // the page lays itself out in it (chart, then source line), rather than at its natural
      // height, which would run past the slide's foot and cut the source line off.
      var room = roomInSlide(f);
      if (room) {
        f.style.aspectRatio = 'auto';
        f.style.height = room + 'px';
        continue;
      }
      if (!f.hasAttribute('data-azflows-fit')) {
        f.setAttribute('data-azflows-fit', '');
        ev.source.postMessage({ type: MSG.fit }, '*');
      }
      f.style.aspectRatio = 'auto';
      f.style.height = Math.min(5000, Math.ceil(m.height)) + 'px';
    }
  });
  // A deck lays its slides out again when the window changes size (after this event).
  window.addEventListener('resize', function () { requestAnimationFrame(tellAll); });
})(/*MESSAGES*/{});
