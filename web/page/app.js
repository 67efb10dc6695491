// azflows page glue: keeps the view and year in the URL hash, shows the pre-rendered SVG at
// once, then swaps in the interactive ebiten view (in an iframe) when WebAssembly and WebGL are
// there, or the go-echarts fallback when they are not or loading fails.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('azflows-config').textContent);
  // The names of the messages between the page and its view (site/messages.go).
  var MSG = config.messages;
  var chart = document.getElementById('chart');
  var staticBox = document.getElementById('static');
  // The phone's first chart (cmd/build): shown on narrow screens while #static shows the
  // page's first state (.phone-first on the chart, style.css).
  var phoneBox = document.getElementById('static-phone');
  var firstTemplate = staticBox.getAttribute('data-template') || '';
  var notice = document.getElementById('chart-notice');
  var readout = document.getElementById('readout');
  var form = document.getElementById('controls');
  var READY_TIMEOUT_MS = 20000;

  // ---- language ----
  // The page is written once per language; the config names its language, every language
  // with its pages (site.LangPages) and its strings. Every file name comes from the config.
  var LANGS = config.langs.map(function (l) { return l.lang; });
  var LANG_KEY = 'azflows-lang'; // an explicit choice (the hash's lang or the switch), remembered
  var pageLang = LANGS.indexOf(config.lang) >= 0 ? config.lang : LANGS[0];
  var strings = config.strings || {};
  // tr is the page's string key in its language, {1}, {2} filled with the arguments; English
  // (given) when the config has no such string.
  function tr(k, english) {
    var s = typeof strings[k] === 'string' ? strings[k] : english;
    var args = Array.prototype.slice.call(arguments, 2);
    return s.replace(/\{(\d)\}/g, function (m, n) { return args[n - 1] === undefined ? m : String(args[n - 1]); });
  }
  // The single files (web/page/offline.js runs first in them) link to each other as the site's
  // pages do.
  var offlineFile = !!window.azflowsOffline;
  // A host with "pretty URLs" (Cloudflare Pages) serves each page at its name without its
  // extension, and redirects the full name there; the page knows itself by either name and,
  // reached by the short one, links its siblings by theirs.
  function short(name) { var dot = name.lastIndexOf('.'); return dot > 0 ? name.slice(0, dot) : name; }
  var here = location.pathname.slice(location.pathname.lastIndexOf('/') + 1);
  var pretty = here !== '' && config.langs.some(function (l) { return l.page !== here && short(l.page) === here; });
  function pageFor(l) {
    for (var i = 0; i < config.langs.length; i++) {
      if (config.langs[i].lang === l) return offlineFile ? config.langs[i].offline : pretty ? short(config.langs[i].page) : config.langs[i].page;
    }
    return '';
  }
  // Inside a frame the page speaks the language its address names, never a remembered one,
  // and remembers nothing: an embed is the host's choice, not the reader's (issue 27).
  var framed = (function () { try { return window.parent !== window; } catch (e) { return true; } })();
  function remember(l) { if (framed) return; try { localStorage.setItem(LANG_KEY, l); } catch (e) { /* storage off */ } }
  // wantedLang is the language the reader asked for: the hash's lang (remembered), else on the
  // English page a remembered choice, else the browser's first language if the page speaks it.
  function wantedLang() {
    var h = parseHash(location.hash).lang;
    if (h) { remember(h); return h; }
    if (pageLang !== LANGS[0] || framed) return pageLang;
    var stored = null;
    try { stored = localStorage.getItem(LANG_KEY); } catch (e) { stored = null; }
    if (LANGS.indexOf(stored) >= 0) return stored;
    var nav = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < nav.length; i++) {
      var l = String(nav[i] || '').toLowerCase().split('-')[0];
      if (LANGS.indexOf(l) >= 0) return l;
    }
    return LANGS[0];
  }
  // The site's pages have their translations beside them, and so do the single files as the
  // build writes them; a page saved under another name stays in its language and offers no
  // switch. A single file never leaves itself unasked (a sibling copied apart would be
  // missing): a lang in the hash or a remembered choice keeps it; only the switch's links go.
  var sitePage = offlineFile || here === '' || pretty || config.langs.some(function (l) { return l.page === here; });
  if (!sitePage) {
    var sw = document.getElementById('lang-switch');
    if (sw) sw.hidden = true;
  }
  var want = wantedLang();
  if (want !== pageLang && sitePage && !offlineFile) {
    window.azflowsPage = { redirecting: pageFor(want) };
    location.replace(pageFor(want) + location.search + location.hash);
    return;
  }

  var page = window.azflowsPage = { state: null, mode: 'static', notice: '', readout: '', reason: '', parseHash: function (s) { return parseHash(s); } };
  var listeners = []; // called with each new state (modes.js)
  var live = null; // the ebiten iframe
  var liveReady = false;
  var liveShown = ''; // the datum whose tooltip the live view shows (its last hover message)
  var fallback = null; // the echarts iframe

  // parseHash follows charts.ParseHash: unknown keys are ignored, bad values give the default.
  function parseHash(s) {
    var st = { view: config.views[0], year: config.years[0], context: false, lang: '' };
    s = String(s || '').replace(/^[#?]+/, '');
    // The first 2048 bytes of UTF-8, as Go cuts them (a character cut in two matches nothing).
    if (s.length > 512 && window.TextEncoder) {
      var utf8 = new TextEncoder().encode(s);
      if (utf8.length > 2048) s = new TextDecoder().decode(utf8.subarray(0, 2048));
    }
    var seen = {};
    // unescape is Go's url.QueryUnescape: a malformed escape drops the pair; escapes that are not
    // UTF-8 (which Go keeps as bytes, and which then match no valid value) become U+FFFD.
    function unescape(x) {
      if (/%(?![0-9a-fA-F]{2})/.test(x)) throw new Error('bad escape');
      x = x.replace(/\+/g, ' ');
      try { return decodeURIComponent(x); } catch (e) { return '\uFFFD'; }
    }
    s.split('&').forEach(function (pair) {
      var i = pair.indexOf('=');
      var k = i < 0 ? pair : pair.slice(0, i);
      var v = i < 0 ? '' : pair.slice(i + 1);
      if (pair === '') return;
      if (pair.indexOf(';') >= 0) return; // Go's url.ParseQuery rejects these pairs
      try { k = unescape(k); v = unescape(v); } catch (e) { return; }
      if (seen[k]) return; // the first value of a repeated key wins, as in Go
      seen[k] = true;
      if (k === 'view' && config.views.indexOf(v) >= 0) st.view = v;
      if (k === 'context') st.context = v === '1';
      if (k === 'lang' && LANGS.indexOf(v) >= 0) st.lang = v;
      // ASCII white space only around the year (\s would also take U+FEFF and other Unicode spaces).
      if (k === 'year' && /^[ \t\n\v\f\r]*\+?[0-9]+[ \t\n\v\f\r]*$/.test(v) && config.years.indexOf(parseInt(v, 10)) >= 0) st.year = parseInt(v, 10);
    });
    if (!sitePage || offlineFile) st.lang = ''; // a single file speaks its own language only
    return st;
  }
  // withLang is st with the page's language when the hash names none: the view draws it.
  function withLang(st) {
    if (st.lang || pageLang === LANGS[0]) return st;
    return { view: st.view, year: st.year, context: st.context, lang: pageLang };
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
  // filesOf is what the config names for a chart state: its templates, fallback page and
  // downloads (site.StateFiles), listed by the state's hash without its language.
  function filesOf(st) { return config.files[hashOf({ view: st.view, year: st.year, context: st.context })] || null; }

  // say shows msg in the notice line; a hint (how to use the live chart) is not shown on the
  // presentation's slides (style.css).
  function say(msg, hint) { notice.textContent = msg; page.notice = msg; notice.classList.toggle('hint', !!hint); }

  // ---- the static chart of each state ----
  // The page holds the SVG of one state in #static (data-template names it), as the build
  // wrote it; the others are text in one file that #static's data-svgs names (cmd/build,
  // writeStateSVGs), fetched once, after the first chart (or first thing when the page opens
  // on another state), and each is parsed the first time it is shown. Until a state's SVG
  // has come, the chart shown stays; if it cannot come, the chart's place says so in words.
  var svgIds = { shown: staticBox.getAttribute('data-template') || '' };
  var svgParsed = {}; // template id → its SVG element, parsed once and moved in and out of #static
  if (svgIds.shown && staticBox.firstElementChild) svgParsed[svgIds.shown] = staticBox.firstElementChild;
  var svgTexts = {}; // kind ('' or 'phone') → promise of {template id: SVG text}
  var receiveSVGs = {}; // page.addStateSVGs hands each script's object here, by its kind
  // The phone's box (#static-phone): its SVGs are the model's phone layout, in their own file
  // (#static-phone's data-svgs, cmd/build writePhoneStateSVGs), loaded only where that box
  // shows the chart (phoneBoxShown); the box holds the state phoneIds.shown.
  var phoneIds = { shown: phoneBox && phoneBox.firstElementChild ? firstTemplate : '' };
  var phoneParsed = {};
  if (phoneBox && phoneBox.firstElementChild) phoneParsed[firstTemplate] = phoneBox.firstElementChild;
  // phoneBoxShown says whether the chart is drawn in the phone's box (style.css sets
  // --phone-box on the chart where it is: narrow screens, not on slides or in short embeds).
  function phoneBoxShown() {
    return !!phoneBox && !!phoneBox.getAttribute('data-svgs') && getComputedStyle(chart).getPropertyValue('--phone-box').trim() === '1';
  }
  // loadSVGTexts loads the script the box's data-svgs names (#static's, or with kind 'phone'
  // #static-phone's), which calls page.addStateSVGs with its object (a script rather than a
  // fetch: a page opened from a file may load a script beside it, not fetch it); the single
  // files have #static's JSON in their bundle.
  function loadSVGTexts(kind) {
    kind = kind || '';
    if (svgTexts[kind]) return svgTexts[kind];
    var src = (kind ? phoneBox : staticBox).getAttribute('data-svgs') || '';
    var offline = window.azflowsOffline;
    var p = offline && typeof offline.text === 'function' ? offline.text(src).then(JSON.parse) : new Promise(function (resolve, reject) {
      receiveSVGs[kind] = resolve;
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onerror = function () { reject(new Error(src + ' did not load')); };
      s.onload = function () { reject(new Error(src + ' holds no charts')); }; // after its call, if any: then a no-op
      document.head.appendChild(s);
    });
    svgTexts[kind] = p.then(function (o) {
      if (!o || typeof o !== 'object') throw new Error(src + ' holds no charts');
      return o;
    });
    return svgTexts[kind];
  }
  // stateSVG is a promise of the SVG element of the template id (with kind 'phone', the
  // phone's): the one the page shows, so not to be changed (clone it).
  function stateSVG(id, kind) {
    var parsed = kind ? phoneParsed : svgParsed;
    if (parsed[id]) return Promise.resolve(parsed[id]);
    return loadSVGTexts(kind).then(function (texts) {
      if (parsed[id]) return parsed[id];
      if (typeof texts[id] !== 'string') throw new Error('no chart ' + id);
      var t = document.createElement('template');
      t.innerHTML = texts[id];
      var svg = t.content.firstElementChild;
      if (!svg || svg.localName !== 'svg') throw new Error('no chart ' + id);
      parsed[id] = svg;
      return svg;
    });
  }
  var staticWanted = 0; // counts the calls of showStatic: only the last one's chart is shown
  // showStatic shows the static chart of st: where the phone's box shows the chart, its phone
  // SVG first (never the 800×450 one in the box while the phone's may still come), then
  // #static's (print, a wider window); where the phone's cannot come, #static's in the box.
  function showStatic(st) {
    showSummary(st);
    var f = filesOf(st);
    if (!f) return;
    var n = ++staticWanted;
    var phone = phoneBoxShown();
    if (phone && phoneIds.shown === f.template) chart.classList.add('phone-first');
    if (phone && phoneIds.shown !== f.template) {
      stateSVG(f.template, 'phone').then(function (svg) {
        if (n !== staticWanted) return;
        phoneBox.replaceChildren(svg);
        phoneIds.shown = f.template;
        chart.classList.add('phone-first');
        showDesktop(f, n);
      }, function () { if (n === staticWanted) showDesktop(f, n); });
      return;
    }
    showDesktop(f, n);
  }
  function showDesktop(f, n) {
    if (svgIds.shown === f.template) { chart.classList.toggle('phone-first', phoneIds.shown === f.template); return; }
    stateSVG(f.template).then(function (svg) {
      if (n !== staticWanted) return;
      staticBox.replaceChildren(svg);
      svgIds.shown = f.template;
      staticBox.setAttribute('data-template', f.template);
      chart.classList.toggle('phone-first', phoneIds.shown === f.template);
    }, function (err) {
      if (n !== staticWanted) return;
      var p = document.createElement('p');
      p.className = 'static-missing';
      p.textContent = tr('notice.static.missing', 'This chart could not be loaded ({1}); the table view has its figures.', String((err && err.message) || err).slice(0, 200));
      staticBox.replaceChildren(p);
      chart.classList.toggle('phone-first', phoneIds.shown === f.template);
      svgIds.shown = '';
      staticBox.setAttribute('data-template', '');
    });
  }

  // reserveSummary gives the summary's paragraph the height of the tallest of the charts'
  // summaries at its width, so that a change of view or year moves nothing under the chart
  // (the layout shift stays under 0.02 on desktops, where the text under the chart is in
  // view); again when its width changes. It measures in a hidden copy, never in the summary a
  // reader may be on. The paragraph is the summary's own text (#chart-summary), its table link
  // in a paragraph of its own: Orca's P skipped the summary's paragraph whenever its text came
  // to fewer than three characters of its own (the summary's span and the link each one
  // embedded object, the space between them gone under flex, a block span or a link out of
  // the flow; tools/e2e TestOrcaHearsTheChart).
  var summaryWidth = -1;
  function reserveSummary() {
    var box = document.querySelector('figcaption .summary');
    var w = box ? box.getBoundingClientRect().width : 0;
    if (!box || w < 50 || w === summaryWidth) return; // (embed and presentation hide it in a 1 px box)
    summaryWidth = w;
    var probe = box.cloneNode(true);
    probe.removeAttribute('id');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;visibility:hidden;left:0;top:0;min-height:0;width:' + w + 'px';
    box.parentNode.appendChild(probe);
    var tallest = 0, seen = {};
    Object.keys(config.files).forEach(function (h) {
      var id = config.files[h] && config.files[h].summary;
      var tpl = id && !seen[id] && document.getElementById(id);
      if (!tpl) return;
      seen[id] = true;
      probe.replaceChildren(tpl.content.cloneNode(true));
      tallest = Math.max(tallest, probe.getBoundingClientRect().height);
    });
    probe.remove();
    box.style.minHeight = tallest > 0 ? tallest + 'px' : '';
  }
  window.addEventListener('resize', reserveSummary);

  // showSummary puts the state's text alternative (built from the data, see charts/layout/summary.go)
  // under the chart, with a link to the table of the same year.
  function showSummary(st) {
    reserveSummary(); // its width may have changed without a resize (the presentation's end)
    var f = filesOf(st);
    var tpl = f && document.getElementById(f.summary);
    if (tpl) document.getElementById('chart-summary').replaceChildren(tpl.content.cloneNode(true)); // as nodes: its English quotations keep their lang
    document.getElementById('summary-table').setAttribute('href', '#' + hashOf({ view: 'table', year: st.year }));
  }

  // chartState is the state the chart shows: on a page view (table, sources), the default chart
  // view of the chosen year, ready for when the reader goes back.
  function chartState() {
    var st = page.state;
    return isChart(st.view) ? st : { view: config.charts[0], year: st.year, context: st.context, lang: st.lang };
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
    // The year means something only on the charts: elsewhere its buttons are disabled and a
    // line says why.
    var none = document.getElementById('year-none');
    if (none) {
      none.hidden = isChart(st.view);
      none.closest('fieldset').disabled = !isChart(st.view);
    }
  }

  function setState(st, fromUser) {
    var prev = page.state;
    st = withLang(st);
    page.state = st;
    var h = hashOf(st);
    if (fromUser && location.hash.slice(1) !== h + flagSuffix()) {
      history.replaceState(null, '', '#' + h + flagSuffix());
    }
    form.elements.view.value = st.view;
    var viewSelect = document.getElementById('view-select');
    if (viewSelect) {
      // The option of the view, with the context layer if the state has it and the view offers it.
      var opts = [].slice.call(viewSelect.options).filter(function (o) { return o.getAttribute('data-view') === st.view; });
      var pick = opts.filter(function (o) { return !!o.getAttribute('data-context') === !!st.context; })[0] || opts[0];
      if (pick) viewSelect.selectedIndex = pick.index;
    }
    form.elements.year.value = String(st.year);
    form.elements.context.checked = !!st.context;
    var files = page.files = filesOf(chartState());
    if (files) {
      [files.svg].concat(files.png).forEach(function (d) {
        var a = document.getElementById(d.link);
        if (a) { a.setAttribute('href', d.href); a.setAttribute('download', d.name); }
      });
    }
    updateSwitch(st);
    document.getElementById('copy-link').setAttribute('href', '#' + h);
    listeners.forEach(function (fn) { fn(st); });
    showPageView(st);
    readyClock();
    if (st.view === 'table' && tableAsked) {
      // The summary's table link hides with the chart: the focus goes to the table's heading,
      // which a screen reader then reads.
      tableAsked = false;
      var heading = document.getElementById('table-title');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    if (!isChart(st.view)) return;
    if (prev && hashOf(prev) === h && page.mode !== 'static') return;
    showStatic(st);
    readout.textContent = ''; page.readout = '';
    // A change the reader made is said in one polite sentence: what the chart now shows.
    if (fromUser && prev && files && files.name) {
      readout.textContent = page.readout = tr('notice.showing', 'Now showing: {1}.', files.name.replace(/\.$/, '')); // "2012 г." ends the sentence
    }
    if (live && liveReady) {
      live.contentWindow.postMessage({ type: MSG.state, hash: h }, '*');
      labelLive();
    }
    if (fallback && filesOf(st)) loadFallback(filesOf(st).fallback);
  }

  // The language switch: each link goes to its page with the state (and its lang) in the hash;
  // following one is an explicit choice, remembered.
  function updateSwitch(st) {
    var links = document.querySelectorAll('#lang-switch a[data-lang]');
    for (var i = 0; i < links.length; i++) {
      var l = links[i].getAttribute('data-lang');
      links[i].setAttribute('href', pageFor(l) + '#' + hashOf({ view: st.view, year: st.year, context: st.context, lang: l }) + flagSuffix());
    }
  }
  var tableAsked = false; // the summary's table link was followed: setState focuses the table
  document.getElementById('summary-table').addEventListener('click', function () { tableAsked = true; });
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('#lang-switch a[data-lang]') : null;
    if (a) remember(a.getAttribute('data-lang'));
  });

  function hasWebGL() {
    try {
      var c = document.createElement('canvas');
      return !!(c.getContext('webgl2') || c.getContext('webgl'));
    } catch (e) { return false; }
  }

  // load points a frame at a page of the site; the single-file azflows.html builds the page
  // from what it carries instead (web/page/offline.js), since a file cannot fetch its neighbours.
  function load(f, src) {
    var offline = window.azflowsOffline;
    if (offline && typeof offline.load === 'function') offline.load(f, src);
    else f.src = src;
  }

  function frame(cls, src, title) {
    var f = document.createElement('iframe');
    f.className = cls;
    f.title = title;
    f.setAttribute('aria-describedby', 'chart-summary summary-table chart-keys');
    if (src) load(f, src);
    return f;
  }

  // ---- never blank: the static chart stays until the fallback page has drawn ----
  // Each page the fallback frame loads is laid out but unseen (.fallback-pending, style.css),
  // over the static chart of the same state, until its echarts canvas has pixels; a page from
  // another origin (index.html opened from a file) cannot be looked into: its load event then.
  var FALLBACK_PAINT_MS = 10000;
  function painted(f, before) {
    try {
      var d = f.contentDocument;
      if (!d || d === before || d.readyState === 'loading') return false;
      var c = d.querySelector('canvas');
      if (!c || !c.width || !c.height) return false;
      var px = c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1).data;
      return px[3] > 0;
    } catch (e) { return null; } // not ours to look into
  }
  var pending = 0; // counts the fallback's loads: only the last one's paint reveals it
  function loadFallback(src) {
    var f = fallback, n = ++pending, start = Date.now(), loadedAt = 0, before = null;
    try { before = f.contentDocument; } catch (e) { before = null; }
    chart.classList.add('fallback-pending');
    page.fallbackPainted = false;
    var onLoad = function () {
      var d = null;
      try { d = f.contentDocument; } catch (e) { d = null; }
      if (d !== before) loadedAt = Date.now(); // not the blank page a new frame starts with
    };
    f.addEventListener('load', onLoad);
    (function check() {
      if (n !== pending || f !== fallback) { f.removeEventListener('load', onLoad); return; }
      var p = painted(f, before);
      var waitedLong = loadedAt && Date.now() - loadedAt > 1500; // loaded, but drew nothing we can see
      if (p === true || (p === null && loadedAt) || waitedLong || Date.now() - start > FALLBACK_PAINT_MS) {
        f.removeEventListener('load', onLoad);
        chart.classList.remove('fallback-pending');
        page.fallbackPainted = true;
        return;
      }
      requestAnimationFrame(check);
    })();
    load(f, src);
  }

  // ---- the single file's data, damaged (web/page/offline.js): said at once, in the page's language ----
  // Without its pages and scripts (the block azflows-assets) no frame can be built: the static
  // chart stays (the first state's, which the page holds), with the notice. Without the view's
  // program (azflows-wasm) the fallback draws.
  var damagedBlock = '';
  function bundleDamaged(id) {
    if (damagedBlock) return;
    damagedBlock = id;
    if (id === 'azflows-wasm') {
      useFallback(tr('notice.fallback.damaged', 'this file is damaged or incomplete (download it again)'));
      return;
    }
    if (live) { live.remove(); live = null; liveReady = false; }
    page.reason = tr('notice.offline.damaged', 'This file is damaged or incomplete, so its interactive chart cannot be unpacked; the table view has the figures. Download the file again.');
    say(page.reason);
  }
  if (window.azflowsOffline) window.azflowsOffline.onDamaged = bundleDamaged;

  function useFallback(reason) {
    if (page.mode === 'fallback' || damagedBlock === 'azflows-assets') return;
    page.reason = reason;
    if (live) { live.remove(); live = null; liveReady = false; }
    liveTaller = 0;
    sizeLive();
    fallback = frame('fallback-frame', null, tr('iframe.fallback', 'Chart (simplified version)'));
    document.getElementById('fallback-slot').appendChild(fallback);
    if (filesOf(chartState())) loadFallback(filesOf(chartState()).fallback);
    chart.classList.remove('live');
    [staticBox, phoneBox].forEach(function (b) { if (b) { b.removeAttribute('aria-hidden'); b.inert = false; } });
    chart.classList.add('fallback');
    page.mode = 'fallback';
    say(tr('notice.fallback', 'Showing the simplified chart: {1}.', reason));
  }

  // ---- the taller picture (site.MsgTaller) ----
  // Where a view cannot show everything at its frame's height, the model grows the picture
  // (layout.Build) and the view says how tall its chart is: its box takes that height (an
  // embed then scrolls; a host's sizer, web/page/embed.js, makes its frame taller), until the
  // view says 0 (another view, another size). The static first paint keeps its own size.
  var liveTaller = 0;
  function sizeLive() {
    var on = !!live && liveReady && liveTaller > 0;
    if (live) {
      live.style.height = on ? liveTaller + 'px' : '';
      live.style.aspectRatio = on ? 'auto' : '';
    }
    document.body.classList.toggle('taller', on);
    page.taller = on ? liveTaller : 0;
  }
  page.taller = 0;

  // labelLive tells the view what a screen reader says of the chart it shows (view.js).
  function labelLive() {
    var f = filesOf(chartState());
    if (!live || !liveReady || !f) return;
    live.contentWindow.postMessage({ type: MSG.label, name: f.name, description: f.desc, lang: pageLang }, '*');
  }

  // ---- sharp when the host scales the frame (a reveal.js deck; web/page/embed.js) ----
  // The host's scale goes to the view, which draws its canvas at the resolution it is shown at
  // (web/view/view.js); the view takes it before its program starts, so it is sent as soon as
  // it is known and again when the view's page has loaded.
  var hostScale = 1;
  function scaleLive() {
    if (live && live.contentWindow && hostScale !== 1) live.contentWindow.postMessage({ type: MSG.viewscale, scale: hostScale }, '*');
  }
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (ev.source !== window.parent || window.parent === window || !m) return;
    if (m.type === MSG.scale) {
      var s = Number(m.scale);
      hostScale = isFinite(s) ? Math.min(4, Math.max(1, s)) : 1; // only sharper, at most 4×
      scaleLive();
    }
  });

  // A press on the page outside the chart's frame (a press inside reaches the frame's
  // document, not this one) takes away the tooltip the live view shows, as a tap on nothing
  // in the chart does.
  document.addEventListener('pointerdown', function () {
    if (live && liveReady && liveShown) live.contentWindow.postMessage({ type: MSG.dismiss }, '*');
  }, true);

  // The wait for the view's ready (READY_TIMEOUT_MS) counts only while a chart is shown: a
  // hidden view does not draw, so it cannot say it is ready (a link to the table view).
  // readyWait is what runs when the wait is over (null once the view is ready).
  var readyWait = null, readyLeft = 0, readyTimer = 0, readyFrom = 0;
  function readyClock() {
    var run = !!readyWait && isChart(page.state.view);
    if (run && !readyTimer) {
      readyFrom = performance.now();
      readyTimer = setTimeout(function () {
        var f = readyWait;
        readyTimer = 0; readyWait = null;
        if (f) f();
      }, Math.max(0, readyLeft));
    } else if (!run && readyTimer) {
      clearTimeout(readyTimer);
      readyTimer = 0;
      readyLeft -= performance.now() - readyFrom;
    }
  }

  function startLive() {
    if (damagedBlock === 'azflows-assets') return; // no view to unpack: bundleDamaged said so
    live = frame('live-frame', config.view + '#' + hashOf(chartState()), tr('iframe.live', 'Interactive chart: hover or tap a bar or band for its figure and source'));
    live.addEventListener('load', scaleLive);
    // No tab stop of its own: Tab goes straight to the chart's canvas inside (view.js), the
    // element a screen reader names, not to a silent frame first.
    document.getElementById('live-slot').appendChild(live);
    readyWait = function () {
      if (damagedBlock) return; // said already
      useFallback(tr('notice.fallback.timeout', 'the interactive chart did not load within {1} seconds (a slow connection?)', READY_TIMEOUT_MS / 1000));
    };
    readyLeft = READY_TIMEOUT_MS;
    readyClock();
    say(tr('notice.loading', 'Loading the interactive chart…'));
    window.addEventListener('message', function (ev) {
      if (!live || ev.source !== live.contentWindow) return;
      // And only from the site's own origin (the single file's srcdoc frames share it): a page
      // that embeds this one could navigate the frame to a page of its own. From a file, the
      // page's origin reads "file://" and its frames' messages come from "null".
      if (ev.origin !== location.origin && !(location.protocol === 'file:' && (ev.origin === 'null' || ev.origin === 'file://'))) return;
      var m = ev.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
      if (m.type === MSG.ready) {
        readyWait = null;
        readyClock();
        if (!liveReady) {
          liveReady = true;
          // The page may have changed state while the view was loading.
          if (typeof m.hash === 'string' && m.hash !== hashOf(chartState())) {
            live.contentWindow.postMessage({ type: MSG.state, hash: hashOf(chartState()) }, '*');
          }
          labelLive();
          chart.classList.add('live');
          sizeLive();
          // The static chart stays beneath the view (web/page/style.css), for the eye only.
          [staticBox, phoneBox].forEach(function (b) { if (b) { b.setAttribute('aria-hidden', 'true'); b.inert = true; } });
          page.mode = 'live';
          // Where the only pointer is a finger (a touch phone), the hint speaks of tapping only;
          // where a mouse or pen also is, or no pointer at all, of both.
          var mq = function (q) { return typeof window.matchMedia === 'function' && window.matchMedia(q).matches; };
          var touch = mq('(any-pointer: coarse)') && !mq('(any-pointer: fine)');
          say(touch ? tr('notice.live.touch', 'Interactive chart: tap a shape to see its figure, year and footnote; tap it again to hide them.')
            : tr('notice.live', 'Interactive chart: hover or tap a shape to see its figure, year and footnote; click to pin it.'), true);
        }
      } else if (m.type === MSG.key && typeof m.key === 'string') {
        // Keys pressed while the chart has focus, for the presentation mode's clicker keys.
        document.dispatchEvent(new CustomEvent(MSG.key, { detail: m.key }));
      } else if (m.type === MSG.progress) {
        // view.js counts the bytes of view.wasm as they arrive; the static chart stays meanwhile.
        // The notice counts the bytes that travel: where the server compressed view.wasm, the
        // bytes read are the decoded ones, so their share of the decoded size (config.viewBytes)
        // is taken of the compressed size the response announced (m.wire); without that, the
        // notice gives no number rather than the decoded one.
        if (!liveReady && page.mode === 'static' && typeof m.loaded === 'number' && m.loaded >= 0) {
          var mb = function (n) { var s = (n / 1e6).toFixed(1); return s.replace('.', config.decimal); };
          var total = typeof m.total === 'number' && m.total >= m.loaded ? m.total : 0;
          var wire = typeof m.wire === 'number' && m.wire > 0 && config.viewBytes > 0 ? m.wire : 0;
          say(total ? tr('notice.progress.of', 'Loading the interactive chart… {1} MB of {2} MB', mb(m.loaded), mb(total))
            : wire ? tr('notice.progress.of', 'Loading the interactive chart… {1} MB of {2} MB', mb(Math.min(1, m.loaded / config.viewBytes) * wire), mb(wire))
              : tr('notice.loading', 'Loading the interactive chart…'));
        }
      } else if (m.type === MSG.taller) {
        var th = Number(m.height);
        liveTaller = isFinite(th) && th > 0 ? Math.min(4096, Math.ceil(th)) : 0;
        sizeLive();
      } else if (m.type === MSG.hover) {
        liveShown = typeof m.datum === 'string' ? m.datum : '';
        var t = typeof m.text === 'string' ? m.text : '';
        readout.textContent = t;
        page.readout = t;
      } else if (m.type === MSG.error) {
        readyWait = null;
        readyClock();
        if (location.protocol === 'file:' && !window.azflowsOffline) {
          useFallback(tr('notice.fallback.file', 'this page was opened from a file, and browsers do not load its WebAssembly from files (the single-file azflows.html does)'));
        } else {
          // The reason in the page's language where the view sent its code (English, with
          // the browser's own words, only where it has none).
          var why = typeof m.reason === 'string' && typeof strings['notice.reason.' + m.reason] === 'string'
            ? tr('notice.reason.' + m.reason, '', String(m.arg || '').slice(0, 100))
            : String(m.message || tr('notice.fallback.unknown', 'for an unknown reason')).slice(0, 200);
          useFallback(tr('notice.fallback.error', 'the interactive chart could not start — {1}', why));
        }
      }
    });
  }

  // ---- the reader's data plan: the live view on intent ----
  // With Save-Data on, or on a connection the browser rates 2G, the live view (view.wasm and
  // its fonts, about 2.3 MB) loads only once the reader reaches for the chart: the first
  // mouse over it, press, touch or key on it. Until then the static chart is the chart, with
  // its tooltips and the table. page.intent says which: '' (loads at once), 'waiting', or the
  // performance.now() of the intent.
  function onIntent() {
    var c = navigator.connection;
    return !!c && (c.saveData === true || c.effectiveType === 'slow-2g' || c.effectiveType === '2g');
  }
  page.intent = '';
  function waitForIntent() {
    var kinds = ['pointerover', 'pointerdown', 'keydown'];
    page.intent = 'waiting';
    say(tr('notice.intent', 'To save data, the interactive chart loads only when you move the pointer over the chart, tap it or press a key on it.'), true);
    var go = function (ev) {
      if (ev.type === 'pointerover' && ev.pointerType === 'touch') return; // its press follows
      kinds.forEach(function (k) { chart.removeEventListener(k, go, true); });
      page.intent = performance.now();
      startLive();
    };
    kinds.forEach(function (k) { chart.addEventListener(k, go, true); });
  }

  // On phones the views are a select (style.css): it sets the view's radio button.
  var viewSelect = document.getElementById('view-select');
  if (viewSelect) {
    viewSelect.addEventListener('change', function (ev) {
      var o = viewSelect.options[viewSelect.selectedIndex];
      if (!o) return;
      ev.stopPropagation();
      form.elements.view.value = o.getAttribute('data-view');
      form.elements.context.checked = !!o.getAttribute('data-context');
      form.dispatchEvent(new Event('change'));
    });
  }
  // On phones the lede shows two lines and a "More" that shows the rest (style.css).
  var lede = document.getElementById('lede'), ledeMore = document.getElementById('lede-more');
  if (lede && ledeMore) {
    ledeMore.addEventListener('click', function () {
      lede.classList.add('open');
      ledeMore.setAttribute('aria-expanded', 'true');
      lede.setAttribute('tabindex', '-1');
      lede.focus();
    });
  }
  // Enter on a radio button chooses it, as Space does (a screen reader's users press either).
  form.addEventListener('keydown', function (ev) {
    var r = ev.target;
    if (ev.key !== 'Enter' || !r || r.type !== 'radio') return;
    ev.preventDefault();
    if (!r.checked) { r.checked = true; r.dispatchEvent(new Event('change', { bubbles: true })); }
  });
  form.addEventListener('change', function () {
    setState(parseHash('view=' + form.elements.view.value + '&year=' + form.elements.year.value + (form.elements.context.checked ? '&context=1' : '')), true);
  });
  window.addEventListener('hashchange', function () {
    var st = parseHash(location.hash);
    if (st.lang && st.lang !== pageLang && sitePage && !offlineFile) { // a link or the reader asked for another language
      remember(st.lang);
      location.replace(pageFor(st.lang) + location.search + location.hash);
      return;
    }
    page.flags = readFlags();
    setState(st, false);
  });

  // For modes.js (embed, presentation): go to a state, hear of state changes, build hashes.
  page.go = function (hash) { setState(parseHash(hash), true); };
  page.onState = function (fn) { listeners.push(fn); };
  page.hashOf = hashOf;
  page.flagSuffix = flagSuffix;
  page.lang = pageLang;
  page.tr = tr;
  // For offline.js (downloads): a promise of the SVG element of a state's template id.
  page.stateSVG = stateSVG;
  // For the script of the other states' SVGs (loadSVGTexts).
  page.addStateSVGs = function (o, kind) { var r = receiveSVGs[kind === 'phone' ? kind : '']; if (r) r(o); };

  // later runs fn in a task of its own, soon: the start is split into short tasks (each at
  // most 50 ms at 4× CPU slowdown, docs/performance.md), so that a reader's input, the
  // first paint and the view's frame get the main thread between them.
  var later = (function () {
    if (typeof MessageChannel !== 'function') return function (fn) { setTimeout(fn, 0); };
    var queue = [], ch = new MessageChannel();
    ch.port1.onmessage = function () { var fn = queue.shift(); if (fn) fn(); };
    return function (fn) { queue.push(fn); ch.port2.postMessage(0); };
  })();
  // The start: the state of the hash in this task (modes.js, next, reads it), and the other
  // states' SVGs asked for if it is not the page's own; then, each in a task of its own,
  // which chart replaces the static one (the WebGL check costs a context) and the live
  // view's frame, first, since the view's start is the longest way to the live chart; the
  // page set to the state (its controls, links, summary, chart); the other states' SVGs.
  page.state = withLang(parseHash(location.hash));
  reserveSummary();
  if (svgIds.shown !== (filesOf(chartState()) || {}).template) loadSVGTexts(phoneBoxShown() ? 'phone' : '').catch(function () { /* showStatic says so */ });
  later(function () {
    var why = typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' ? tr('notice.fallback.nowasm', 'this browser has no WebAssembly')
      : !hasWebGL() ? tr('notice.fallback.nowebgl', 'this browser has no WebGL') : '';
    if (why) {
      // The fallback loads the page's state: set first.
      later(function () { setState(page.state, false); });
      later(function () { useFallback(why); });
    } else {
      later(onIntent() ? waitForIntent : startLive);
      later(function () { setState(page.state, false); });
    }
    later(function () {
      if (phoneBoxShown()) loadSVGTexts('phone').catch(function () { /* #static's then */ });
      loadSVGTexts().catch(function () { /* said when one is shown */ });
    });
  });
})();
