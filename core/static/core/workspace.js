// The summit workspace: switching summits as soon as one is chosen (the button stays for keyboards
// and browsers without JavaScript), and live panels that refresh themselves (check-ins on the day).
(function () {
  "use strict";
  document.querySelectorAll("[data-plenary-switcher] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  function refresh(panel) {
    var url = panel.getAttribute("data-live-url");
    var every = parseInt(panel.getAttribute("data-live-seconds") || "60", 10) * 1000;
    function tick() {
      fetch(url, {credentials: "same-origin", headers: {"X-Requested-With": "fetch"}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null) { panel.innerHTML = html; }
          setTimeout(tick, every);
        })
        .catch(function () { setTimeout(tick, every * 2); });
    }
    setTimeout(tick, every);
  }
  document.querySelectorAll("[data-live-url]").forEach(refresh);

})();
