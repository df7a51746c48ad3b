/* page.js - the interactive page of `kgkit export html`: the graph drawn on a canvas (d3's zoom and quadtree), search by name or alias, filters by kind, predicate, source and time, each entity's and edge's facts with their sources and quotes, and the agreement findings as small charts. Every string from the graph goes into the page as text, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var E = data.entities, S = data.statements, SRC = data.sources, STY = data.styles;
  var DAY = 86400000, LABELS_ALWAYS = 100, LABELS_MAX = 250;

  /* ------------------------------------------------------------ helpers */

  function el(tag, attrs) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "class") n.className = attrs[k];
      else if (k === "text") n.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") n.addEventListener(k.slice(2), attrs[k]);
      else n.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++)
      if (arguments[i] !== null && arguments[i] !== undefined) n.append(arguments[i]);
    return n;
  }
  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function dayText(d) { return new Date(d * DAY).toISOString().slice(0, 10); }
  function monthText(d) { return new Date(d * DAY).toISOString().slice(0, 7); }
  function safeUrl(u) {
    try { var x = new URL(u); return x.protocol === "http:" || x.protocol === "https:" ? x.href : null; }
    catch (e) { return null; }
  }
  function styleOf(kind) { return STY.kinds[kind] || STY.other; }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }

  /* ------------------------------------------------------------ the graph */

  var kinds = new Map(), preds = new Map(), pairs = new Map(), edges = [];
  E.forEach(function (e, i) {
    e.i = i; e.claims = []; e.rels = []; e.says = []; e.deg = 0;
    e.names = [e.label].concat(e.aliases || []).map(fold);
    kinds.set(e.kind || "", (kinds.get(e.kind || "") || 0) + 1);
  });
  S.forEach(function (s, k) {
    s.k = k;
    preds.set(s.p, (preds.get(s.p) || 0) + 1);
    if (s.o === undefined) { E[s.s].claims.push(s); return; }
    var a = Math.min(s.s, s.o), b = Math.max(s.s, s.o), key = a + " " + b, p = pairs.get(key);
    if (!p) { p = { a: E[a], b: E[b], stmts: [] }; pairs.set(key, p); edges.push(p); }
    p.stmts.push(s);
    E[s.s].rels.push(s);
    if (s.o !== s.s) E[s.o].rels.push(s);
  });
  edges.forEach(function (p) { p.a.deg++; p.b.deg++; p.disputed = p.stmts.some(function (s) { return s.ag && s.ag.disputed; }); });
  S.forEach(function (s) { if (s.byi !== undefined) E[s.byi].says.push(s); });
  E.forEach(function (e) {
    e.r = Math.min(20, 5 + 1.8 * Math.sqrt(e.deg));
    e.disputed = e.claims.some(function (s) { return s.ag && s.ag.disputed; });
  });
  E.slice().sort(function (a, b) { return b.deg - a.deg; }).forEach(function (e, rank) { e.rank = rank; });
  var maxR = E.reduce(function (m, e) { return Math.max(m, e.r); }, 4);

  /* the span of every date: the timeline's ends */
  var t0 = Infinity, t1 = -Infinity;
  S.forEach(function (s) {
    if (!s.t) return;
    if (s.t[0] !== null) { t0 = Math.min(t0, s.t[0]); t1 = Math.max(t1, s.t[0]); }
    if (s.t[1] !== null) { t0 = Math.min(t0, s.t[1]); t1 = Math.max(t1, s.t[1]); }
  });
  var months = [];
  if (t0 <= t1) {
    var d = new Date(t0 * DAY), end = new Date(t1 * DAY);
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    while (d <= end) {
      var next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      months.push([Math.round(d / DAY), Math.round(next / DAY) - 1]);
      d = next;
    }
  }

  /* ------------------------------------------------------------ what is shown */

  var state = { kinds: new Set(kinds.keys()), preds: new Set(preds.keys()), source: -1, from: null, to: null,
                undated: true, selected: null, highlight: null };

  function narrowing() { return state.preds.size < preds.size || state.source >= 0 || state.from !== null || state.to !== null; }
  function stmtOn(s) {
    if (!state.preds.has(s.p)) return false;
    if (state.source >= 0 && !s.c.some(function (c) { return c[0] === state.source; })) return false;
    if (state.from !== null || state.to !== null) {
      if (!s.t) return state.undated;
      var lo = s.t[0] === null ? -Infinity : s.t[0], hi = s.t[1] === null ? Infinity : s.t[1];
      if (state.from !== null && hi < state.from) return false;
      if (state.to !== null && lo > state.to) return false;
    }
    return true;
  }

  var tree = null, shown = 0;
  function refilter() {
    var narrow = narrowing();
    E.forEach(function (e) {
      e.on = state.kinds.has(e.kind || "") &&
             (!narrow || e.claims.some(stmtOn) || e.rels.some(stmtOn));
    });
    edges.forEach(function (p) { p.on = p.a.on && p.b.on && p.stmts.some(stmtOn); });
    var on = E.filter(function (e) { return e.on; });
    shown = on.length;
    tree = d3.quadtree().x(function (e) { return e.x; }).y(function (e) { return e.y; }).addAll(on);
    document.body.dataset.nodesShown = String(shown);
    document.body.dataset.edgesShown = String(edges.filter(function (p) { return p.on; }).length);
    draw();
  }

  /* ------------------------------------------------------------ drawing */

  var app = el("div", { id: "kg-app" }), pane = el("div", { id: "kg-graph" }), side = el("div", { id: "kg-side" });
  var canvas = el("canvas"), status = el("div", { id: "kg-status" });
  var whole = el("button", { type: "button", id: "kg-whole", text: "Whole graph", title: "zoom to everything shown",
                             onclick: function () { fit(true); } });
  pane.append(canvas, status, whole);
  app.append(pane, side);
  document.body.append(app);
  var ctx = canvas.getContext("2d"), dpr = window.devicePixelRatio || 1, W = 0, H = 0;
  var tf = d3.zoomIdentity, frames = 0;

  function resize() {
    W = pane.clientWidth; H = pane.clientHeight;
    canvas.width = Math.max(1, Math.round(W * dpr)); canvas.height = Math.max(1, Math.round(H * dpr));
    snapTf = null;
    draw();
  }
  /* Frames: a full one draws everything; while the view moves, the last full picture is moved and scaled
   * (one drawImage, smooth at any size), and the full one follows once it rests. */
  var want = null, snap = document.createElement("canvas"), snapTf = null, restTimer = 0;
  function schedule(kind) {
    if (want === "full") return;
    var had = want;
    want = kind;
    if (!had) window.requestAnimationFrame(frame);
  }
  function frame() {
    var kind = want;
    want = null;
    if (kind === "full") render(); else glideFrame();
  }
  function draw() {
    clearTimeout(restTimer);
    schedule("full");
  }
  function glide() {
    if (!snapTf) { draw(); return; }
    document.body.dataset.settled = "0";
    schedule("glide");
    clearTimeout(restTimer);
    restTimer = setTimeout(draw, 150);
  }
  function glideFrame() {
    var kr = tf.k / snapTf.k;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#fbfbfa";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(kr, 0, 0, kr, dpr * (tf.x - kr * snapTf.x), dpr * (tf.y - kr * snapTf.y));
    ctx.drawImage(snap, 0, 0);
    frames++;
  }
  function highlighted(s) { return state.highlight && state.highlight.has(s); }
  function pairMarked(p) {
    return state.selected === p || (state.highlight && p.stmts.some(highlighted)) ||
           (state.selected && state.selected.i !== undefined && (p.a === state.selected || p.b === state.selected));
  }

  function render() {
    var started = performance.now();
    var k = tf.k, x0 = -tf.x / k, y0 = -tf.y / k, x1 = (W - tf.x) / k, y1 = (H - tf.y) / k, pad = maxR;
    function inView(e) { return e.x >= x0 - pad && e.x <= x1 + pad && e.y >= y0 - pad && e.y <= y1 + pad; }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.translate(tf.x, tf.y);
    ctx.scale(k, k);
    var batches = [[], [], []], nEdges = 0; /* plain, disputed, marked */
    for (var i = 0; i < edges.length; i++) {
      var p = edges[i];
      if (!p.on) continue;
      if (Math.max(p.a.x, p.b.x) < x0 || Math.min(p.a.x, p.b.x) > x1 || Math.max(p.a.y, p.b.y) < y0 ||
          Math.min(p.a.y, p.b.y) > y1) continue;
      batches[pairMarked(p) ? 2 : p.disputed ? 1 : 0].push(p);
      nEdges++;
    }
    var looks = [["#9a9a9a", 1, null], [STY.disputed, 1.4, [6, 4]], ["#1f5fa8", 2.4, null]];
    batches.forEach(function (list, b) {
      if (!list.length) return;
      ctx.beginPath();
      list.forEach(function (p) { ctx.moveTo(p.a.x, p.a.y); ctx.lineTo(p.b.x, p.b.y); });
      ctx.strokeStyle = looks[b][0];
      ctx.lineWidth = looks[b][1] / k;
      ctx.setLineDash(looks[b][2] ? looks[b][2].map(function (v) { return v / k; }) : []);
      ctx.stroke();
    });
    ctx.setLineDash([]);
    if (k > 0.7 && nEdges < 2000) { /* arrowheads, where a relation has a direction */
      ctx.beginPath();
      batches.forEach(function (list) {
        list.forEach(function (p) {
          p.stmts.forEach(function (s) {
            if (s.und || !stmtOn(s) || s.s === s.o) return;
            var from = E[s.s], to = E[s.o], dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy);
            if (len < 1e-6) return;
            var ux = dx / len, uy = dy / len, tx = to.x - ux * to.r, ty = to.y - uy * to.r, a = 7 / k, w = 3.5 / k;
            ctx.moveTo(tx, ty);
            ctx.lineTo(tx - ux * a - uy * w, ty - uy * a + ux * w);
            ctx.lineTo(tx - ux * a + uy * w, ty - uy * a - ux * w);
            ctx.closePath();
          });
        });
      });
      ctx.fillStyle = "#777";
      ctx.fill();
    }
    var byKind = new Map(), nNodes = 0, visible = [];
    for (var j = 0; j < E.length; j++) {
      var e = E[j];
      if (!e.on || !inView(e)) continue;
      var key = e.kind || "";
      if (!byKind.has(key)) byKind.set(key, []);
      byKind.get(key).push(e);
      visible.push(e);
      nNodes++;
    }
    byKind.forEach(function (list, kind) {
      var st = styleOf(kind);
      ctx.beginPath();
      list.forEach(function (e) { ctx.moveTo(e.x + e.r, e.y); ctx.arc(e.x, e.y, e.r, 0, 2 * Math.PI); });
      ctx.fillStyle = st.fill;
      ctx.fill();
      ctx.lineWidth = 1.2 / k;
      ctx.strokeStyle = st.line;
      ctx.stroke();
    });
    var rings = visible.filter(function (e) {
      return e.disputed || e === state.selected || (state.highlight && e.claims.some(highlighted));
    });
    rings.forEach(function (e) {
      ctx.beginPath();
      ctx.arc(e.x, e.y, e.r + 2 / k, 0, 2 * Math.PI);
      ctx.lineWidth = (e === state.selected ? 3 : 2) / k;
      ctx.strokeStyle = e === state.selected || (state.highlight && e.claims.some(highlighted)) ? "#1f5fa8" : STY.disputed;
      ctx.stroke();
    });
    /* labels: the most connected always, the others once they are big enough on screen */
    var labelled = visible.filter(function (e) {
      return e.rank < LABELS_ALWAYS || e.r * k >= 7 || e === state.selected;
    }).sort(function (a, b) { return a.rank - b.rank; }).slice(0, LABELS_MAX);
    ctx.font = (12 / k) + "px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    labelled.forEach(function (e) {
      var text = e.label.length > 40 ? e.label.slice(0, 39) + "\u2026" : e.label;
      ctx.lineWidth = 3 / k;
      ctx.strokeStyle = "rgba(255,255,255,.85)";
      ctx.strokeText(text, e.x + e.r + 3 / k, e.y);
      ctx.fillStyle = "#222";
      ctx.fillText(text, e.x + e.r + 3 / k, e.y);
    });
    frames++;
    snap.width = canvas.width;
    snap.height = canvas.height;
    snap.getContext("2d").drawImage(canvas, 0, 0);
    snapTf = tf;
    document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    document.body.dataset.settled = "1";
    document.body.dataset.nodesDrawn = String(nNodes);
    document.body.dataset.edgesDrawn = String(nEdges);
    status.textContent = plural(shown, "entity", "entities") + " shown of " + E.length.toLocaleString("en") +
      "; drag to pan, scroll to zoom, click a node or an edge for its facts";
  }

  var zoom = d3.zoom().scaleExtent([0.02, 60]).on("zoom", function (ev) {
    tf = (ev && ev.transform) || d3.event.transform; /* d3 6 and later pass the event; 5 has d3.event */
    glide();
  });
  var view = d3.select(canvas).call(zoom);
  function moveTo(t, animate) { (animate ? view.transition().duration(400) : view).call(zoom.transform, t); }
  function fit(animate) {
    var on = E.filter(function (e) { return e.on; });
    if (!on.length || !W) return;
    var xs = d3.extent(on, function (e) { return e.x; }), ys = d3.extent(on, function (e) { return e.y; });
    var w = Math.max(xs[1] - xs[0], 1), h = Math.max(ys[1] - ys[0], 1), m = 40 + maxR;
    var k = Math.min((W - 2 * m) / w, (H - 2 * m) / h, 4);
    moveTo(d3.zoomIdentity.translate(W / 2 - k * (xs[0] + w / 2), H / 2 - k * (ys[0] + h / 2)).scale(k), animate);
  }
  function centre(e) {
    var k = Math.max(tf.k, 1.5);
    moveTo(d3.zoomIdentity.translate(W / 2 - k * e.x, H / 2 - k * e.y).scale(k), true);
  }

  /* a click: the nearest node under it, else the nearest edge within a few pixels */
  canvas.addEventListener("click", function (ev) {
    var r = canvas.getBoundingClientRect(), gx = (ev.clientX - r.left - tf.x) / tf.k, gy = (ev.clientY - r.top - tf.y) / tf.k;
    var hit = tree && tree.find(gx, gy, maxR + 4 / tf.k);
    if (hit && Math.hypot(hit.x - gx, hit.y - gy) <= hit.r + 4 / tf.k) { select(hit); return; }
    var best = null, bestD = 6 / tf.k;
    edges.forEach(function (p) {
      if (!p.on) return;
      var dx = p.b.x - p.a.x, dy = p.b.y - p.a.y, l2 = dx * dx + dy * dy;
      var t = l2 ? Math.max(0, Math.min(1, ((gx - p.a.x) * dx + (gy - p.a.y) * dy) / l2)) : 0;
      var dist = Math.hypot(gx - p.a.x - t * dx, gy - p.a.y - t * dy);
      if (dist < bestD) { best = p; bestD = dist; }
    });
    if (best) select(best);
  });

  /* ------------------------------------------------------------ the side panel */

  var hits = el("div", { class: "kg-hits" }), detail = el("div", { id: "kg-detail" });
  var search = el("input", { id: "kg-search", type: "search", placeholder: "Find a name or alias", autocomplete: "off" });
  function matches(q) {
    var f = fold(q.trim());
    if (!f) return [];
    var first = [], rest = [];
    for (var i = 0; i < E.length && first.length < 10; i++) {
      var e = E[i], at = -1;
      for (var n = 0; n < e.names.length && at !== 0; n++) {
        var pos = e.names[n].indexOf(f);
        if (pos >= 0 && (at < 0 || pos < at)) at = pos;
      }
      if (at === 0) first.push(e); else if (at > 0 && rest.length < 10) rest.push(e);
    }
    return first.concat(rest).slice(0, 10);
  }
  function showHits() {
    hits.replaceChildren();
    var found = matches(search.value);
    if (search.value.trim() && !found.length) hits.append(el("div", { class: "kg-hint", text: "No entity has that name or alias." }));
    found.forEach(function (e) {
      var alias = (e.aliases || []).filter(function (a) { return fold(a).indexOf(fold(search.value.trim())) >= 0; })[0];
      hits.append(el("button", { type: "button", onclick: function () { focus(e); } },
        el("span", { class: "kg-swatch", style: "background:" + styleOf(e.kind).fill + ";border-color:" + styleOf(e.kind).line }),
        e.label, alias && alias !== e.label ? el("span", { class: "kg-hint", text: " (" + alias + ")" }) : null,
        el("span", { class: "kg-hint", text: " " + (e.kind || "") })));
    });
  }
  search.addEventListener("input", showHits);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var m = matches(search.value); if (m.length) focus(m[0]); }
  });

  function checks(map, set, swatches) {
    var box = el("div", { class: "kg-checks" });
    Array.from(map.keys()).sort().forEach(function (name) {
      var input = el("input", { type: "checkbox", "data-value": name });
      input.checked = true;
      input.addEventListener("change", function () { if (input.checked) set.add(name); else set.delete(name); refilter(); });
      var st = styleOf(name);
      box.append(el("label", {}, input, swatches ? el("span", { class: "kg-swatch", style: "background:" + st.fill + ";border-color:" + st.line }) : null,
        (name || "(no kind)") + " (" + map.get(name).toLocaleString("en") + ")"));
    });
    return box;
  }

  var sourceSelect = el("select", { id: "kg-source" }, el("option", { value: "-1", text: "every source" }));
  SRC.map(function (s, i) { return [s, i]; }).sort(function (a, b) { return String(a[0].date || "").localeCompare(String(b[0].date || "")); })
    .forEach(function (si) {
      var s = si[0];
      sourceSelect.append(el("option", { value: String(si[1]), text: (s.date ? s.date + " " : "") + (s.title || s.id) + (s.publisher ? " (" + s.publisher + ")" : "") }));
    });
  sourceSelect.addEventListener("change", function () { state.source = Number(sourceSelect.value); refilter(); });

  var timeBox = el("div", { id: "kg-time" });
  if (months.length) {
    var fromInput = el("input", { type: "range", id: "kg-from", min: "0", max: String(months.length - 1), value: "0", "aria-label": "from" });
    var toInput = el("input", { type: "range", id: "kg-to", min: "0", max: String(months.length - 1), value: String(months.length - 1), "aria-label": "to" });
    var timeLabel = el("div", { class: "kg-hint" }), undated = el("input", { type: "checkbox", id: "kg-undated" });
    undated.checked = true;
    var onTime = function () {
      var a = Math.min(+fromInput.value, +toInput.value), b = Math.max(+fromInput.value, +toInput.value);
      state.from = a > 0 ? months[a][0] : null;
      state.to = b < months.length - 1 ? months[b][1] : null;
      state.undated = undated.checked;
      timeLabel.textContent = "from " + monthText(months[a][0]) + " to " + monthText(months[b][0]) +
        (state.from === null && state.to === null ? " (everything)" : "");
      refilter();
    };
    fromInput.addEventListener("input", onTime);
    toInput.addEventListener("input", onTime);
    undated.addEventListener("change", onTime);
    timeLabel.textContent = "from " + monthText(months[0][0]) + " to " + monthText(months[months.length - 1][0]) + " (everything)";
    timeBox.append(fromInput, toInput, timeLabel, el("label", {}, undated, " facts without a date"));
  } else {
    timeBox.append(el("div", { class: "kg-hint", text: "No fact here has a date." }));
  }

  /* one fact with what backs it */
  function factEl(s) {
    var cls = "kg-fact" + (s.ag && s.ag.disputed ? " kg-disputed" : "") + (s.chosen ? " kg-chosen" : "");
    var what = s.o === undefined
      ? el("span", {}, s.p + ": ", el("span", { class: "kg-value", text: s.v }))
      : el("span", {}, E[s.s].label + " \u2014 " + s.p + (s.und ? " \u2014 " : " \u2192 "),
           el("button", { type: "button", class: "kg-link", text: E[s.o].label, onclick: function () { focus(E[s.o]); } }));
    var box = el("div", { class: cls }, what);
    if (s.ag) box.append(el("span", { class: "kg-badge " + s.ag.status, text: s.ag.status }));
    if (s.ag && s.ag.disputed) box.append(el("span", { class: "kg-badge disputed", text: "disputed" }));
    if (s.chosen) box.append(el("span", { class: "kg-badge chosen", text: "chosen value" }));
    var when = s.d ? "as of " + s.d : s.t ? "reported " + (s.t[0] !== null ? dayText(s.t[0]) : "\u2026") +
      (s.t[1] !== s.t[0] ? " to " + (s.t[1] !== null ? dayText(s.t[1]) : "\u2026") : "") : null;
    if (when || s.by) box.append(el("div", { class: "kg-hint", text: [when, s.by ? "according to " + s.by : null].filter(Boolean).join("; ") }));
    if (!s.c.length) box.append(el("div", { class: "kg-cite", text: "no source cited" }));
    s.c.forEach(function (c) {
      var src = SRC[c[0]], url = src.url && safeUrl(src.url);
      var title = url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: src.title || src.id })
                      : el("span", { text: (src.title || src.id) + (src.url ? " <" + src.url + ">" : "") });
      var line = el("div", { class: "kg-cite" }, title,
        [src.publisher, src.date].filter(Boolean).length ? " \u2014 " + [src.publisher, src.date].filter(Boolean).join(", ") : null);
      if (c[1]) line.append(el("blockquote", { text: "\u201c" + c[1] + "\u201d" }));
      box.append(line);
    });
    return box;
  }

  function showEntity(e) {
    detail.replaceChildren(el("h2", { text: e.label }),
      el("div", { class: "kg-hint", text: (e.kind || "no kind") + " \u00b7 " + e.id }));
    if (e.aliases && e.aliases.length) detail.append(el("div", { text: "also: " + e.aliases.join("; ") }));
    if (e.resolved) {
      detail.append(el("h3", { text: "Most credible values" }));
      Object.keys(e.resolved).forEach(function (p) {
        (e.resolved[p] || []).forEach(function (r) {
          var v = r.object !== undefined ? r.object : typeof r.value === "object" && r.value !== null ? JSON.stringify(r.value) : String(r.value);
          detail.append(el("div", { class: "kg-fact kg-chosen" }, p + ": ", el("span", { class: "kg-value", text: v }),
            el("span", { class: "kg-hint", text: (r.as_of ? " as of " + r.as_of : "") + (r.confidence !== undefined ? " (confidence " + Number(r.confidence).toFixed(2) + ")" : "") })));
        });
      });
    }
    var claims = e.claims.slice().sort(function (a, b) { return a.p.localeCompare(b.p) || ((a.t && a.t[0]) || 0) - ((b.t && b.t[0]) || 0); });
    if (claims.length) detail.append(el("h3", { text: "Claims (" + claims.length + ")" }));
    claims.forEach(function (s) { detail.append(factEl(s)); });
    if (e.says.length) detail.append(el("h3", { text: "According to " + e.label + " (" + e.says.length + ")" }));
    e.says.forEach(function (s) {
      var about = E[s.s];
      detail.append(el("div", { class: "kg-hint" }, "about ", el("button", { type: "button", class: "kg-link", text: about.label, onclick: function () { focus(about); } })), factEl(s));
    });
    if (e.rels.length) detail.append(el("h3", { text: "Relations (" + e.rels.length + ")" }));
    e.rels.forEach(function (s) {
      var other = E[s.s === e.i ? s.o : s.s];
      detail.append(el("div", { class: "kg-fact" },
        s.s === e.i ? s.p + " \u2192 " : "\u2190 " + s.p + " \u2014 ",
        el("button", { type: "button", class: "kg-link", text: other.label, onclick: function () { focus(other); } }),
        " ", el("button", { type: "button", class: "kg-link kg-hint", text: "(sources)", onclick: function () {
          select(pairs.get(Math.min(s.s, s.o) + " " + Math.max(s.s, s.o)));
        } })));
    });
  }
  function showPair(p) {
    detail.replaceChildren(el("h2", {}, el("button", { type: "button", class: "kg-link", text: p.a.label, onclick: function () { focus(p.a); } }),
      " \u2014 ", el("button", { type: "button", class: "kg-link", text: p.b.label, onclick: function () { focus(p.b); } })),
      el("div", { class: "kg-hint", text: plural(p.stmts.length, "relation", "relations") + " between them" }));
    p.stmts.forEach(function (s) { detail.append(factEl(s)); });
  }
  function select(x, keepHighlight) {
    state.selected = x;
    if (!keepHighlight) { state.highlight = null; findings.querySelectorAll(".kg-on").forEach(function (n) { n.classList.remove("kg-on"); }); }
    if (x && x.i !== undefined) showEntity(x); else if (x) showPair(x);
    draw();
  }
  function focus(e) {
    if (!e.on) { /* shown again whatever hid it, so that a found entity can be seen */
      state.kinds.add(e.kind || "");
      side.querySelectorAll(".kg-checks input[data-value]").forEach(function (c) { if (c.dataset.value === (e.kind || "")) c.checked = true; });
      refilter();
    }
    select(e);
    centre(e);
  }

  /* ------------------------------------------------------------ findings */

  var findings = el("div", { id: "kg-findings" });
  (function () {
    var slots = new Map();
    S.forEach(function (s) {
      if (!s.ag || !s.ag.status || s.ag.status === "single") return;
      var key = s.o === undefined ? s.s + " " + s.p : s.s + " " + s.p + " " + s.o, slot = slots.get(key);
      if (!slot) { slot = { status: s.ag.status, stmts: [], e: E[s.s], p: s.p }; slots.set(key, slot); }
      slot.stmts.push(s);
      if (s.ag.status === "conflict") slot.status = "conflict";
    });
    var order = [["conflict", "Contradictions"], ["changed", "Changed over time"], ["undetermined", "Cannot tell"], ["agreed", "Corroborated"]];
    var any = false;
    order.forEach(function (o) {
      var list = Array.from(slots.values()).filter(function (sl) { return sl.status === o[0]; });
      if (!list.length) return;
      any = true;
      findings.append(el("h3", { text: o[1] + " (" + list.length + ")" }));
      list.forEach(function (sl) {
        var row = el("div", { class: "kg-finding", "data-status": sl.status, tabindex: "0" },
          el("div", {}, sl.e.label + " \u2014 " + sl.p + (sl.stmts[0].o !== undefined ? " \u2192 " + E[sl.stmts[0].o].label : ""),
             el("span", { class: "kg-badge " + sl.status, text: plural(sl.stmts.length, "statement", "statements") })));
        var chart = seriesChart(sl.stmts);
        if (chart) row.append(chart);
        var pick = function () {
          select(sl.e);
          state.highlight = new Set(sl.stmts);
          row.classList.add("kg-on");
          centre(sl.e);
          draw();
        };
        row.addEventListener("click", pick);
        row.addEventListener("keydown", function (ev) { if (ev.key === "Enter") pick(); });
        findings.append(row);
      });
    });
    if (!any) findings.append(el("div", { class: "kg-hint", text: "No agreement findings: run the agreement analysis first (kgkit run g.json -a agreement -e page.html)." }));
  })();

  /* a series of numbers over time, each statement a dot at the middle of its date, disputed ones red */
  function seriesChart(stmts) {
    var pts = stmts.filter(function (s) { return s.num !== undefined && s.t; }).map(function (s) {
      var lo = s.t[0] !== null ? s.t[0] : s.t[1], hi = s.t[1] !== null ? s.t[1] : s.t[0];
      return { x: (lo + hi) / 2, y: s.num, s: s };
    }).sort(function (a, b) { return a.x - b.x; });
    if (!pts.length) return null;
    var w = 320, h = 64, NS = "http://www.w3.org/2000/svg";
    var x = d3.scaleLinear().domain(d3.extent(pts, function (p) { return p.x; })).range([24, w - 8]);
    var y = d3.scaleLinear().domain(d3.extent(pts, function (p) { return p.y; })).nice().range([h - 14, 6]);
    if (pts[0].x === pts[pts.length - 1].x) x.domain([pts[0].x - 15, pts[0].x + 15]);
    var svg = d3.select(document.createElementNS(NS, "svg")).attr("width", w).attr("height", h);
    svg.append("path").attr("d", d3.line().x(function (p) { return x(p.x); }).y(function (p) { return y(p.y); })(pts))
      .attr("fill", "none").attr("stroke", "#bbb");
    svg.selectAll("circle").data(pts).enter().append("circle")
      .attr("cx", function (p) { return x(p.x); }).attr("cy", function (p) { return y(p.y); }).attr("r", 3.5)
      .attr("fill", function (p) { return p.s.ag && p.s.ag.disputed ? STY.disputed : "#1f5fa8"; })
      .append("title").text(function (p) { return p.s.v + " \u2014 " + dayText(Math.round(p.x)); });
    svg.append("text").attr("x", 24).attr("y", h - 2).attr("font-size", 10).attr("fill", "#777").text(dayText(Math.round(x.domain()[0])));
    svg.append("text").attr("x", w - 8).attr("y", h - 2).attr("font-size", 10).attr("fill", "#777").attr("text-anchor", "end").text(dayText(Math.round(x.domain()[1])));
    svg.append("text").attr("x", 2).attr("y", 12).attr("font-size", 10).attr("fill", "#777").text(d3.format("~s")(y.domain()[1]));
    return svg.node();
  }

  side.append(el("h1", { text: data.title }), search, hits,
    el("h2", { text: "Filters" }), el("h3", { text: "Kinds" }), checks(kinds, state.kinds, true),
    el("details", preds.size <= 12 ? { open: "" } : {}, el("summary", { text: "Predicates (" + preds.size + ")" }), checks(preds, state.preds, false)),
    el("h3", { text: "Source" }), sourceSelect, el("h3", { text: "Time" }), timeBox,
    el("h2", { text: "Findings" }), findings, el("h2", { text: "Details" }), detail);
  detail.append(el("div", { class: "kg-hint", text: "Click an entity or an edge, or find one by name, to see its facts and who says so." }));

  /* for scripts and tests: where things are on screen, and how the drawing goes */
  window.kgkitPage = {
    frames: function () { return frames; },
    screenOf: function (id) {
      var e = E.filter(function (x) { return x.id === id; })[0];
      return e ? [tf.applyX(e.x), tf.applyY(e.y)] : null;
    },
    edgeMiddle: function (a, b) {
      var p = edges.filter(function (q) { return (q.a.id === a && q.b.id === b) || (q.a.id === b && q.b.id === a); })[0];
      return p ? [tf.applyX((p.a.x + p.b.x) / 2), tf.applyY((p.a.y + p.b.y) / 2)] : null;
    }
  };
  window.addEventListener("resize", function () { resize(); });
  resize();
  refilter();
  fit();
  document.body.dataset.ready = "1";
})();
