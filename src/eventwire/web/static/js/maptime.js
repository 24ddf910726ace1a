// Time on the map page: a histogram of event dates with a brush, and a newest-first feed.
//
// window.EventwireTime.timebar(node, onBrush) draws bars per period; dragging across them
// selects a date range (onBrush([from, to]) or onBrush(null) when cleared).
// window.EventwireTime.feed(node, events, onPick) lists events newest first.
// Text from the data is only set with textContent.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const W = 600, H = 70, PAD = 4;

  function day(e) { return ((e.date || e.published || "") + "-01-01").slice(0, 10); }

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function timebar(node, onBrush) {
    const svg = el("svg", { viewBox: "0 0 " + W + " " + H, class: "timebar-svg", role: "slider", tabindex: 0,
      "aria-label": "event dates: drag to choose a period" }, node);
    const label = document.createElement("p");
    label.className = "timebar-label";
    node.appendChild(label);
    let bins = [], range = null, start = null;

    function binsFor(events) {
      const days = events.map(day).filter(function (d) { return d.length === 10 && d[0] !== "-"; }).sort();
      if (!days.length) return [];
      const first = new Date(days[0]), last = new Date(days[days.length - 1]);
      const spanDays = Math.max(1, (last - first) / 864e5 + 1);
      const monthly = spanDays > 120;
      const out = [];
      const cursor = new Date(first);
      if (monthly) cursor.setUTCDate(1);
      while (cursor <= last && out.length < 400) {
        const from = cursor.toISOString().slice(0, 10);
        if (monthly) cursor.setUTCMonth(cursor.getUTCMonth() + 1); else cursor.setUTCDate(cursor.getUTCDate() + 1);
        const next = new Date(cursor - 864e5).toISOString().slice(0, 10);
        out.push({ from: from, to: next, n: 0 });
      }
      days.forEach(function (d) {
        for (const b of out) { if (d >= b.from && d <= b.to) { b.n++; break; } }
      });
      return out;
    }

    function render() {
      svg.replaceChildren();
      if (!bins.length) { label.textContent = "No dated events."; return; }
      const peak = Math.max.apply(null, bins.map(function (b) { return b.n; })) || 1;
      const step = (W - 2 * PAD) / bins.length;
      bins.forEach(function (b, i) {
        const h = ((H - 16) * b.n) / peak;
        const inside = !range || (b.to >= range[0] && b.from <= range[1]);
        const r = el("rect", { x: PAD + i * step + 0.5, y: H - 14 - h, width: Math.max(1, step - 1), height: h,
          class: "time-bin" + (inside ? " selected" : "") }, svg);
        r.dataset.from = b.from;
        const t = el("title", {}, r);
        t.textContent = b.from + " – " + b.to + ": " + b.n + " event" + (b.n === 1 ? "" : "s");
      });
      el("text", { x: PAD, y: H - 2, class: "time-axis" }, svg).textContent = bins[0].from;
      el("text", { x: W - PAD, y: H - 2, class: "time-axis end" }, svg).textContent = bins[bins.length - 1].to;
      label.textContent = range ? "Showing " + range[0] + " to " + range[1] + " (drag again to change, Escape to clear)"
        : "All dates — drag across the bars to choose a period";
    }

    function binAt(ev) {
      const rect = svg.getBoundingClientRect();
      const x = ((ev.clientX - rect.left) / rect.width) * W;
      const i = Math.floor(((x - PAD) / (W - 2 * PAD)) * bins.length);
      return bins[Math.max(0, Math.min(bins.length - 1, i))];
    }
    function set(a, b) {
      range = a.from <= b.from ? [a.from, b.to] : [b.from, a.to];
      render();
    }
    svg.addEventListener("pointerdown", function (ev) {
      if (!bins.length) return;
      start = binAt(ev);
      svg.setPointerCapture(ev.pointerId);
      set(start, start);
    });
    svg.addEventListener("pointermove", function (ev) { if (start) set(start, binAt(ev)); });
    svg.addEventListener("pointerup", function () { if (start) { start = null; onBrush(range); } });
    svg.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { range = null; render(); onBrush(null); }
    });
    return {
      update: function (events) { bins = binsFor(events); render(); },
      clear: function () { range = null; render(); },
      range: function () { return range; },
    };
  }

  function feed(node, events, onPick) {
    node.replaceChildren();
    const sorted = events.slice().sort(function (a, b) { return day(b) < day(a) ? -1 : day(b) > day(a) ? 1 : 0; });
    sorted.slice(0, 100).forEach(function (e) {
      const li = document.createElement("li");
      li.className = "feed-item";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "feed-link";
      const when = document.createElement("span");
      when.className = "feed-date";
      when.textContent = e.date || ("published " + (e.published || "?"));
      const what = document.createElement("span");
      what.textContent = " " + e.event_type + (e.location ? " · " + e.location : "");
      button.append(when, what);
      button.addEventListener("click", function () { onPick(e); });
      li.appendChild(button);
      const src = document.createElement("a");
      src.href = "/ui/articles/" + encodeURIComponent(e.article_id);
      src.className = "feed-source";
      src.textContent = e.outlet || "source";
      li.appendChild(src);
      node.appendChild(li);
    });
    if (sorted.length > 100) {
      const more = document.createElement("li");
      more.className = "hint";
      more.textContent = "… " + (sorted.length - 100) + " older: narrow the period.";
      node.appendChild(more);
    }
    node.dataset.count = String(sorted.length);
  }

  window.EventwireTime = { timebar: timebar, feed: feed, day: day };
})();
