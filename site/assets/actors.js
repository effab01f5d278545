// The actors index's filter box and sort by mentions. The page lists every actor
// without this script; the controls stay hidden until it runs. `?filter=text` and
// `?sort=mentions` in the address set them, so a filtered list can be linked to.
(function () {
  "use strict";
  var form = document.querySelector("[data-actor-tools]");
  if (!form) return;
  var input = form.querySelector("#actor-filter");
  var status = form.querySelector(".actor-tools__status");
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-kind-group]"));
  var items = [];
  groups.forEach(function (group) {
    Array.prototype.slice.call(group.querySelectorAll("li[data-names]")).forEach(function (item, position) {
      items.push({ element: item, group: group, position: position, names: fold(item.getAttribute("data-names")),
                   mentions: parseInt(item.getAttribute("data-mentions"), 10) || 0 });
    });
  });

  // Case and accents do not count, as in the site's search.
  function fold(text) {
    return (text || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function filter() {
    var query = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (item) {
      var match = query === "" || item.names.indexOf(query) !== -1;
      item.element.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("li[data-names]:not([hidden])");
    });
    status.textContent = query === "" ? "" : shown + " of " + items.length + " actors";
  }

  function sort() {
    var byMentions = form.querySelector("input[name=actor-sort]:checked").value === "mentions";
    groups.forEach(function (group) {
      var list = group.querySelector("ul");
      items.filter(function (item) { return item.group === group; })
        .sort(function (a, b) { return byMentions && a.mentions !== b.mentions ? b.mentions - a.mentions : a.position - b.position; })
        .forEach(function (item) { list.appendChild(item.element); });
    });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("filter")) input.value = params.get("filter");
  if (params.get("sort") === "mentions") form.querySelector("input[value=mentions]").checked = true;
  sort();
  filter();

  input.addEventListener("input", filter);
  form.addEventListener("change", function (event) { if (event.target.name === "actor-sort") sort(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
})();
