// "/" focuses the search box (the search page's own, where there is one), as on most
// sites, but not while typing in a field. Every page loads this file with `defer`:
// one copy, cached by the browser, instead of the same script inline on each page.
document.addEventListener("keydown", function (e) {
  var t = e.target;
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented ||
      (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
  var box = document.getElementById("search-input") || document.getElementById("site-search-input");
  if (box) {
    e.preventDefault();
    box.focus();
    box.select();
  }
});
