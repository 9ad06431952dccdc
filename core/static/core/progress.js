// Progress of a background job (core.jobs), polled from the JSON at data-progress-url:
// {state, done, total, error, finished, counts: {name: n}, result_url}. Texts come from data-* attributes
// of [data-progress-text] ({done} and {total} are replaced), so they are in the page's language.
(function () {
  "use strict";
  document.querySelectorAll("[data-progress-url]").forEach(function (root) {
    var bar = root.querySelector("progress");
    var text = root.querySelector("[data-progress-text]");
    var link = root.querySelector("[data-progress-result]");
    function show(s) {
      var done = s.state === "succeeded" || s.state === "done";
      if (bar) {
        bar.max = Math.max(s.total || 0, 1);
        bar.value = done ? bar.max : (s.done || 0);
      }
      if (text) {
        var template = text.getAttribute("data-" + s.state) || "";
        text.textContent = template.replace("{done}", s.done).replace("{total}", s.total) +
          (s.state === "failed" && s.error ? " " + s.error : "");
      }
      if (s.counts) {
        root.querySelectorAll("[data-count]").forEach(function (el) {
          var key = el.getAttribute("data-count");
          if (key in s.counts) { el.textContent = s.counts[key]; }
        });
      }
      if (link && s.result_url) { link.href = s.result_url; link.hidden = false; }
      var finished = "finished" in s ? s.finished : (done || s.state === "failed" || s.state === "cancelled");
      return !finished;
    }
    function poll() {
      fetch(root.getAttribute("data-progress-url"), {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (s) { if (show(s)) { setTimeout(poll, 1000); } })
        .catch(function () { setTimeout(poll, 3000); });
    }
    if (root.getAttribute("data-progress-running") === "true") { poll(); }
  });
})();
