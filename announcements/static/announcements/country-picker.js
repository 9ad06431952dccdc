/* Progressive enhancement of the country picker: a filter box and the chosen countries as chips.
   Without this script the picker is a plain list of checkboxes and still works. */
(function () {
  "use strict";
  function enhance(root) {
    var filter = root.querySelector("[data-filter]");
    var list = root.querySelector("[data-list]");
    var chosen = root.querySelector("[data-chosen]");
    var nomatch = root.querySelector("[data-nomatch]");
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    filter.parentNode.hidden = false;
    chosen.hidden = false;

    function applyFilter() {
      var words = filter.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.getAttribute("data-search");
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      nomatch.hidden = shown !== 0;
    }

    function renderChosen() {
      chosen.textContent = "";
      var boxes = items.map(function (item) { return item.querySelector("input"); })
        .filter(function (box) { return box.checked; });
      if (!boxes.length) {
        var none = document.createElement("span");
        none.className = "country-picker__none";
        none.textContent = root.getAttribute("data-label-none");
        chosen.appendChild(none);
        return;
      }
      boxes.forEach(function (box) {
        var name = box.parentNode.querySelector("span").textContent;
        var chip = document.createElement("span");
        chip.className = "country-picker__chip";
        chip.appendChild(document.createTextNode(name));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", root.getAttribute("data-label-remove") + " " + name);
        remove.addEventListener("click", function () {
          box.checked = false;
          renderChosen();
          filter.focus();
        });
        chip.appendChild(remove);
        chosen.appendChild(chip);
      });
    }

    filter.addEventListener("input", applyFilter);
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {  // Enter ticks the only match instead of submitting the form
        event.preventDefault();
        var visible = items.filter(function (item) { return !item.hidden; });
        if (visible.length === 1) {
          var box = visible[0].querySelector("input");
          box.checked = !box.checked;
          renderChosen();
          filter.select();
        }
      }
    });
    list.addEventListener("change", renderChosen);
    renderChosen();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-country-picker]"), enhance);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
