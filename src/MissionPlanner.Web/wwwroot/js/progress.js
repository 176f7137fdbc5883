// Keeps batch progress current while messages are being sent; the page works without it.
(function () {
  document.querySelectorAll("[data-progress-url]").forEach(function (section) {
    var url = section.getAttribute("data-progress-url");
    var bar = section.querySelector("progress");
    function tick() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) { return; }
          bar.value = p.sent + p.failed;
          bar.textContent = (p.sent + p.failed) + " of " + p.total;
          ["sent", "failed", "waiting"].forEach(function (f) {
            var el = section.querySelector('[data-field="' + f + '"]');
            if (el) { el.textContent = p[f]; }
          });
          if (p.waiting > 0) { setTimeout(tick, 2000); }
        })
        .catch(function () { setTimeout(tick, 5000); });
    }
    tick();
  });
})();
