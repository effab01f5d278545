// Preview cards: a small card with an actor's name, kind and summary beside a link to
// the actor (a mention in prose, or a chip), shown on mouse hover and on keyboard
// focus. Such links are marked data-card. The page holds no card: each actor's is a
// file of its own, actors/SLUG/card.html beside the actor's page (found from the
// link's href, so it works under any sub-path), fetched the first time it is wanted
// and kept for the page's life. A fetched card also goes into a hidden element that
// every link to its actor names with aria-describedby, so screen readers hear it as
// the link's description.
//
// - The card opens below the link's line (above when there is no room below), so it
//   never covers the line being read, and stays open while the pointer is over it.
// - Escape closes it; so do moving the pointer away and moving the focus on.
// - Touch: a tap follows the link as always; no card flashes up before the new page.
// - A link whose text is another name than the actor's title ("Tehran" for Iran)
//   shows that text before the actor's name, so the card says where the link goes.
// - From disk (file://, where browsers refuse to fetch) or when a card cannot be
//   fetched, the links stay plain links: no card, no error.
(function () {
  "use strict";
  var links = document.querySelectorAll("a[data-card]");
  if (!links.length || location.protocol === "file:" || !window.fetch || !window.DOMParser) return;

  var card = document.createElement("div");
  card.className = "mention-card";
  card.setAttribute("aria-hidden", "true");
  card.hidden = true;
  document.body.appendChild(card);

  var previews = document.createElement("div");
  previews.className = "mention-previews";
  previews.hidden = true;
  document.body.appendChild(previews);

  var loads = {};
  var loaded = 0;
  var current = null, wanted = null;
  var showTimer = 0, hideTimer = 0;
  var lastPointerDown = 0;
  var gap = 6, margin = 8;

  function cardURL(link) {
    try { return new URL("card.html", link.href).href; } catch (error) { return ""; }
  }

  // A promise of the actor's preview element (null when there is none), fetched once per card.
  function load(link) {
    var url = cardURL(link);
    if (!url) return Promise.resolve(null);
    if (!loads[url]) {
      loads[url] = fetch(url).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (text) {
        var found = text && new DOMParser().parseFromString(text, "text/html").body.firstElementChild;
        if (!found) return null;
        var preview = document.importNode(found, true);
        preview.id = "actor-preview-" + (++loaded);
        previews.appendChild(preview);
        links.forEach(function (other) {
          if (!other.hasAttribute("aria-describedby") && cardURL(other) === url) other.setAttribute("aria-describedby", preview.id);
        });
        return preview;
      }).catch(function () { return null; });
    }
    return loads[url];
  }

  function fill(link, preview) {
    var copy = preview.cloneNode(true);
    copy.removeAttribute("id");
    card.textContent = "";
    var kind = (preview.className.match(/mention-preview--([a-z]+)/) || [])[1];
    card.className = "mention-card" + (kind ? " mention--" + kind : "");
    // A mention in prose says data-card="KIND alias" when its text is another name.
    if (/(^| )alias( |$)/.test(link.getAttribute("data-card") || "")) {
      var via = document.createElement("span");
      via.className = "mention-card__via";
      via.textContent = link.textContent;
      card.appendChild(via);
    }
    card.appendChild(copy);
  }

  function place(link) {
    var rects = link.getClientRects();
    var line = rects.length ? rects[0] : link.getBoundingClientRect();
    card.style.left = "0px";
    card.style.top = "0px";
    var width = card.offsetWidth, height = card.offsetHeight;
    var viewportWidth = document.documentElement.clientWidth;
    // Lined up with the start of the link: its left edge, or its right one in right-to-left text.
    var start = getComputedStyle(link).direction === "rtl" ? line.right - width : line.left;
    var left = Math.min(Math.max(margin, start), Math.max(margin, viewportWidth - width - margin));
    var below = line.bottom + gap;
    var top = below + height + margin > window.innerHeight && line.top - gap - height > margin ? line.top - gap - height : below;
    card.style.left = Math.round(left + window.scrollX) + "px";
    card.style.top = Math.round(top + window.scrollY) + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    if (current === link && !card.hidden) return;
    wanted = link;
    load(link).then(function (preview) {
      // The pointer or the focus may have moved on while the card was on its way.
      if (wanted !== link || !preview) return;
      fill(link, preview);
      current = link;
      card.hidden = false;
      place(link);
    });
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    card.hidden = true;
    current = null;
    wanted = null;
  }

  function hideSoon() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    wanted = null;
    hideTimer = setTimeout(hide, 200);
  }

  document.addEventListener("pointerdown", function () { lastPointerDown = Date.now(); }, true);

  links.forEach(function (link) {
    link.addEventListener("pointerenter", function (event) {
      if (event.pointerType !== "mouse") return;
      clearTimeout(hideTimer);
      clearTimeout(showTimer);
      // Fetched during the hover delay, so the card is usually there when it opens.
      load(link);
      showTimer = setTimeout(function () { show(link); }, 350);
    });
    link.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") hideSoon();
    });
    link.addEventListener("focus", function () {
      // A focus that follows a click or a tap is not the keyboard's.
      if (Date.now() - lastPointerDown > 500) show(link);
    });
    link.addEventListener("blur", function () { if (current === link || wanted === link) hide(); });
  });

  card.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
  card.addEventListener("pointerleave", hideSoon);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !card.hidden) hide();
  });
  window.addEventListener("resize", function () { if (current) place(current); });
})();
