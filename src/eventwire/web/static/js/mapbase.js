// The base map of the events map: Web Mercator projection and the offline outlines and names
// served at /basemap/*.json (countries, provinces, districts), so optional online tiles line up
// exactly. Used by map.js. Names are only set with textContent.
"use strict";

(function () {
  const TILE = 256;
  const LAYER_ORDER = ["world", "countries", "admin"];

  // -- projection: lon/lat -> world pixels at zoom 0 (256 x 256) -------------------------
  function project(lon, lat) {
    const clamped = Math.max(-85.05, Math.min(85.05, lat));
    const phi = (clamped * Math.PI) / 180;
    return [((lon + 180) / 360) * TILE, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * TILE];
  }
  function unproject(x, y) {
    const lon = (x / TILE) * 360 - 180;
    const n = Math.PI - (2 * Math.PI * y) / TILE;
    return [lon, (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
  }

  // -- base layer ------------------------------------------------------------------------
  function ringPath(ring) {
    let d = "";
    for (let i = 0; i < ring.length; i++) {
      const p = project(ring[i][0], ring[i][1]);
      d += (i === 0 ? "M" : "L") + p[0].toFixed(4) + " " + p[1].toFixed(4);
    }
    return d + "Z";
  }
  function featurePath(geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let d = "";
    polygons.forEach(function (polygon) { polygon.forEach(function (ring) { d += ringPath(ring); }); });
    return d;
  }

  // Draws every outline layer into gBase, collects the names into labels; returns the credits.
  async function load(gBase, el, labels) {
    const credits = [];
    try {
      const index = await (await fetch("/basemap/index.json")).json();
      if (index.layers.indexOf("labels") >= 0) {
        const named = await (await fetch("/basemap/labels.json")).json();
        named.features.forEach(function (f) {
          const c = f.geometry.coordinates;
          labels.push({ name: f.properties.name, level: f.properties.kind, rank: f.properties.rank || 0, at: project(c[0], c[1]) });
        });
        if (named.attribution) credits.push(named.attribution);
      }
      const names = index.layers.filter(function (n) { return n !== "labels"; }).sort(function (a, b) {
        const ia = LAYER_ORDER.indexOf(a), ib = LAYER_ORDER.indexOf(b);
        return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
      });
      for (const name of names) {
        const layer = await (await fetch("/basemap/" + encodeURIComponent(name) + ".json")).json();
        const group = el("g", { class: "layer layer-" + name }, gBase);
        layer.features.forEach(function (f) {
          const level = (f.properties && f.properties.level) || "country";
          const path = el("path", { d: featurePath(f.geometry), class: "area " + level }, group);
          const title = el("title", {}, path);
          title.textContent = f.properties.name || "";
          if (f.properties.label && (level === "province" || level === "district")) {
            labels.push({ name: f.properties.name, level: level, rank: level === "province" ? 5 : 9, at: project(f.properties.label[0], f.properties.label[1]) });
          }
        });
        if (layer.attribution && credits.indexOf(layer.attribution) < 0) credits.push(layer.attribution);
      }
    } catch (err) {
      credits.push("base map could not be loaded");
    }
    return credits;
  }

  window.EventwireBase = { TILE: TILE, project: project, unproject: unproject, load: load };
})();
