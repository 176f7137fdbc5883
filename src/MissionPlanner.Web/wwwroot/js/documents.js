// Keeps document generation progress current; when a generation ends, the page reloads to offer the download.
(function () {
  document.querySelectorAll("[data-document-progress]").forEach(function (section) {
    var url = section.getAttribute("data-document-progress");
    var bar = section.querySelector("progress");
    if (!bar) { return; }
    function tick() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) { return; }
          bar.max = Math.max(p.total, 1);
          bar.value = p.done;
          bar.textContent = p.done + " of " + p.total;
          ["done", "total", "status"].forEach(function (f) {
            var el = section.querySelector('[data-field="' + f + '"]');
            if (el) { el.textContent = p[f]; }
          });
          if (p.finished) { window.location.reload(); } else { setTimeout(tick, 1500); }
        })
        .catch(function () { setTimeout(tick, 5000); });
    }
    setTimeout(tick, 1000);
  });
})();
