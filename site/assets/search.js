// Client-side full-text search. assets/search-index.js is a small manifest
// (window.DOSSIER_SEARCH_INDEX); the terms (assets/search/terms/N.js, sorted, cut
// into shards) and the documents (assets/search/documents/N.js: title, URL, summary,
// and with search.passages on, the text passage by passage with anchors) are loaded
// when a query needs them, as scripts that call DossierSearch.receive: not JSON
// fetched at run time, so search works from file:// too. The format is described in
// docs/search-index.md. Without the passages in the index, a result shown on screen
// is quoted from its page, fetched over http(s); from file:// it shows its summary.
//
// A query is split into terms by the rules Dossier writes beside the index
// (window.DOSSIER_SEARCH_RULES) exactly as the index's terms were made
// (Sources/DossierCore/Render/SearchTokenizer.swift): lowercased, Latin accents
// dropped, Arabic-script letter variants folded, then words in spaced scripts and
// overlapping pairs of letters in scripts written without spaces (Han, kana, Thai,
// Lao, Khmer, Myanmar). An entry is found when every term of the query begins one
// of its terms (see find() for runs of unspaced scripts). window.DossierSearch
// (fold, terms, find, search, quote, marks) is there for templates that show results differently.
(function () {
  "use strict";
  var rules = window.DOSSIER_SEARCH_RULES || { unspaced: [], letters: [], transparent: [], stripped: [] };
  var letters = new Map(rules.letters.map(function (pair) { return [pair[0], String.fromCodePoint(pair[1])]; }));
  var transparent = new Set(rules.transparent);
  var termCharacter = /^[\p{L}\p{M}\p{N}]$/u;

  function inRanges(ranges, code) {
    var low = 0, high = ranges.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (ranges[middle][1] < code) low = middle + 1; else high = middle;
    }
    return low < ranges.length && ranges[low][0] <= code;
  }

  function fold(text) {
    var stripped = "";
    for (var character of (text || "").toLowerCase().normalize("NFD")) {
      if (!inRanges(rules.stripped, character.codePointAt(0))) stripped += character;
    }
    var folded = "";
    for (var letter of stripped.normalize("NFC")) {
      var code = letter.codePointAt(0);
      if (!transparent.has(code)) folded += letters.get(code) || letter;
    }
    return folded;
  }

  // The text's words (spaced scripts) and runs of letters of unspaced scripts, in order.
  function segments(text) {
    var result = [];
    var word = "";
    var run = [];
    function endWord() {
      if (word) result.push({ word: word });
      word = "";
    }
    function endRun() {
      if (run.length) result.push({ run: run });
      run = [];
    }
    for (var character of fold(text)) {
      if (!termCharacter.test(character)) {
        endWord();
        endRun();
      } else if (inRanges(rules.unspaced, character.codePointAt(0))) {
        endWord();
        run.push(character);
      } else {
        endRun();
        word += character;
      }
    }
    endWord();
    endRun();
    return result;
  }

  // A segment's terms: the word, or the run's overlapping pairs (its letter, if it has one).
  function segmentTerms(segment) {
    if (segment.word) return [segment.word];
    if (segment.run.length === 1) return [segment.run[0]];
    var pairs = [];
    for (var i = 0; i + 1 < segment.run.length; i++) pairs.push(segment.run[i] + segment.run[i + 1]);
    return pairs;
  }

  function terms(text) {
    return [].concat.apply([], segments(text).map(segmentTerms));
  }

  var manifest = window.DOSSIER_SEARCH_INDEX || { documents: 0, shards: [] };
  var shards = manifest.shards || [];
  // Parts are found beside this script, wherever the page that loads it lives.
  var current = document.currentScript;
  var assets = current && current.src ? new URL(".", current.src).href : "../assets/";
  var siteRoot = new URL("../", new URL(assets, window.location.href)).href;
  var received = new Map();
  var loading = new Map();

  // Each part of the index is a script that calls this with its name and value.
  function receive(name, value) { received.set(name, value); }

  function load(name) {
    var pending = loading.get(name);
    if (!pending) {
      pending = new Promise(function (resolve) {
        var element = document.createElement("script");
        element.src = assets + "search/" + name + ".js";
        element.onload = function () { resolve(received.get(name) || null); };
        element.onerror = function () { resolve(null); };
        document.head.appendChild(element);
      });
      loading.set(name, pending);
    }
    return pending;
  }

  // The shard a term belongs in: the last one whose first term is not after it.
  function shardOf(term) {
    var low = 1, high = shards.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (shards[middle] <= term) low = middle + 1; else high = middle;
    }
    return low - 1;
  }

  // A term that begins more terms than this many shards hold (a single letter on a
  // large site) is looked up as a whole term only, so a phone never loads the index
  // for one keystroke.
  var widestPrefix = 4;

  // A term's documents: for each, in ascending order, the gap from the previous one
  // times 4 plus where the term is (0 text, 1 text of several passages, 2 summary,
  // names, tags or aliases, 3 title), in base 36.
  function decode(text) {
    var documents = [], previous = 0;
    text.split(",").forEach(function (piece) {
      var value = parseInt(piece, 36);
      previous += Math.floor(value / 4);
      documents.push([previous, value % 4]);
    });
    return documents;
  }

  // The documents holding a term that begins with `term`: id → {field, exact}.
  var lookups = new Map();
  function lookup(term) {
    if (lookups.has(term)) return lookups.get(term);
    if (shards.length === 0) return Promise.resolve(new Map());
    var first = shardOf(term), last = shardOf(term + "\uffff");
    var wholeOnly = last - first >= widestPrefix;
    if (wholeOnly) last = first;
    var names = [];
    for (var i = first; i <= last; i++) names.push("terms/" + i);
    var result = Promise.all(names.map(load)).then(function (parts) {
      var hits = new Map();
      parts.forEach(function (shard) {
        if (!shard) return;
        var low = 0, high = shard.length;
        while (low < high) {
          var middle = (low + high) >> 1;
          if (shard[middle][0] < term) low = middle + 1; else high = middle;
        }
        for (var i = low; i < shard.length && shard[i][0].startsWith(term); i++) {
          var exact = shard[i][0] === term;
          if (wholeOnly && !exact) break;
          decode(shard[i][1]).forEach(function (posting) {
            var hit = hits.get(posting[0]);
            if (!hit) hits.set(posting[0], { field: posting[1], exact: exact });
            else { hit.field = Math.max(hit.field, posting[1]); hit.exact = hit.exact || exact; }
          });
        }
      });
      return hits;
    });
    lookups.set(term, result);
    return result;
  }

  var fieldScores = [0, 2, 4, 10];

  // Every document the query finds, best first: [{id, score}]. Every segment of the
  // query must be found. A word is found when a document has a term that begins with
  // it. A run of an unspaced script is found when each of its letters is in one of its
  // pairs that the document has: "伊朗条约" finds 伊朗 and 条约 in a text that never
  // writes them side by side, as a reader typing keywords without spaces means.
  // A term in the title counts most, then one in the summary, names, tags or aliases,
  // then one in several passages of the text.
  function find(query) {
    var parts = segments(query);
    if (parts.length === 0) return Promise.resolve([]);
    var piecesOf = parts.map(segmentTerms);
    var unique = Array.from(new Set([].concat.apply([], piecesOf)));
    return Promise.all(unique.map(lookup)).then(function (found) {
      var hitsOf = new Map(unique.map(function (term, i) { return [term, found[i]]; }));
      var scores = null;
      parts.forEach(function (segment, s) {
        var pieces = piecesOf[s];
        var hits = pieces.map(function (piece) { return hitsOf.get(piece); });
        var isFound = function (id) {
          if (pieces.length === 1) return hits[0].has(id);
          return segment.run.every(function (_, letter) {
            return (letter > 0 && hits[letter - 1].has(id)) || (letter < pieces.length && hits[letter].has(id));
          });
        };
        var next = new Map();
        hits.forEach(function (pieceHits) {
          pieceHits.forEach(function (_, id) {
            if (next.has(id) || (scores && !scores.has(id)) || !isFound(id)) return;
            var score = scores ? scores.get(id) : 0;
            hits.forEach(function (otherHits) {
              var hit = otherHits.get(id);
              if (hit) score += fieldScores[hit.field] + (hit.exact ? 2 : 1);
            });
            next.set(id, score);
          });
        });
        scores = next;
      });
      // Documents are numbered by title, so equal scores list by title.
      return Array.from(scores, function (pair) { return { id: pair[0], score: pair[1] }; })
        .sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    });
  }

  // What a query looks for in a text, for marking it: its words, and the letters and
  // pairs of letters of its runs of unspaced scripts.
  function matcher(query) {
    var words = [], pairs = new Set(), letters = new Set();
    segments(query).forEach(function (segment) {
      if (segment.word) { words.push(segment.word); return; }
      if (segment.run.length === 1) letters.add(segment.run[0]);
      for (var i = 0; i + 1 < segment.run.length; i++) pairs.add(segment.run[i] + segment.run[i + 1]);
    });
    return { words: words, pairs: pairs, letters: letters };
  }

  // Where `text` holds what `match` looks for: {ranges: [[start, end]] in UTF-16 offsets
  // of the text as written, sorted and merged; found: how many of the query's words and
  // pairs it holds}. Each letter is folded by itself, so an offset is one of the
  // original text; a letter that folds to nothing (an accent, a ZWNJ) stays in its word.
  function locate(text, match) {
    var ranges = [], found = new Set();
    var word = "", wordStart = -1, wordEnd = -1, run = [];
    function endWord() {
      if (wordStart < 0) return;
      var hit = false;
      match.words.forEach(function (query, i) {
        if (word.startsWith(query)) { found.add("w" + i); hit = true; }
      });
      if (hit) ranges.push([wordStart, wordEnd]);
      word = "";
      wordStart = -1;
    }
    function endRun() {
      run.forEach(function (letter, i) {
        if (match.letters.has(letter.folded)) { found.add("l" + letter.folded); ranges.push([letter.start, letter.end]); }
        var next = run[i + 1];
        if (next && match.pairs.has(letter.folded + next.folded)) {
          found.add("p" + letter.folded + next.folded);
          ranges.push([letter.start, next.end]);
        }
      });
      run = [];
    }
    var offset = 0;
    for (var character of text) {
      var start = offset;
      offset += character.length;
      var folded = fold(character);
      if (folded === "") {
        if (wordStart >= 0) wordEnd = offset;
        continue;
      }
      var first = String.fromCodePoint(folded.codePointAt(0));
      if (!termCharacter.test(first)) {
        endWord();
        endRun();
      } else if (inRanges(rules.unspaced, first.codePointAt(0))) {
        endWord();
        run.push({ folded: folded, start: start, end: offset });
      } else {
        endRun();
        if (wordStart < 0) wordStart = start;
        word += folded;
        wordEnd = offset;
      }
    }
    endWord();
    endRun();
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    });
    return { ranges: merged, found: found.size };
  }

  // About `length` characters of `text` around its first range, cut at spaces.
  function excerpt(text, ranges, length) {
    var start = 0, end = text.length;
    if (text.length > length) {
      var first = ranges.length ? ranges[0][0] : 0;
      start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
      end = Math.min(text.length, start + length);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        if (space >= 0 && space < first) start = space + 1;
      }
      if (end < text.length) {
        var before = text.lastIndexOf(" ", end);
        if (before > start && (!ranges.length || before >= ranges[0][1])) end = before;
      }
      // Never cut a letter outside the Basic Multilingual Plane in two.
      if (/[\uDC00-\uDFFF]/.test(text.charAt(start))) start += 1;
      if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
    }
    return {
      text: (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : ""),
      ranges: ranges.filter(function (range) { return range[1] > start && range[0] < end; }).map(function (range) {
        var shift = start > 0 ? 1 - start : 0;
        return [Math.max(range[0], start) + shift, Math.min(range[1], end) + shift];
      }),
    };
  }

  // Of `passages` ([anchor, text, 1 for a heading]), the one that holds the most of the
  // query (the first of those), quoted with the query's places in it and the heading
  // before it: {anchor, passage} or null.
  function bestPassage(passages, match) {
    var best = null, section = null;
    passages.forEach(function (passage) {
      var located = locate(passage[1], match);
      if (located.found > 0 && (!best || located.found > best.found)) {
        best = { anchor: passage[0], text: passage[1], ranges: located.ranges, found: located.found, section: section };
      }
      if (passage[2] === 1) section = passage[1];
    });
    if (!best) return null;
    var quoted = excerpt(best.text, best.ranges, 200);
    quoted.section = best.section;
    return { anchor: best.anchor, passage: quoted };
  }

  // A found document as results show it: the document, and its passage that holds the
  // most of the query when the index has the document's passages (search.passages);
  // without them, passage is null until quote() finds it in the page.
  function describe(result, match) {
    return load("documents/" + result.id).then(function (entry) {
      if (!entry) return null;
      var best = bestPassage(entry.b || [], match);
      return {
        entry: entry, score: result.score, id: result.id,
        url: entry.u + (best ? "#" + best.anchor : ""),
        passage: best ? best.passage : null,
      };
    });
  }

  // The blocks a page's text is searched by, as the index made its passages: every
  // paragraph, heading, list item, table and block quote with an anchor, in the page's
  // text (.prose; the main element in a theme without it), each with its own text,
  // not that of the blocks nested in it, and without footnote marks.
  var blockSelector = "p[id], h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], li[id], table[id], blockquote[id]";
  var notText = "[data-footnote-ref], [data-footnote-backref], script, style, template";

  function ownText(element) {
    var text = "";
    element.childNodes.forEach(function (child) {
      if (child.nodeType === 3) text += child.data;
      else if (child.nodeType === 1 && !child.matches(blockSelector) && !child.matches(notText)) text += ownText(child);
    });
    return text;
  }

  function pageBlocks(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var scopes = Array.from(page.querySelectorAll(".prose"));
    if (scopes.length === 0) scopes = [page.querySelector("main") || page.body];
    var blocks = [];
    scopes.forEach(function (scope) {
      // A .prose inside another is read with the outer one.
      if (scope.parentElement && scope.parentElement.closest(".prose")) return;
      scope.querySelectorAll(blockSelector).forEach(function (element) {
        var text = ownText(element).replace(/[ \t\n\r\f]+/g, " ").trim();
        if (text) blocks.push([element.id, text, /^H[1-6]$/.test(element.tagName) ? 1 : 0]);
      });
    });
    return blocks;
  }

  // Pages can be fetched over http(s) only: from file:// browsers refuse, with an error.
  var canFetch = /^https?:$/.test(window.location.protocol);
  // Each page fetched, by URL: a promise of its blocks. A fetch that fails or is
  // cancelled is forgotten, so that a later query asks again.
  var pages = new Map();

  function blocksOf(url, signal) {
    var pending = pages.get(url);
    if (!pending) {
      pending = fetch(url, signal ? { signal: signal } : {}).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      }).then(pageBlocks).catch(function () {
        if (pages.get(url) === pending) pages.delete(url);
        return null;
      });
      pages.set(url, pending);
      // Forgotten as the fetch is cancelled, not a moment later, so the next query fetches anew.
      if (signal) signal.addEventListener("abort", function () { if (pages.get(url) === pending) pages.delete(url); });
    }
    return pending;
  }

  // `result` (as search() gives it) with its passage quoted from its page, fetched: the
  // block that holds the most of the query, about 200 characters around the first match,
  // linked to the block. The result as it was when it has its passage already, when the
  // page cannot be fetched (file://, a fetch that fails or is cancelled through
  // `signal`, an AbortSignal), or when the page's text does not hold the query.
  function quote(result, query, signal) {
    if (!result || result.passage || result.entry.b || !canFetch) return Promise.resolve(result);
    return blocksOf(new URL(result.entry.u, siteRoot).href, signal).then(function (blocks) {
      var best = blocks && bestPassage(blocks, matcher(query));
      if (!best) return result;
      return {
        entry: result.entry, score: result.score, id: result.id,
        url: result.entry.u + "#" + best.anchor,
        passage: best.passage,
      };
    });
  }

  // The first `limit` results of a query (50 unless given), described.
  function search(query, limit) {
    var match = matcher(query);
    return find(query).then(function (results) {
      return Promise.all(results.slice(0, limit || 50).map(function (result) { return describe(result, match); }));
    }).then(function (described) { return described.filter(Boolean); });
  }

  // Where a text holds a query, as [[start, end]] UTF-16 ranges, for marking it.
  function marks(text, query) { return locate(text, matcher(query)).ranges; }

  window.DossierSearch = { fold: fold, terms: terms, find: find, search: search, quote: quote, marks: marks, receive: receive };

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;

  // Links in the index are relative to the site root; this page is one folder down.
  var root = "../";
  var pageSize = 20;

  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = "More results";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);

  // Text from the index goes in as text nodes and <mark> elements, never as markup.
  function marked(element, text, ranges) {
    var cursor = 0;
    ranges.forEach(function (range) {
      if (range[0] > cursor) element.appendChild(document.createTextNode(text.slice(cursor, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      element.appendChild(mark);
      cursor = range[1];
    });
    if (cursor < text.length) element.appendChild(document.createTextNode(text.slice(cursor)));
    return element;
  }

  // Titles and passages may be in another language or direction than this page.
  function quoted(element, entry) {
    element.dir = "auto";
    if (entry.l) element.lang = entry.l;
    return element;
  }

  // The passage of a result: the heading it sits under, unless the passage is that
  // heading, and the quote with the query marked, linked to its block.
  function passageElement(result) {
    var passage = quoted(document.createElement("p"), result.entry);
    passage.className = "search-result__passage";
    if (result.passage.section) {
      var section = document.createElement("span");
      section.className = "search-result__section";
      section.textContent = result.passage.section + " ›";
      passage.appendChild(section);
      passage.appendChild(document.createTextNode(" "));
    }
    var deep = document.createElement("a");
    deep.href = root + result.url;
    passage.appendChild(marked(deep, result.passage.text, result.passage.ranges));
    return passage;
  }

  function resultItem(result, match) {
    var entry = result.entry;
    var li = document.createElement("li");
    li.className = "search-result";
    var kind = document.createElement("span");
    kind.className = "kind-badge kind-badge--" + entry.k;
    kind.textContent = entry.k;
    var link = quoted(document.createElement("a"), entry);
    link.href = root + entry.u;
    marked(link, entry.t, locate(entry.t, match).ranges);
    li.appendChild(kind);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link);
    if (entry.d) {
      var date = document.createElement("span");
      date.className = "meta";
      date.textContent = " · " + entry.d;
      li.appendChild(date);
    }
    if (result.passage) {
      li.appendChild(passageElement(result));
    } else if (entry.s) {
      li.appendChild(marked(quoted(document.createElement("p"), entry), entry.s, locate(entry.s, match).ranges));
    }
    return li;
  }

  // Answers arrive out of order when a reader types fast: only the latest query's count.
  var generation = 0;
  var shown = { results: [], count: 0, match: null, query: "" };

  // Results without their passage are quoted from their pages once they are on screen,
  // a few fetches at a time; a new query cancels the fetches of the last one.
  var fetchesAtOnce = 3;
  var quoting = null;

  function startQuoting() {
    if (quoting) {
      quoting.cancelled = true;
      if (quoting.controller) quoting.controller.abort();
      if (quoting.observer) quoting.observer.disconnect();
    }
    quoting = { waiting: [], running: 0, cancelled: false, observer: null, jobs: new Map(),
      controller: window.AbortController ? new AbortController() : null };
    var current = quoting;
    if (window.IntersectionObserver) {
      current.observer = new IntersectionObserver(function (seen) {
        seen.forEach(function (sighting) {
          if (!sighting.isIntersecting) return;
          current.observer.unobserve(sighting.target);
          current.waiting.push(current.jobs.get(sighting.target));
          current.jobs.delete(sighting.target);
        });
        nextQuote(current);
      });
    }
  }

  function nextQuote(current) {
    while (!current.cancelled && current.running < fetchesAtOnce && current.waiting.length) {
      var job = current.waiting.shift();
      current.running += 1;
      quote(job.result, job.query, current.controller && current.controller.signal).then(function (job, quotedResult) {
        current.running -= 1;
        if (current.cancelled) return;
        if (quotedResult && quotedResult.passage && job.item.isConnected) {
          var passage = passageElement(quotedResult);
          if (job.summary) job.item.replaceChild(passage, job.summary); else job.item.appendChild(passage);
        }
        nextQuote(current);
      }.bind(null, job));
    }
  }

  // Shows `result`; one without its passage shows its summary until its page's quote arrives.
  function showResult(result) {
    var item = resultItem(result, shown.match);
    list.appendChild(item);
    if (result.passage || result.entry.b || !canFetch) return;
    var job = { result: result, query: shown.query, item: item, summary: result.entry.s ? item.lastChild : null };
    if (quoting.observer) {
      quoting.jobs.set(item, job);
      quoting.observer.observe(item);
    } else {
      quoting.waiting.push(job);
      nextQuote(quoting);
    }
  }

  function showMore(current) {
    var page = shown.results.slice(shown.count, shown.count + pageSize);
    shown.count += page.length;
    return Promise.all(page.map(function (result) { return describe(result, shown.match); })).then(function (described) {
      if (current !== generation) return;
      described.forEach(function (result) { if (result) showResult(result); });
      more.hidden = shown.count >= shown.results.length;
    });
  }

  function render(query) {
    var current = ++generation;
    startQuoting();
    if (terms(query).length === 0) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return Promise.resolve();
    }
    return find(query).then(function (results) {
      if (current !== generation) return;
      list.textContent = "";
      status.textContent = results.length === 0 ? "No results for “" + query + "”." :
        results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”.";
      shown = { results: results, count: 0, match: matcher(query), query: query };
      return showMore(current);
    });
  }

  more.addEventListener("click", function () { showMore(generation); });

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  render(initial);
  // The address says the query, so it can be shared; from file:// some browsers refuse to change it.
  function showAndRemember(query) {
    render(query);
    if (window.history && window.location.protocol !== "file:") {
      window.history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : window.location.pathname);
    }
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    showAndRemember(input.value);
  });
  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { showAndRemember(input.value); }, 120);
  });
})();
