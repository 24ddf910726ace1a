// Map names: which base-map labels to show at a zoom, placed most important first, each only
// where it overlaps no label already placed (collision-aware). Used by map.js.
"use strict";

(function () {
  const LABEL_ORDER = { country: 0, capital: 1, province: 2, "admin-capital": 3, town: 4, district: 5 };
  function labelVisible(label, s) {
    if (label.level === "country") return s < 6000;
    if (label.level === "capital") return s >= 80;
    if (label.level === "province") return s >= 700;
    if (label.level === "district") return s >= 3000;
    return s >= 200 * Math.pow(1.6, Math.max(0, label.rank - 3)); // towns: larger ones first
  }
  function draw(gLabels, labels, view, toScreen, el) {
    gLabels.replaceChildren();
    const placed = [];
    const ordered = labels.filter(function (l) { return labelVisible(l, view.scale); }).sort(function (a, b) {
      return (LABEL_ORDER[a.level] - LABEL_ORDER[b.level]) || (a.rank - b.rank);
    });
    ordered.forEach(function (label) {
      const s = toScreen(label.at[0], label.at[1]);
      if (s[0] < -50 || s[1] < -20 || s[0] > view.width + 50 || s[1] > view.height + 20) return;
      const point = label.level === "capital" || label.level === "town" || label.level === "admin-capital";
      const text = el("text", { x: s[0] + (point ? 5 : 0), y: s[1] + (point ? 4 : 0), class: "place-label " + label.level }, gLabels);
      text.textContent = label.name;
      const box = text.getBBox();
      const hit = placed.some(function (b) {
        return box.x < b.x + b.width + 3 && b.x < box.x + box.width + 3 && box.y < b.y + b.height && b.y < box.y + box.height;
      });
      if (hit) { text.remove(); return; }
      placed.push(box);
      if (point) el("circle", { cx: s[0], cy: s[1], r: label.level === "capital" ? 3 : 2, class: "town-dot " + label.level }, gLabels);
    });
  }

  window.EventwireLabels = { draw: draw };
})();
