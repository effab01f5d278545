// Mention previews: a small card with the actor's name, kind and summary beside a
// linked mention, shown on mouse hover and on keyboard focus. The page holds one
// hidden preview per actor it links (<p id="actor-preview--SLUG">, the link's
// aria-describedby, so screen readers hear it without this script); the card is a
// copy of it, hidden from assistive technology to avoid reading it twice.
//
// - The card opens below the link's line (above when there is no room below), so it
//   never covers the line being read, and stays open while the pointer is over it.
// - Escape closes it; so do moving the pointer away and moving the focus on.
// - Touch: a tap follows the link as always; no card flashes up before the new page.
// - A link whose text is another name than the actor's title ("Tehran" for Iran)
//   shows that text before the actor's name, so the card says where the link goes.
(function () {
  "use strict";
  var links = document.querySelectorAll("a.mention[aria-describedby]");
  if (!links.length) return;

  var card = document.createElement("div");
  card.className = "mention-card";
  card.setAttribute("aria-hidden", "true");
  card.hidden = true;
  document.body.appendChild(card);

  var current = null;
  var showTimer = 0, hideTimer = 0;
  var lastPointerDown = 0;
  var gap = 6, margin = 8;

  function fill(link) {
    var source = document.getElementById(link.getAttribute("aria-describedby"));
    if (!source) return false;
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    card.textContent = "";
    card.className = "mention-card " + (link.className.match(/mention--[a-z]+/) || [""])[0];
    if (link.classList.contains("mention--alias")) {
      var via = document.createElement("span");
      via.className = "mention-card__via";
      via.textContent = link.textContent;
      card.appendChild(via);
    }
    card.appendChild(copy);
    return true;
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
    if (!fill(link)) return;
    current = link;
    card.hidden = false;
    place(link);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    card.hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  document.addEventListener("pointerdown", function () { lastPointerDown = Date.now(); }, true);

  links.forEach(function (link) {
    link.addEventListener("pointerenter", function (event) {
      if (event.pointerType !== "mouse") return;
      clearTimeout(hideTimer);
      clearTimeout(showTimer);
      showTimer = setTimeout(function () { show(link); }, 350);
    });
    link.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") hideSoon();
    });
    link.addEventListener("focus", function () {
      // A focus that follows a click or a tap is not the keyboard's.
      if (Date.now() - lastPointerDown > 500) show(link);
    });
    link.addEventListener("blur", function () { if (current === link) hide(); });
  });

  card.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
  card.addEventListener("pointerleave", hideSoon);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !card.hidden) hide();
  });
  window.addEventListener("resize", function () { if (current) place(current); });
})();
