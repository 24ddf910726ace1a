// The events map: a small SVG map renderer written for eventwire (no map library, no network).
//
// - Base layer: the offline outlines served at /basemap/*.json (countries, provinces,
//   districts), projected with Web Mercator so optional online tiles line up exactly.
// - Markers: events from GET /events, coloured by ACLED event type (colours are CSS
//   variables --et-<type> in app.css, one source for every page), grouped into grid
//   clusters when they would overlap.
// - Filters: the same query parameters as the API; the page URL mirrors them.
// Text from the data (places, actors, outlets, evidence) is only set with textContent.
"use strict";

(function () {
  const container = document.getElementById("map");
  if (!container) return;
  const SVG = "http://www.w3.org/2000/svg";
  const base = window.EventwireBase;
  const TILE = base.TILE;
  const project = base.project;
  const unproject = base.unproject;
  const MIN_SCALE = 1;
  const MAX_SCALE = 1 << 16;
  const CLUSTER_PX = 36;

  const form = document.getElementById("map-filters");
  const status = document.getElementById("map-status");
  const legend = document.getElementById("map-legend");
  const popup = document.getElementById("map-popup");
  const attribution = document.getElementById("map-attribution");
  const tilesToggle = document.getElementById("tiles-toggle");
  const tilesUrl = container.dataset.tilesUrl || "";

  // -- SVG scaffold --------------------------------------------------------------------
  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  const svg = el("svg", { class: "map-svg", role: "img", "aria-label": "events map" }, container);
  const sea = el("rect", { class: "sea", x: 0, y: 0 }, svg);
  const gTiles = el("g", { class: "tiles" }, svg);
  const gBase = el("g", { class: "base" }, svg);
  const gMarkers = el("g", { class: "markers" }, svg);
  const gLabels = el("g", { class: "labels", "aria-hidden": "true" }, svg); // above markers, never catches clicks

  const view = { cx: 128, cy: 128, scale: 4, width: 800, height: 600 };
  let events = [];     // what the map shows: located events inside the chosen period
  let located = [];    // every located event the filters returned
  const feedList = document.getElementById("feed");
  const feedCount = document.getElementById("feed-count");
  const time = window.EventwireTime;
  const timebar = time.timebar(document.getElementById("timebar"), function (range) {
    events = range ? located.filter(function (e) { const d = time.day(e); return d >= range[0] && d <= range[1]; }) : located;
    popup.hidden = true;
    draw();
  });
  let labels = [];

  function size() {
    const rect = container.getBoundingClientRect();
    view.width = Math.max(200, rect.width);
    view.height = Math.max(200, rect.height);
    svg.setAttribute("width", view.width);
    svg.setAttribute("height", view.height);
    sea.setAttribute("width", view.width);
    sea.setAttribute("height", view.height);
  }
  function toScreen(wx, wy) {
    return [(wx - view.cx) * view.scale + view.width / 2, (wy - view.cy) * view.scale + view.height / 2];
  }
  function toWorld(sx, sy) {
    return [(sx - view.width / 2) / view.scale + view.cx, (sy - view.height / 2) / view.scale + view.cy];
  }

  // -- base layer: outlines and names from mapbase.js -------------------------------------
  async function loadBase() {
    const credits = await base.load(gBase, el, labels);
    attribution.textContent = "Sources: " + credits.join(" · ");
  }

  // -- colours: CSS variables, one per event type --------------------------------------------
  function slug(value) {
    return (value || "unknown").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "unknown";
  }
  const styles = getComputedStyle(document.documentElement);
  function colour(type) {
    return styles.getPropertyValue("--et-" + slug(type)).trim() || styles.getPropertyValue("--et-unknown").trim() || "#666";
  }

  // -- drawing ----------------------------------------------------------------------------------
  function drawTiles() {
    gTiles.replaceChildren();
    if (!tilesUrl || !tilesToggle || !tilesToggle.checked) { container.classList.remove("with-tiles"); return; }
    container.classList.add("with-tiles");
    const z = Math.max(0, Math.min(18, Math.round(Math.log2(view.scale))));
    const n = 1 << z;
    const tileScreen = (TILE / n) * view.scale;
    const topLeft = toWorld(0, 0), bottomRight = toWorld(view.width, view.height);
    const x0 = Math.max(0, Math.floor((topLeft[0] / TILE) * n)), x1 = Math.min(n - 1, Math.floor((bottomRight[0] / TILE) * n));
    const y0 = Math.max(0, Math.floor((topLeft[1] / TILE) * n)), y1 = Math.min(n - 1, Math.floor((bottomRight[1] / TILE) * n));
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const s = toScreen((x / n) * TILE, (y / n) * TILE);
        const href = tilesUrl.replace("{z}", z).replace("{x}", x).replace("{y}", y).replace("{s}", "abc"[(x + y) % 3]);
        el("image", { href: href, x: s[0], y: s[1], width: tileScreen + 0.5, height: tileScreen + 0.5 }, gTiles);
      }
    }
  }

  function drawBase() {
    const tx = view.width / 2 - view.cx * view.scale, ty = view.height / 2 - view.cy * view.scale;
    gBase.setAttribute("transform", "translate(" + tx + " " + ty + ") scale(" + view.scale + ")");
    // districts only once they are big enough to read
    container.classList.toggle("show-districts", view.scale >= 1500);
    drawLabels();
  }

  function drawLabels() {
    window.EventwireLabels.draw(gLabels, labels, view, toScreen, el);
  }

  // size of a marker: singles by reported fatalities, clusters by how many events they hold
  function radius(members) {
    if (members.length === 1) {
      const f = members[0].e.fatalities || 0;
      return 6 + Math.min(8, Math.sqrt(f) * 1.5);
    }
    return 11 + Math.min(14, Math.sqrt(members.length) * 2);
  }
  function centre(members) {
    let x = 0, y = 0;
    members.forEach(function (m) { x += m.s[0]; y += m.s[1]; });
    return [x / members.length, y / members.length];
  }
  function clusters() {
    const cells = new Map();
    events.forEach(function (e) {
      const s = toScreen(e._w[0], e._w[1]);
      if (s[0] < -CLUSTER_PX || s[1] < -CLUSTER_PX || s[0] > view.width + CLUSTER_PX || s[1] > view.height + CLUSTER_PX) return;
      const key = Math.floor(s[0] / CLUSTER_PX) + ":" + Math.floor(s[1] / CLUSTER_PX);
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push({ e: e, s: s });
    });
    // merge any two groups whose circles would touch, until none do: every marker stays clickable
    let groups = Array.from(cells.values()).map(function (m) { return { members: m, at: centre(m), r: radius(m) }; });
    let merged = true;
    while (merged) {
      merged = false;
      for (let i = 0; i < groups.length && !merged; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const a = groups[i], b = groups[j];
          if (Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) < a.r + b.r + 2) {
            const members = a.members.concat(b.members);
            groups[i] = { members: members, at: centre(members), r: radius(members) };
            groups.splice(j, 1);
            merged = true;
            break;
          }
        }
      }
    }
    return groups;
  }

  function dominant(members) {
    const counts = {};
    members.forEach(function (m) { counts[m.e.event_type] = (counts[m.e.event_type] || 0) + 1; });
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })[0];
  }

  function drawMarkers() {
    gMarkers.replaceChildren();
    clusters().forEach(function (group) {
      const members = group.members;
      if (members.length === 1) {
        const m = members[0];
        const precision = slug(m.e.geo_precision || "exact");
        const c = el("circle", { cx: group.at[0], cy: group.at[1], r: group.r, class: "marker precision-" + precision + " et-" + slug(m.e.event_type), fill: colour(m.e.event_type), tabindex: 0 }, gMarkers);
        c.dataset.eventType = m.e.event_type;
        c.dataset.precision = precision;
        const tip = el("title", {}, c);
        tip.textContent = m.e.event_type + " · " + (m.e.location || "?") + " (placed at " + (m.e.geo_precision || "exact") + " level)";
        c.addEventListener("click", function (ev) { ev.stopPropagation(); openPopup([m.e], group.at); });
        c.addEventListener("keydown", function (ev) { if (ev.key === "Enter") openPopup([m.e], group.at); });
        return;
      }
      const x = group.at[0], y = group.at[1];
      const g = el("g", { class: "cluster", tabindex: 0 }, gMarkers);
      g.dataset.count = members.length;
      el("circle", { cx: x, cy: y, r: group.r, fill: colour(dominant(members)) }, g);
      const label = el("text", { x: x, y: y, class: "cluster-count" }, g);
      label.textContent = String(members.length);
      const samePlace = members.every(function (m) { return m.e._w[0] === members[0].e._w[0] && m.e._w[1] === members[0].e._w[1]; });
      function activate() {
        if (samePlace || view.scale >= MAX_SCALE) { openPopup(members.map(function (m) { return m.e; }), [x, y]); return; }
        const w = toWorld(x, y);
        zoomTo(w[0], w[1], view.scale * 2.5);
      }
      g.addEventListener("click", function (ev) { ev.stopPropagation(); activate(); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") activate(); });
    });
  }

  // the feed lists the period's events inside the visible area, newest first; a click finds one on the map
  let feedPending = false;
  function drawFeed() {
    if (feedPending) return;
    feedPending = true;
    requestAnimationFrame(function () {
      feedPending = false;
      const shown = events.filter(function (e) {
        const s = toScreen(e._w[0], e._w[1]);
        return s[0] >= 0 && s[1] >= 0 && s[0] <= view.width && s[1] <= view.height;
      });
      time.feed(feedList, shown, function (e) {
        zoomTo(e._w[0], e._w[1], Math.max(view.scale, 3000));
        openPopup([e], toScreen(e._w[0], e._w[1]));
      });
      feedCount.textContent = "(" + shown.length + ")";
    });
  }

  function draw() {
    drawTiles();
    drawBase();
    drawMarkers();
    drawFeed();
  }

  // -- popup ---------------------------------------------------------------------------------------
  function add(parent, tag, text, cls) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  }
  function openPopup(list, at) {
    popup.replaceChildren();
    const close = add(popup, "button", "×", "close");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { popup.hidden = true; });
    if (list.length > 1) add(popup, "p", list.length + " events here", "popup-count");
    const ul = add(popup, "ul", null, "popup-list");
    list.slice(0, 25).forEach(function (e) {
      const li = add(ul, "li", null, "popup-event");
      const head = add(li, "div", null, "popup-head");
      const sw = add(head, "span", null, "swatch");
      sw.style.background = colour(e.event_type);
      add(head, "strong", e.event_type + (e.sub_event_type ? " · " + e.sub_event_type : ""));
      const where = [e.location, e.admin1, e.country].filter(Boolean).join(", ");
      add(li, "div", [e.date || e.published || "undated", where].filter(Boolean).join(" · "), "popup-where");
      const actors = [e.actor1, e.actor2].filter(Boolean).join(" vs. ");
      if (actors) add(li, "div", actors, "popup-actors");
      if (e.fatalities != null) add(li, "div", e.fatalities + " reported killed", "popup-fatalities");
      if (e.notes) add(li, "div", e.notes, "popup-notes");
      const src = add(li, "div", null, "popup-source");
      const link = add(src, "a", (e.outlet || "unknown outlet") + (e.title ? ": " + e.title : ""));
      link.href = "/ui/articles/" + encodeURIComponent(e.article_id);
      if (e.location) {
        add(src, "span", " · ");
        const place = add(src, "a", "place timeline");
        place.href = "/ui/places/" + encodeURIComponent(e.location);
      }
    });
    if (list.length > 25) add(popup, "p", "… and " + (list.length - 25) + " more: narrow the filters.", "popup-more");
    popup.hidden = false;
    const left = Math.min(Math.max(8, at[0] + 12), view.width - popup.offsetWidth - 8);
    const top = Math.min(Math.max(8, at[1] - 20), view.height - popup.offsetHeight - 8);
    popup.style.left = left + "px";
    popup.style.top = top + "px";
  }

  // -- navigation ---------------------------------------------------------------------------------------
  function zoomTo(wx, wy, scale) {
    view.scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
    view.cx = wx;
    view.cy = wy;
    popup.hidden = true;
    draw();
  }
  function zoomAround(sx, sy, factor) {
    const before = toWorld(sx, sy);
    view.scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, view.scale * factor));
    const after = toWorld(sx, sy);
    view.cx += before[0] - after[0];
    view.cy += before[1] - after[1];
    popup.hidden = true;
    draw();
  }
  function fit(points) {
    if (!points.length) return false;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    points.forEach(function (p) {
      minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
    });
    const spanX = Math.max(maxX - minX, 0.02), spanY = Math.max(maxY - minY, 0.02);
    const scale = Math.min(view.width / (spanX * 1.4), view.height / (spanY * 1.4), 1 << 12);
    zoomTo((minX + maxX) / 2, (minY + maxY) / 2, scale);
    return true;
  }
  function fitEvents() {
    if (!fit(events.map(function (e) { return e._w; }))) {
      fit([project(35.5, 32.2), project(42.5, 37.4)]); // no events: Syria and its neighbours
    }
  }

  let drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target.closest(".marker, .cluster")) return;
    drag = { x: ev.clientX, y: ev.clientY, cx: view.cx, cy: view.cy, moved: false };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
    view.cx = drag.cx - dx / view.scale;
    view.cy = drag.cy - dy / view.scale;
    draw();
  });
  svg.addEventListener("pointerup", function () {
    if (drag && !drag.moved) popup.hidden = true;
    drag = null;
  });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    const rect = svg.getBoundingClientRect();
    zoomAround(ev.clientX - rect.left, ev.clientY - rect.top, ev.deltaY < 0 ? 1.5 : 1 / 1.5);
  }, { passive: false });
  container.addEventListener("keydown", function (ev) {
    const step = 60 / view.scale;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[ev.key]) { view.cx += moves[ev.key][0]; view.cy += moves[ev.key][1]; draw(); ev.preventDefault(); }
    if (ev.key === "+" || ev.key === "=") zoomAround(view.width / 2, view.height / 2, 1.5);
    if (ev.key === "-") zoomAround(view.width / 2, view.height / 2, 1 / 1.5);
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoomAround(view.width / 2, view.height / 2, 1.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomAround(view.width / 2, view.height / 2, 1 / 1.5); });
  document.getElementById("zoom-fit").addEventListener("click", fitEvents);
  if (tilesToggle) tilesToggle.addEventListener("change", draw);
  window.addEventListener("resize", function () { size(); draw(); });

  // -- data ------------------------------------------------------------------------------------------------
  function queryFromForm() {
    const params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "" && key !== "in_view") params.set(key, value);
    });
    if (form.elements.in_view && form.elements.in_view.checked) {
      const nw = unproject.apply(null, toWorld(0, 0)), se = unproject.apply(null, toWorld(view.width, view.height));
      params.set("bbox", [nw[0], se[1], se[0], nw[1]].map(function (v) { return v.toFixed(4); }).join(","));
    }
    return params;
  }

  function drawLegend(counts) {
    legend.replaceChildren();
    Object.keys(counts).sort().forEach(function (type) {
      const li = add(legend, "li", null, "legend-item");
      const sw = add(li, "span", null, "swatch");
      sw.style.background = colour(type);
      add(li, "span", type + " (" + counts[type] + ")");
    });
  }

  async function load(refit) {
    const params = queryFromForm();
    history.replaceState(null, "", "/ui/map" + (params.toString() ? "?" + params : ""));
    // "export this view": the same filters (and bbox when "only the visible area" is ticked)
    document.querySelectorAll("#export-view a[data-fmt]").forEach(function (a) {
      a.href = "/export/" + a.dataset.fmt + (params.toString() ? "?" + params : "");
    });
    params.set("limit", "5000");
    status.textContent = "Loading…";
    const response = await fetch("/events?" + params.toString(), { credentials: "same-origin" });
    const body = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      status.textContent = "Could not load events: " + (body.message || body.detail || response.status);
      status.classList.add("error");
      return;
    }
    status.classList.remove("error");
    const all = body.items || [];
    located = all.filter(function (e) { return e.lat != null && e.lon != null; });
    located.forEach(function (e) { e._w = project(e.lon, e.lat); });
    events = located;
    timebar.clear();
    timebar.update(located);
    const counts = {};
    events.forEach(function (e) { counts[e.event_type] = (counts[e.event_type] || 0) + 1; });
    drawLegend(counts);
    let text = events.length + " event" + (events.length === 1 ? "" : "s") + " on the map";
    if (all.length > events.length) text += " · " + (all.length - events.length) + " without coordinates";
    if (body.total > all.length) text += " · showing " + all.length + " of " + body.total;
    status.textContent = text;
    container.dataset.events = String(events.length);
    if (refit) fitEvents(); else draw();
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const inView = form.elements.in_view && form.elements.in_view.checked;
    load(!inView);
  });

  size();
  loadBase().then(function () { return load(true); }).then(function () { container.dataset.ready = "true"; });
})();
