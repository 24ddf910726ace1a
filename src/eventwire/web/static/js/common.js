// Shared page behaviour: the hover tooltip for any element with data-tip.
// Data from articles is only ever written with textContent, never as HTML.
"use strict";

(function () {
  const tip = document.getElementById("tooltip");
  if (!tip) return;

  function show(target, x, y) {
    tip.textContent = target.dataset.tip;
    tip.hidden = false;
    const pad = 12;
    const rect = tip.getBoundingClientRect();
    let left = x + pad;
    let top = y + pad;
    if (left + rect.width > window.innerWidth - 4) left = Math.max(4, x - rect.width - pad);
    if (top + rect.height > window.innerHeight - 4) top = Math.max(4, y - rect.height - pad);
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  document.addEventListener("mouseover", function (ev) {
    const target = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (target && target.dataset.tip) show(target, ev.clientX, ev.clientY);
  });
  document.addEventListener("mousemove", function (ev) {
    if (tip.hidden) return;
    const target = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (target && target.dataset.tip) show(target, ev.clientX, ev.clientY);
  });
  document.addEventListener("mouseout", function (ev) {
    const to = ev.relatedTarget && ev.relatedTarget.closest ? ev.relatedTarget.closest("[data-tip]") : null;
    if (!to) tip.hidden = true;
  });
  // keyboard users: focusable highlighted spans show their tip on focus
  document.addEventListener("focusin", function (ev) {
    const target = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (!target) return;
    const r = target.getBoundingClientRect();
    show(target, r.left, r.bottom);
  });
  document.addEventListener("focusout", function () { tip.hidden = true; });
})();
