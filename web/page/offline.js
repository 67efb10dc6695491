// azflows single-file edition (dist/azflows.html, written by cmd/build/offline.go): everything
// the page would fetch is inside the file, as gzip in base 85. This script unpacks it with
// DecompressionStream and gives app.js its frames as srcdoc documents: they share the page's
// origin and its Content-Security-Policy (whose hashes cover the scripts put into them), and
// need nothing from the disk or the network, which a page opened from a file cannot fetch.
// It runs before app.js; view.js finds it as window.parent.azflowsOffline.
(function () {
  'use strict';

  // The digits of the data blocks' base-85 text (cmd/build/offline.go, base85Digits).
  var DIGITS = "!#$%()*+,.0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

  // bytesOf decodes the base-85 text of the data block with the id: each 5 digits are 4 bytes,
  // a last group of n+1 digits is n bytes.
  function bytesOf(id) {
    var el = document.getElementById(id);
    if (!el) throw new Error('the file has no #' + id);
    var s = el.textContent.trim();
    var val = new Uint8Array(128).fill(255);
    for (var k = 0; k < DIGITS.length; k++) val[DIGITS.charCodeAt(k)] = k;
    var full = Math.floor(s.length / 5), rest = s.length % 5;
    if (rest === 1) throw new Error('the data block #' + id + ' is cut short');
    var out = new Uint8Array(full * 4 + (rest ? rest - 1 : 0));
    var o = 0;
    function group(i, n) {
      var v = 0;
      for (var j = 0; j < 5; j++) {
        var c = i + j < s.length && j < n ? s.charCodeAt(i + j) : 126; // pad with the top digit
        var d = c < 128 ? val[c] : 255;
        if (d === 255) throw new Error('the data block #' + id + ' is damaged');
        v = v * 85 + d;
      }
      return v;
    }
    for (var i = 0; i < full * 5; i += 5) {
      var v = group(i, 5);
      out[o++] = v >>> 24; out[o++] = (v >>> 16) & 255; out[o++] = (v >>> 8) & 255; out[o++] = v & 255;
    }
    if (rest) {
      var w = group(full * 5, rest);
      for (var r = 0; r < rest - 1; r++) out[o++] = (w >>> (24 - 8 * r)) & 255;
    }
    return out;
  }

  // gunzip unpacks the data block with the id, once; the promise gives an ArrayBuffer. A block
  // that does not decode (cut short, changed: gzip checks its length and CRC) is damage to the
  // file, not a lack of the browser's: damaged says so at once.
  var unpacked = {};
  function gunzip(id) {
    if (!unpacked[id]) {
      var unsupported = false;
      unpacked[id] = new Promise(function (resolve) { resolve(bytesOf(id)); }).then(function (b) {
        if (typeof DecompressionStream !== 'function') {
          unsupported = true;
          throw new Error('this browser cannot unpack the file (it has no DecompressionStream)');
        }
        return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      }).catch(function (err) {
        if (!unsupported) damaged(id);
        throw err;
      });
    }
    return unpacked[id];
  }

  // damaged records that the data block with the id is damaged (offline.damaged: its id) and
  // tells the page (offline.onDamaged, set by app.js), which says so in its language.
  function damaged(id) {
    if (offline.damaged) return;
    offline.damaged = id;
    if (typeof offline.onDamaged === 'function') offline.onDamaged(id);
  }

  var assets = null; // promise of {path: text}: the site's pages, scripts and data (offline.go)
  function all() {
    if (!assets) {
      assets = gunzip('azflows-assets').then(function (buf) {
        try { return JSON.parse(new TextDecoder().decode(buf)); } catch (err) { damaged('azflows-assets'); throw err; }
      });
    }
    return assets;
  }
  function text(path) {
    return all().then(function (a) {
      if (typeof a[path] !== 'string') throw new Error('the file has no ' + path);
      return a[path];
    });
  }

  // resolve is path src seen from the directory dir ('' or 'fallback/').
  function resolve(dir, src) {
    var out = [];
    (dir + src).split('/').forEach(function (p) {
      if (p === '..') out.pop();
      else if (p !== '.') out.push(p);
    });
    return out.join('/');
  }

  // inline replaces each <script src> of a page by a script element with the file's text.
  function inline(html, dir, a) {
    return html.replace(/<script src="([^"]+)"[^>]*><\/script>/g, function (m, src) {
      var s = a[resolve(dir, src)];
      return typeof s === 'string' ? '<script>' + s + '<' + '/script>' : ''; // (split: this script is inline too)
    });
  }

  var loads = typeof WeakMap === 'function' ? new WeakMap() : null;

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }

  var offline = window.azflowsOffline = {
    // damaged is the id of the first data block found damaged ('azflows-assets': the pages,
    // scripts and data; 'azflows-wasm': the view's program), '' while none is.
    damaged: '',
    // load shows the site's page src (the view's page with its hash, a fallback page) in the
    // frame. The view reads its state from frame.dataset.hash (a srcdoc has no hash of its own).
    load: function (frame, src) {
      var at = src.indexOf('#');
      var path = at < 0 ? src : src.slice(0, at);
      frame.dataset.hash = at < 0 ? '' : src.slice(at + 1);
      var token = {};
      if (loads) loads.set(frame, token);
      all().then(function (a) {
        if (loads && loads.get(frame) !== token) return; // a later load won
        if (typeof a[path] !== 'string') throw new Error('the file has no ' + path);
        frame.srcdoc = inline(a[path], path.slice(0, path.lastIndexOf('/') + 1), a);
      }).catch(function (err) {
        frame.srcdoc = '<!doctype html><meta charset="utf-8"><title>Chart not available</title><p>This chart could not be unpacked in this browser (' +
          esc((err && err.message) || err) + '). The figures are in the table view of the page.</p>';
      });
    },
    // wasm is the view's WebAssembly (a promise of an ArrayBuffer).
    wasm: function () { return gunzip('azflows-wasm'); },
    // text is a file of the site, by path (a promise of a string): the base map.
    text: text,
    // fonts are the chart's Noto Sans subsets, read back from the page's own @font-face rules
    // (offline.go writes the .woff files there as data: URLs), each weight in the rules' order,
    // which is style.css's: latin, latin-ext, cyrillic (charts/fonts.Subsets). A promise of
    // {regular: [Uint8Array…], bold: [Uint8Array…]}, as view.js would fetch them.
    fonts: function () {
      return new Promise(function (resolve) {
        var out = { regular: [], bold: [] };
        fontRules().forEach(function (r) {
          var m = /base64,([A-Za-z0-9+\/=]+)/.exec(r.style.getPropertyValue('src'));
          if (!m) return;
          var bin = atob(m[1]);
          var b = new Uint8Array(bin.length);
          for (var i = 0; i < bin.length; i++) b[i] = bin.charCodeAt(i);
          (String(r.style.getPropertyValue('font-weight')) === '700' ? out.bold : out.regular).push(b);
        });
        resolve(out);
      });
    }
  };

  // fontRules are the page's @font-face rules of Noto Sans, in order.
  function fontRules() {
    var out = [];
    for (var i = 0; i < document.styleSheets.length; i++) {
      var rules;
      try { rules = document.styleSheets[i].cssRules; } catch (e) { continue; }
      for (var j = 0; j < rules.length; j++) {
        var r = rules[j];
        if (r.type === 5 && /Noto Sans/.test(r.style.getPropertyValue('font-family'))) out.push(r);
      }
    }
    return out;
  }

  // Downloads: the SVG the page shows for the state (app.js, stateSVG), the data files from the bundle.
  var blobs = {};
  function blobURL(name, type, body) {
    if (!blobs[name]) blobs[name] = URL.createObjectURL(new Blob([body], { type: type }));
    return blobs[name];
  }
  // files are the current state's template and downloads, as app.js took them from the
  // page's config (site.StateFiles).
  function files() { var p = window.azflowsPage; return p && p.files ? p.files : null; }
  // stateSVG is a promise of the SVG of f's state, which app.js shows (not to be changed).
  function stateSVG(f) {
    var p = window.azflowsPage;
    if (!p || typeof p.stateSVG !== 'function') return Promise.reject(new Error('the page has not started'));
    return p.stateSVG(f.template);
  }
  // outlined is a copy of svg with each text drawn as its glyphs' outlines, from the file's
  // glyph table (charts.Glyphs; the bundle's 'glyph-table', site.OfflineGlyphs), laid out as the model
  // measures it: the download looks the same in any viewer, with or without Noto Sans, as the
  // site's SVG downloads do (charts/svg.WriteOutlined). The words stay as each group's
  // aria-label and title.
  function outlined(svg, t) {
    var out = svg.cloneNode(true);
    Array.prototype.forEach.call(out.querySelectorAll('text'), function (el) {
      var s = el.textContent, size = parseFloat(el.getAttribute('font-size')) || 12;
      var w = el.getAttribute('font-weight') === 'bold' ? '1' : '0';
      var k = size / t.unit / 64; // advances and kerning are in 64ths of a unit
      var runes = Array.from(s), pen = 0, at = [];
      for (var i = 0; i < runes.length; i++) {
        var g = t.runes[w + runes[i]] || t.runes[w + '?'];
        if (!g) throw new Error('no glyph for ' + runes[i]);
        if (i > 0) pen += t.kern[w + runes[i - 1] + runes[i]] || 0;
        at.push([g[0], pen]);
        pen += g[1];
      }
      var x = parseFloat(el.getAttribute('x')) || 0, y = parseFloat(el.getAttribute('y')) || 0;
      var anchor = el.getAttribute('text-anchor');
      if (anchor === 'middle') x -= pen * k / 2; else if (anchor === 'end') x -= pen * k;
      var grp = document.createElementNS(SVGNS, 'g');
      ['id', 'class', 'data-datum', 'fill'].forEach(function (n) { if (el.hasAttribute(n)) grp.setAttribute(n, el.getAttribute(n)); });
      grp.setAttribute('role', 'img');
      grp.setAttribute('aria-label', s);
      var title = document.createElementNS(SVGNS, 'title');
      title.textContent = s;
      grp.appendChild(title);
      at.forEach(function (p) {
        var d = t.glyphs[p[0]];
        if (!d) return; // a space
        var path = document.createElementNS(SVGNS, 'path');
        path.setAttribute('d', d);
        path.setAttribute('transform', 'translate(' + +(x + p[1] * k).toFixed(2) + ' ' + y + ') scale(' + +(size / t.unit).toFixed(5) + ')');
        grp.appendChild(path);
      });
      el.parentNode.replaceChild(grp, el);
    });
    return out;
  }
  // downloadSVG is a promise of the state's SVG as the download: outlined where the file's
  // glyph table reads, else (a damaged bundle) with its text as text.
  function downloadSVG(f) {
    return stateSVG(f).then(function (svg) {
      return all().then(function (a) {
        try { return outlined(svg, JSON.parse(a['glyph-table'])); } catch (err) { return svg; }
      }, function () { return svg; });
    });
  }
  function svgLink() {
    var f = files();
    var a = f && document.getElementById(f.svg.link);
    if (!a) return;
    downloadSVG(f).then(function (svg) {
      if (files() !== f) return; // the state has changed meanwhile
      a.setAttribute('download', f.svg.name);
      a.setAttribute('href', blobURL(f.svg.name, 'image/svg+xml', new XMLSerializer().serializeToString(svg)));
    }, function () { /* the chart's place says why it is missing */ });
  }
  // The data downloads are the page's download links whose files the bundle holds.
  function dataLinks() {
    var types = { csv: 'text/csv', json: 'application/json' };
    var links = document.querySelectorAll('a[download]');
    all().then(function (a) {
      Array.prototype.forEach.call(links, function (link) {
        var path = link.getAttribute('href');
        if (typeof a[path] !== 'string') return;
        var name = link.getAttribute('download') || path;
        link.setAttribute('href', blobURL(path, types[name.split('.').pop()] || 'text/plain', a[path]));
      });
    }, function () { /* the links stay; the table view has the figures */ });
  }
  // The PNG slide images, painted here from the state's SVG (the model's, as charts/svg wrote
  // it) at 1920×1080 and 1280×720, with the page's fonts put into the image (an SVG image sees
  // no page style). Painted after each change of state, when the page is idle; until then the
  // links wait (their href is not yet a blob:).
  var SVGNS = 'http://www.w3.org/2000/svg';
  var fontCSS = null;
  function fontFaces() {
    if (fontCSS === null) fontCSS = fontRules().map(function (r) { return r.cssText; }).join('\n');
    return fontCSS;
  }
  function paintPNG(svg, w, h) {
    return new Promise(function (resolve, reject) {
      var clone = svg.cloneNode(true);
      clone.setAttribute('width', String(w));
      clone.setAttribute('height', String(h));
      var style = document.createElementNS(SVGNS, 'style');
      style.textContent = fontFaces();
      clone.insertBefore(style, clone.firstChild);
      var img = new Image();
      img.onload = function () {
        var c = document.createElement('canvas');
        c.width = w; c.height = h;
        var g = c.getContext('2d');
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, w, h);
        g.drawImage(img, 0, 0, w, h);
        try { c.toBlob(function (b) { if (b) resolve(b); else reject(new Error('no PNG')); }, 'image/png'); } catch (e) { reject(e); }
      };
      img.onerror = function () { reject(new Error('the SVG did not load as an image')); };
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(clone));
    });
  }
  var pngToken = 0;
  var pngURLs = [];
  function pngLinks() {
    var token = ++pngToken;
    var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    idle(function () {
      if (token !== pngToken) return;
      var f = files();
      if (!f) return;
      var jobs = f.png.map(function (d) {
        var a = document.getElementById(d.link);
        if (!a) return null;
        return stateSVG(f).then(function (svg) { return paintPNG(svg, d.width, d.height); }).then(function (b) {
          if (token !== pngToken) return;
          var url = URL.createObjectURL(b);
          pngURLs.push(url);
          a.setAttribute('download', d.name);
          a.setAttribute('href', url);
        });
      });
      Promise.all(jobs).then(function () {
        // Only the links' current images are kept.
        var keep = {};
        f.png.forEach(function (d) { var a = document.getElementById(d.link); if (a) keep[a.getAttribute('href')] = true; });
        pngURLs = pngURLs.filter(function (u) { if (keep[u]) return true; URL.revokeObjectURL(u); return false; });
      }, function (err) { if (window.console) console.warn('azflows: PNG: ' + String((err && err.message) || err)); });
    });
  }
  function ready() {
    svgLink();
    pngLinks();
    dataLinks();
    var page = window.azflowsPage;
    if (page && typeof page.onState === 'function') page.onState(function () { svgLink(); pngLinks(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
  offline.ready = true;
})();
