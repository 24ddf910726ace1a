// Article view: legend toggles and links between the side panel and the highlighted text.
"use strict";

(function () {
  const text = document.getElementById("article-text");
  if (!text) return;

  // Legend: hide or show one kind of highlight.
  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });

  // Highlighted spans are focusable so keyboard users get the same tooltips.
  text.querySelectorAll("[data-tip]").forEach(function (el) {
    if (el.matches(".hl-place, .hl-actor, .hl-framing")) el.tabIndex = 0;
  });

  function spansOf(kind, index) {
    const out = [];
    text.querySelectorAll("[data-" + kind + "]").forEach(function (el) {
      if (el.getAttribute("data-" + kind).split(" ").indexOf(String(index)) >= 0) out.push(el);
    });
    return out;
  }

  function clearActive() {
    text.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }

  // Side-panel entries: hover or keyboard focus lights up their evidence; click or Enter goes to it.
  document.querySelectorAll("[data-target][data-index]").forEach(function (item) {
    const kind = item.dataset.target;
    const index = item.dataset.index;
    if (!item.hasAttribute("tabindex")) item.tabIndex = 0;
    function light() {
      clearActive();
      spansOf(kind, index).forEach(function (el) { el.classList.add("active"); });
    }
    function go() {
      const spans = spansOf(kind, index);
      if (!spans.length) return;
      spans[0].scrollIntoView({ behavior: "smooth", block: "center" });
      if (spans[0].tabIndex < 0) spans[0].tabIndex = -1;
      spans[0].focus({ preventScroll: true });
    }
    item.addEventListener("mouseenter", light);
    item.addEventListener("focus", light);
    item.addEventListener("mouseleave", clearActive);
    item.addEventListener("blur", clearActive);
    item.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) return;
      go();
    });
    item.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.target.closest("a")) { ev.preventDefault(); go(); }
    });
  });
})();
