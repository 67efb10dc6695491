// azflows page glue: keeps the view and year in the URL hash, shows the pre-rendered SVG at
// once, then swaps in the interactive ebiten view (in an iframe) when WebAssembly and WebGL are
// there, or the go-echarts fallback when they are not or loading fails.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('azflows-config').textContent);
  var chart = document.getElementById('chart');
  var staticBox = document.getElementById('static');
  var notice = document.getElementById('chart-notice');
  var readout = document.getElementById('readout');
  var form = document.getElementById('controls');
  var READY_TIMEOUT_MS = 20000;

  var page = window.azflowsPage = { state: null, mode: 'static', notice: '', readout: '', reason: '', parseHash: function (s) { return parseHash(s); } };
  var listeners = []; // called with each new state (modes.js)
  var live = null; // the ebiten iframe
  var liveReady = false;
  var fallback = null; // the echarts iframe

  // parseHash follows charts.ParseHash: unknown keys are ignored, bad values give the default.
  function parseHash(s) {
    var st = { view: config.views[0], year: config.years[0], context: false, lang: '' };
    s = String(s || '').replace(/^[#?]+/, '').slice(0, 2048);
    var seen = {};
    s.split('&').forEach(function (pair) {
      var i = pair.indexOf('=');
      var k = i < 0 ? pair : pair.slice(0, i);
      var v = i < 0 ? '' : pair.slice(i + 1);
      try { k = decodeURIComponent(k.replace(/\+/g, ' ')); v = decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { return; }
      if (pair.indexOf(';') >= 0) return; // Go's url.ParseQuery rejects these pairs
      if (seen[k]) return; // the first value of a repeated key wins, as in Go
      seen[k] = true;
      if (k === 'view' && config.views.indexOf(v) >= 0) st.view = v;
      if (k === 'context') st.context = v === '1';
      if (k === 'lang' && (v === 'en' || v === 'az' || v === 'ru')) st.lang = v;
      if (k === 'year' && /^\s*\+?\d+\s*$/.test(v) && config.years.indexOf(parseInt(v, 10)) >= 0) st.year = parseInt(v, 10);
    });
    return st;
  }
  function hashOf(st) { return 'view=' + st.view + '&year=' + st.year + (st.context ? '&context=1' : '') + (st.lang ? '&lang=' + st.lang : ''); }

  // Page flags ride along in the hash (or the query): embed, and present=N for presentation.
  function readFlags() {
    var all = (location.search.slice(1) + '&' + location.hash.slice(1)).split('&');
    var f = { embed: false, present: 0 };
    all.forEach(function (pair) {
      var k = pair.split('=')[0], v = pair.split('=')[1] || '';
      if (k === 'embed') f.embed = true;
      if (k === 'present') f.present = Math.max(1, Math.min(99, parseInt(v, 10) || 1));
    });
    return f;
  }
  page.flags = readFlags();
  function flagSuffix() {
    return (page.flags.embed ? '&embed' : '') + (page.flags.present ? '&present=' + page.flags.present : '');
  }
  // key names the pre-rendered SVG and fallback page of a state (the context layer only on views that have one).
  function key(st) { return st.view + '-' + st.year + (st.context && config.contextViews.indexOf(st.view) >= 0 ? '-context' : ''); }

  function say(msg) { notice.textContent = msg; page.notice = msg; }

  function showStatic(st) {
    showSummary(st);
    var tpl = document.getElementById('svg-' + key(st));
    if (!tpl) return;
    staticBox.replaceChildren(tpl.content.cloneNode(true));
  }

  // showSummary puts the state's text alternative (built from the data, see charts/summary.go)
  // under the chart, with a link to the table of the same year.
  function showSummary(st) {
    var tpl = document.getElementById('summary-' + key(st)) || document.getElementById('summary-' + st.view + '-' + st.year);
    if (tpl) document.getElementById('chart-summary').textContent = tpl.content.textContent;
    document.getElementById('summary-table').setAttribute('href', '#view=table&year=' + st.year);
  }

  // chartState is the state the chart shows: on a page view (table, sources), the default chart
  // view of the chosen year, ready for when the reader goes back.
  function chartState() {
    var st = page.state;
    return isChart(st.view) ? st : { view: config.charts[0], year: st.year, context: st.context };
  }

  function isChart(view) { return config.charts.indexOf(view) >= 0; }

  // showPageView shows the HTML views (table, sources) in place of the chart.
  function showPageView(st) {
    config.views.forEach(function (v) { document.body.classList.toggle('view-' + v, v === st.view); });
    var rows = document.querySelectorAll('#figures-table tbody tr');
    for (var i = 0; i < rows.length; i++) {
      rows[i].classList.toggle('current', rows[i].getAttribute('data-year') === String(st.year));
    }
    var sources = document.getElementById('sources');
    if (st.view === 'sources') sources.open = true;
  }

  function setState(st, fromUser) {
    var prev = page.state;
    page.state = st;
    var h = hashOf(st);
    if (fromUser && location.hash.slice(1) !== h + flagSuffix()) {
      history.replaceState(null, '', '#' + h + flagSuffix());
    }
    form.elements.view.value = st.view;
    form.elements.year.value = String(st.year);
    form.elements.context.checked = !!st.context;
    var ck = key(chartState());
    document.getElementById('dl-svg').setAttribute('href', 'charts/' + ck + '.svg');
    document.getElementById('dl-png').setAttribute('href', 'charts/' + ck + '-1920x1080.png');
    document.getElementById('dl-png-720').setAttribute('href', 'charts/' + ck + '-1280x720.png');
    document.getElementById('copy-link').setAttribute('href', '#' + h);
    listeners.forEach(function (fn) { fn(st); });
    showPageView(st);
    if (!isChart(st.view)) return;
    if (prev && hashOf(prev) === h && page.mode !== 'static') return;
    showStatic(st);
    readout.textContent = ''; page.readout = '';
    if (live && liveReady) live.contentWindow.postMessage({ type: 'azflows:state', hash: h }, '*');
    if (fallback) fallback.src = 'fallback/' + key(st) + '.html';
  }

  function hasWebGL() {
    try {
      var c = document.createElement('canvas');
      return !!(c.getContext('webgl2') || c.getContext('webgl'));
    } catch (e) { return false; }
  }

  function frame(cls, src, title) {
    var f = document.createElement('iframe');
    f.className = cls;
    f.title = title;
    f.setAttribute('aria-describedby', 'chart-summary summary-table chart-keys');
    f.src = src;
    return f;
  }

  function useFallback(reason) {
    if (page.mode === 'fallback') return;
    page.reason = reason;
    if (live) { live.remove(); live = null; liveReady = false; }
    fallback = frame('fallback-frame', 'fallback/' + key(chartState()) + '.html', 'Chart (simplified version)');
    document.getElementById('fallback-slot').appendChild(fallback);
    chart.classList.remove('live');
    chart.classList.add('fallback');
    page.mode = 'fallback';
    say('Showing the simplified chart: ' + reason + '.');
  }

  function startLive() {
    live = frame('live-frame', 'view.html#' + hashOf(chartState()), 'Interactive chart: hover or tap a bar or band for its figure and source');
    live.setAttribute('tabindex', '0');
    document.getElementById('live-slot').appendChild(live);
    var timer = setTimeout(function () { useFallback('the interactive chart did not start in time'); }, READY_TIMEOUT_MS);
    window.addEventListener('message', function (ev) {
      if (!live || ev.source !== live.contentWindow) return;
      var m = ev.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
      if (m.type === 'azflows:ready') {
        clearTimeout(timer);
        if (!liveReady) {
          liveReady = true;
          // The page may have changed state while the view was loading.
          if (typeof m.hash === 'string' && m.hash !== hashOf(chartState())) {
            live.contentWindow.postMessage({ type: 'azflows:state', hash: hashOf(chartState()) }, '*');
          }
          chart.classList.add('live');
          page.mode = 'live';
          say('Interactive chart: hover or tap a shape to see its figure, year and footnote; click to pin it.');
        }
      } else if (m.type === 'azflows:key' && typeof m.key === 'string') {
        // Keys pressed while the chart has focus, for the presentation mode's clicker keys.
        document.dispatchEvent(new CustomEvent('azflows:key', { detail: m.key }));
      } else if (m.type === 'azflows:hover') {
        var t = typeof m.text === 'string' ? m.text : '';
        readout.textContent = t;
        page.readout = t;
      } else if (m.type === 'azflows:error') {
        clearTimeout(timer);
        if (location.protocol === 'file:') {
          useFallback('this page was opened from a file, and browsers do not load its WebAssembly from files (the single-file azflows.html does)');
        } else {
          useFallback('the interactive chart could not start (' + String(m.message || 'unknown error').slice(0, 200) + ')');
        }
      }
    });
  }

  form.addEventListener('change', function () {
    setState(parseHash('view=' + form.elements.view.value + '&year=' + form.elements.year.value + (form.elements.context.checked ? '&context=1' : '')), true);
  });
  window.addEventListener('hashchange', function () { page.flags = readFlags(); setState(parseHash(location.hash), false); });

  // For modes.js (embed, presentation): go to a state, hear of state changes, build hashes.
  page.go = function (hash) { setState(parseHash(hash), true); };
  page.onState = function (fn) { listeners.push(fn); };
  page.hashOf = hashOf;
  page.flagSuffix = flagSuffix;
  page.liveFrame = function () { return live; };

  setState(parseHash(location.hash), false);
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    useFallback('this browser has no WebAssembly');
  } else if (!hasWebGL()) {
    useFallback('this browser has no WebGL');
  } else {
    startLive();
  }
})();
