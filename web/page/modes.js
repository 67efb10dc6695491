// azflows page modes: embed (#embed or ?embed: chart, controls and a one-line source only,
// sized for an iframe, with its height posted to the host page) and presentation (&present=N:
// a large-type story of views stepped with arrows, PageUp/PageDown, Space — what clickers send).
(function () {
  'use strict';
  var page = window.azflowsPage;
  var config = JSON.parse(document.getElementById('azflows-config').textContent);
  var MSG = config.messages; // site/messages.go
  if (!page || !page.go) return;
  var body = document.body;
  // tr is app.js's lookup of the page's strings in its language (English when missing).
  var tr = page.tr || function (k, english) { return english; };

  // ---- embed ----
  function postHeight() {
    if (window.parent === window) return;
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: MSG.height, height: h }, '*');
  }
  // embedCode is the iframe for a size: 'responsive' (the host's full width at 16:9), or a fixed
  // 'WxH'. allow="fullscreen" lets the embedded story go full screen.
  function embedCode(size) {
    var src = viewURL(page.state, true) + '&embed';
    var esc = function (s) { return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); };
    var m = /^(\d+)x(\d+)$/.exec(size || '');
    var box = m ? 'width="' + m[1] + '" height="' + m[2] + '" style="border:0;max-width:100%"'
      : 'style="border:0;width:100%;aspect-ratio:16/9;height:auto"';
    var frame = '<iframe src="' + esc(src) + '" title="' + esc(tr('share.title', '{1} — azflows', viewTitle(page.state))) + '" ' + box + ' allow="fullscreen" loading="lazy"' + (m ? '' : ' data-azflows') + '></iframe>';
    // The embed comes with the site's tiny sizer (web/page/embed.js, by its hashed name): it
    // makes the full-width frame as tall as the page in it, which then fits any column (on a
    // phone's, the chart's phone layout), or, in a reveal.js slide, the room under the slide's
    // heading; and it tells every frame the host's scale (a deck's), so the live chart is drawn
    // sharp. Without it the frame stays 16:9.
    if (!config.embedScript) return frame;
    return frame + '\n<script src="' + esc(new URL(config.embedScript, new URL(src, location.href)).href) + '" async></script>';
  }
  page.embedCode = embedCode;
  function embedSize() {
    var f = document.getElementById('embed-size');
    var c = f && f.querySelector('input:checked');
    return c ? c.value : 'responsive';
  }
  var code = document.getElementById('embed-code');
  function updateEmbedCode() { if (code) code.value = embedCode(embedSize()); }
  page.onState(updateEmbedCode);
  updateEmbedCode();
  var sizes = document.getElementById('embed-size');
  if (sizes) sizes.addEventListener('change', updateEmbedCode);
  var copy = document.getElementById('embed-copy');
  if (copy) {
    copy.addEventListener('click', function () {
      code.select();
      var done = function () {
        copy.textContent = tr('embed.copied', 'Copied');
        setTimeout(function () { copy.textContent = tr('embed.copy', 'Copy'); }, 2000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.value).then(done, function () { document.execCommand('copy'); done(); });
      } else { document.execCommand('copy'); done(); }
    });
  }
  function full() {
    var a = document.getElementById('embed-full');
    if (a) a.href = viewURL(page.state, true);
  }
  if (page.flags.embed) {
    body.classList.add('embed');
    // The host sizes the frame to the page (web/page/embed.js): the page takes its natural height.
    window.addEventListener('message', function (ev) {
      if (ev.source === window.parent && ev.data && ev.data.type === MSG.fit) {
        body.classList.add('fit');
        postHeight();
      }
    });
    page.onState(function () { full(); postHeight(); });
    full();
    if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.documentElement);
    window.addEventListener('load', postHeight);
    postHeight();
  }


  // ---- share, cite, offline honesty (issue 27) ----
  // Every address the page hands out names its language (lang=…, also for English) and, with
  // the site's address (make build SITE_URL=…), is absolute: a chart state's link preview page
  // (site.PreviewName), which opens the page at that state for people.
  function pageOfLang(l) {
    for (var i = 0; i < config.langs.length; i++) if (config.langs[i].lang === l) return config.langs[i].page;
    return '';
  }
  function langHash(st) {
    return page.hashOf({ view: st.view, year: st.year, context: st.context, lang: st.lang || page.lang });
  }
  function stateFiles(st) { return config.files[page.hashOf({ view: st.view, year: st.year, context: st.context })] || null; }
  // viewURL is the address of the page at state st: with the site's address, absolute;
  // without it, this page's address with the hash. forEmbed: the embed code's (the same page).
  function viewURL(st, forEmbed) {
    if (config.siteURL) return config.siteURL + pageOfLang(page.lang) + '#' + langHash(st);
    return location.href.split('#')[0].split('?')[0] + '#' + langHash(st);
  }
  // shareURL is what "Link to this view" hands out: a chart state's link-preview page
  // (site.PreviewName), which messengers unfurl with its picture and which opens the page at
  // that state for people; absolute with the site's address, else resolved on this page's
  // own. The hash only names the state to a reader of the link (the preview page knows it).
  // Other views (the table, the sources) and pages opened from a file: the page's address.
  function shareURL(st) {
    var f = stateFiles(st);
    var base = config.siteURL || (/^https?:$/.test(location.protocol) ? location.href : '');
    if (!f || !f.preview || !base) return viewURL(st);
    return new URL(f.preview, base).href + '#' + langHash(st);
  }
  page.shareURL = shareURL;
  page.viewURL = viewURL;
  // viewTitle names what state st shows: the chart's title in the page's language, or the
  // heading of the table or the sources.
  function viewTitle(st) {
    var cite = config.cite || {};
    var t = cite.titles && cite.titles[page.hashOf({ view: st.view, year: st.year, context: st.context })];
    if (t) return t;
    var el = st.view === 'sources' ? document.querySelector('#sources summary') : document.getElementById('table-title');
    return el ? el.textContent : document.title;
  }
  page.viewTitle = viewTitle;
  function bib(s) { return String(s).replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}'); }
  function citeTexts(st) {
    var c = config.cite || {};
    var title = viewTitle(st), url = viewURL(st), year = String(c.date || '').slice(0, 4);
    var ver = tr('cite.version', 'version {1} of {2}', c.version, c.date);
    var dataFrom = tr('cite.data', 'data from {1}', 'CARIM-East Explanatory Note 2013/41, EUI, RSCAS, 2013');
    var apa = c.site + '. (' + year + '). ' + title + ' [' + tr('cite.kind', 'Data visualization') + '; ' + ver + ']. ' + url;
    var key = [c.site, st.view, st.year, st.context ? 'context' : '', page.lang].filter(Boolean).join('-');
    var bibtex = '@misc{' + key + ',\n  title = {{' + bib(title) + '}},\n  author = {{' + bib(c.site) + '}},\n  year = {' + year + '},\n' +
      '  note = {' + bib(tr('cite.kind', 'Data visualization') + '; ' + ver + '; ' + dataFrom) + '},\n  url = {' + url + '}\n}';
    return { apa: apa, bibtex: bibtex };
  }
  page.citeTexts = citeTexts;
  var citeApa = document.getElementById('cite-apa'), citeBib = document.getElementById('cite-bibtex');
  function updateCite(st) {
    if (!citeApa || !config.cite) return;
    var t = citeTexts(st || page.state);
    citeApa.value = t.apa;
    citeBib.value = t.bibtex;
  }
  page.onState(updateCite);
  if (page.state) updateCite(page.state);
  // copyText puts text on the clipboard: a promise, rejected when the browser refused.
  function copyText(text, from) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () { return execCopy(text, from); });
    }
    return execCopy(text, from);
  }
  function execCopy(text, from) {
    return new Promise(function (resolve, reject) {
      var ta = from;
      if (!ta) { ta = document.createElement('textarea'); ta.value = text; ta.setAttribute('readonly', ''); ta.style.position = 'fixed'; ta.style.opacity = '0'; document.body.appendChild(ta); }
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      if (!from) ta.remove();
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }
  page.copyText = copyText;
  var citeStatus = document.getElementById('cite-status');
  var citeBox = document.getElementById('cite');
  if (citeBox) {
    citeBox.addEventListener('click', function (ev) {
      var btn = ev.target && ev.target.closest ? ev.target.closest('button[data-copy]') : null;
      if (!btn) return;
      var ta = document.getElementById(btn.getAttribute('data-copy'));
      if (!ta) return;
      copyText(ta.value, ta).then(function () {
        btn.textContent = tr('cite.copied', 'Copied');
        citeStatus.textContent = tr('cite.status', 'Copied: {1}.', btn.getAttribute('data-what') || '');
        setTimeout(function () { btn.textContent = tr('cite.copy', 'Copy'); }, 2000);
      }, function () {
        ta.select();
        citeStatus.textContent = tr('cite.failed', 'Could not copy; select the text and copy it.');
      });
    });
  }
  // "Link to this view": its address (above), copied with a word of feedback, or handed to the
  // phone's share sheet (Web Share API) where the pointer is a finger.
  var linkA = document.getElementById('copy-link');
  var shareStatus = document.getElementById('share-status');
  var printURL = document.getElementById('print-url');
  function updateLink(st) {
    if (linkA) linkA.setAttribute('href', shareURL(st || page.state));
    if (printURL) printURL.textContent = viewURL(st || page.state); // printed under the chart (style.css, @media print)
  }
  page.onState(updateLink);
  if (page.state) updateLink(page.state);
  if (linkA) {
    linkA.addEventListener('click', function (ev) {
      ev.preventDefault();
      var url = shareURL(page.state);
      var phone = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
      if (phone && navigator.share) {
        navigator.share({ title: tr('share.title', '{1} — azflows', viewTitle(page.state)), url: url }).catch(function () { /* dismissed */ });
        return;
      }
      copyText(url).then(function () {
        if (shareStatus) shareStatus.textContent = tr('share.copied', 'Link copied: {1}', url);
      }, function () {
        if (shareStatus) shareStatus.textContent = tr('cite.failed', 'Could not copy; select the text and copy it.') + ' ' + url;
      });
    });
  }
  // The single files: a file:// address is no use to anyone else. Without the site's address
  // the link and the embed code are hidden and a sentence says why; with it they point at the
  // page online (viewURL) and the sentence says so.
  if (window.azflowsOffline) {
    body.classList.add('offline-file');
    var said = config.siteURL ? tr('share.offline.at', 'This file works without a connection; the link to this view and the embed code point to the page online, at {1}.', config.siteURL)
      : tr('share.offline', 'This file works without a connection; a link to this view and the embed code need the page on a web site.');
    var note = document.createElement('p');
    note.id = 'offline-share';
    note.className = 'offline-share';
    note.textContent = said;
    var actions = document.querySelector('.actions');
    if (actions) actions.parentNode.insertBefore(note, actions.nextSibling);
    if (!config.siteURL) {
      if (linkA) linkA.hidden = true;
      var box = document.getElementById('embed');
      if (box) box.hidden = true;
    }
  }

  // ---- presentation ----
  var story = config.story || [];
  var bar = document.getElementById('present-bar');
  var caption = document.getElementById('present-caption');
  var counter = document.getElementById('present-step');
  var paused = false;
  var step = 0;
  var fullscreenLeaves = false; // the presentation went full screen with "Present": leaving one leaves both

  function show(n) {
    step = Math.max(1, Math.min(story.length, n));
    page.flags.present = step;
    var s = story[step - 1];
    caption.textContent = s.caption;
    counter.textContent = tr('present.step', 'Step {1} of {2}', step, story.length);
    page.present = { step: step, of: story.length, caption: s.caption, paused: paused };
    page.go(s.hash);
  }
  function enter(n) {
    body.classList.add('present');
    bar.hidden = false;
    show(n);
  }
  function leave() {
    if (!page.present) return;
    fullscreenLeaves = false;
    body.classList.remove('present');
    bar.hidden = true;
    page.flags.present = 0;
    page.present = null;
    page.go(page.hashOf(page.state));
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen();
  }
  // ---- keys: the story's, else the host's ----
  // The keys presenters' clickers send step the story while it has a step to go; otherwise, and
  // whenever the presentation is not running (not on, or its slide left), they belong to the
  // host page: a reveal.js deck gets them through its postMessage API ({method: 'next'} /
  // 'prev'), any other host by having the focus handed back to it.
  var NEXT = { ArrowRight: 1, PageDown: 1, ' ': 1 };
  var PREV = { ArrowLeft: 1, PageUp: 1 };
  var inDeck = false; // a reveal.js deck has posted slide:start or slide:stop to this page
  function toHost(key) {
    if (window.parent === window) return false;
    var method = NEXT[key] ? 'next' : PREV[key] ? 'prev' : '';
    if (!method) return false;
    try { window.parent.postMessage(JSON.stringify({ method: method }), '*'); } catch (e) { /* detached */ }
    if (!inDeck) {
      try { window.parent.focus(); } catch (e) { /* the host keeps its own focus rules */ }
    }
    return true;
  }
  function onKey(key) {
    if (!page.flags.present || paused) return toHost(key);
    if (NEXT[key]) return step < story.length ? (show(step + 1), true) : toHost(key);
    if (PREV[key]) return step > 1 ? (show(step - 1), true) : toHost(key);
    if (key === 'Escape') { leave(); return true; }
    return false;
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var t = ev.target;
    if (t && (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && t.type === 'text'))) return;
    // Outside the presentation, arrows and Space keep their use on the page's own controls;
    // but in an embed the view and year buttons leave ← → to the host (a deck's slides): ↑ ↓
    // still move between them.
    var control = t && t.closest && t.closest('input, select, button, a, summary');
    var embedRadio = page.flags.embed && t && t.type === 'radio' && (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight');
    if (!page.flags.present && control && !embedRadio && !(ev.key === 'PageDown' || ev.key === 'PageUp')) return;
    if (onKey(ev.key) || embedRadio) ev.preventDefault();
  });
  // The fallback's frame (echarts, no WebGL) is the site's own page: after a click into it, it
  // has the keyboard, and the clicker's keys it has no use for go where the live view sends
  // them (charts/ebiten/keys.go): to the presentation, else to the host.
  var relayed = typeof WeakSet === 'function' ? new WeakSet() : null;
  function relayFallbackKeys(f) {
    var doc = null;
    try { doc = f.contentDocument; } catch (e) { doc = null; }
    if (!doc || !relayed || relayed.has(doc)) return;
    relayed.add(doc);
    doc.addEventListener('keydown', function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      if (!(NEXT[ev.key] || PREV[ev.key] || ev.key === 'Escape')) return;
      if (onKey(ev.key) || NEXT[ev.key] || PREV[ev.key]) ev.preventDefault();
    });
  }
  document.addEventListener('load', function (ev) {
    var f = ev.target;
    if (f && f.tagName === 'IFRAME' && f.closest && f.closest('#fallback-slot')) relayFallbackKeys(f);
  }, true);
  var fb = document.querySelector('#fallback-slot iframe');
  if (fb) relayFallbackKeys(fb);
  // Keys the chart's frame did not use (charts/ebiten/keys.go), relayed by app.js.
  document.addEventListener(MSG.key, function (ev) { onKey(ev.detail); });
  // The hash names the step: #present=N on an open page enters or moves the presentation.
  window.addEventListener('hashchange', function () {
    if (!story.length) return;
    var n = page.flags.present;
    if (n && (!page.present || n !== step)) enter(n);
    else if (!n && page.present) leave();
  });
  // One Escape leaves both: in full screen the browser takes the Escape for itself and only
  // leaves full screen, so leaving full screen while presenting leaves the presentation too.
  document.addEventListener('fullscreenchange', function () {
    if (!document.fullscreenElement && page.present && fullscreenLeaves) leave();
  });
  document.getElementById('present-next').addEventListener('click', function () { show(step + 1); });
  document.getElementById('present-prev').addEventListener('click', function () { show(step - 1); });
  document.getElementById('present-exit').addEventListener('click', leave);
  document.getElementById('present-fullscreen').addEventListener('click', function () {
    if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
  });
  var start = document.getElementById('present-start');
  if (start) {
    start.addEventListener('click', function () {
      enter(1);
      if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().then(function () { fullscreenLeaves = !!page.present; }, function () {});
      }
    });
  }
  // Inside reveal.js, the deck posts 'slide:start' / 'slide:stop' to iframes on its slides.
  window.addEventListener('message', function (ev) {
    if (ev.source !== window.parent || window.parent === window) return;
    if (ev.data === 'slide:stop') { paused = true; }
    else if (ev.data === 'slide:start') { paused = false; }
    else return;
    inDeck = true;
    body.classList.toggle('paused', paused);
    if (page.present) page.present.paused = paused;
  });
  if (page.flags.present && story.length) enter(page.flags.present);

  // ---- print: chart, table and sources on paper (the CSS opens the sources where it can) ----
  var sources = document.getElementById('sources');
  var wasOpen = false;
  window.addEventListener('beforeprint', function () {
    wasOpen = sources.open;
    if (page.state && (page.state.view === 'table' || page.state.view === 'sources')) sources.open = true;
  });
  window.addEventListener('afterprint', function () { sources.open = wasOpen; });

  // ---- high contrast ----
  // A page toggle, remembered in localStorage under azflows-theme (the only other thing stored
  // is the language). Dark or light follows the system's prefers-color-scheme.
  var THEME_KEY = 'azflows-theme';
  var contrastBtn = document.getElementById('contrast-toggle');
  function setContrast(on, store) {
    document.documentElement.classList.toggle('high-contrast', on);
    if (contrastBtn) contrastBtn.setAttribute('aria-pressed', on ? 'true' : 'false');
    page.highContrast = on;
    if (!store) return;
    try {
      if (on) localStorage.setItem(THEME_KEY, 'high-contrast');
      else localStorage.removeItem(THEME_KEY);
    } catch (e) { /* storage off: the choice lasts for this page */ }
  }
  var stored = null;
  try { stored = localStorage.getItem(THEME_KEY); } catch (e) { stored = null; }
  setContrast(stored === 'high-contrast', false);
  if (contrastBtn) {
    contrastBtn.addEventListener('click', function () { setContrast(!page.highContrast, true); });
  }

  // ---- the chart frame's focus ring ----
  // Focus inside a frame does not make the frame element :focus in this page, so the page marks
  // it: body.chart-focused while the keyboard is in the chart.
  function frameFocus() {
    var f = document.activeElement;
    body.classList.toggle('chart-focused', !!f && f.tagName === 'IFRAME' && !!f.closest('#chart'));
  }
  window.addEventListener('blur', function () { setTimeout(frameFocus, 0); });
  window.addEventListener('focus', frameFocus);
  document.addEventListener('focusin', frameFocus);
  document.addEventListener('focusout', function () { setTimeout(frameFocus, 0); });
})();
