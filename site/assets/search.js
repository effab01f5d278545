// Client-side search over window.DOSSIER_SEARCH_INDEX (assets/search-index.js).
// The index is a script, not JSON fetched at run time, so search works from file:// too.
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH_INDEX || [];
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;

  // Links in the index are relative to the site root; this page is one folder down.
  var root = "../";

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'");
  }

  var prepared = index.map(function (entry) {
    return { entry: entry, title: fold(entry.t), text: fold([entry.s, entry.x].join(" ")) };
  });

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var inTitle = item.title.indexOf(term) !== -1;
      var inText = item.text.indexOf(term) !== -1;
      if (!inTitle && !inText) return 0;
      total += (inTitle ? 10 : 0) + (inText ? 1 : 0) + (item.title === term ? 20 : 0);
    }
    return total;
  }

  function render(query) {
    list.textContent = "";
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (terms.length === 0) { status.textContent = ""; return; }
    var results = prepared
      .map(function (item) { return { item: item, score: score(item, terms) }; })
      .filter(function (result) { return result.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.item.entry.t.localeCompare(b.item.entry.t); })
      .slice(0, 50);
    status.textContent = results.length === 0 ? "No results for “" + query + "”." :
      results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”.";
    results.forEach(function (result) {
      var entry = result.item.entry;
      var li = document.createElement("li");
      li.className = "search-result";
      var kind = document.createElement("span");
      kind.className = "kind-badge kind-badge--" + entry.k;
      kind.textContent = entry.k;
      var link = document.createElement("a");
      link.href = root + entry.u;
      link.textContent = entry.t;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      if (entry.d) {
        var date = document.createElement("span");
        date.className = "meta";
        date.textContent = " · " + entry.d;
        li.appendChild(date);
      }
      if (entry.s) {
        var summary = document.createElement("p");
        summary.textContent = entry.s;
        li.appendChild(summary);
      }
      list.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  render(initial);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(input.value);
    if (window.history && window.location.protocol !== "file:") {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    }
  });
  input.addEventListener("input", function () { render(input.value); });
})();
