// azflows embed sizer, for a page that embeds azflows (the page's embed code offers it): each
// azflows iframe (data-azflows) is made as tall as the page in it says it is (its height
// message), and told so (the fit message), so that the page lays itself out at its natural
// height for the column's width: on a phone's column the chart's phone layout, chart first.
// cmd/build fills in the message names (site/messages.go).
(function (MSG) {
  'use strict';
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (!m || m.type !== MSG.height || typeof m.height !== 'number' || !(m.height > 0)) return;
    var frames = document.querySelectorAll('iframe[data-azflows]');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== ev.source) continue;
      if (!f.hasAttribute('data-azflows-fit')) {
        f.setAttribute('data-azflows-fit', '');
        ev.source.postMessage({ type: MSG.fit }, '*');
      }
      f.style.aspectRatio = 'auto';
      f.style.height = Math.min(5000, Math.ceil(m.height)) + 'px';
    }
  });
})(/*MESSAGES*/{});
