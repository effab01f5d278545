// Client-side search over window.DOSSIER_SEARCH_INDEX (assets/search-index.js).
// The index is a script, not JSON fetched at run time, so search works from file:// too.
//
// A query is split into terms by the rules Dossier writes beside the index
// (window.DOSSIER_SEARCH_RULES) exactly as the index's terms were made
// (Sources/DossierCore/Render/SearchTokenizer.swift): lowercased, Latin accents
// dropped, Arabic-script letter variants folded, then words in spaced scripts and
// overlapping pairs of letters in scripts written without spaces (Han, kana, Thai,
// Lao, Khmer, Myanmar). An entry is found when every term of the query begins one
// of its terms (see search() for runs of unspaced scripts). window.DossierSearch
// (fold, terms, search) is there for templates that show results differently.
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

  var index = window.DOSSIER_SEARCH_INDEX || [];

  // Which entries hold each term, and every term in sorted order, so the terms that
  // begin with a query's term are one contiguous stretch found by binary search.
  var postings = new Map();
  var titleTerms = index.map(function (entry, id) {
    var inTitle = terms(entry.t);
    var all = inTitle.concat(terms(entry.s), entry.w ? entry.w.split(" ") : []);
    all.forEach(function (term) {
      var ids = postings.get(term);
      if (!ids) postings.set(term, ids = []);
      if (ids[ids.length - 1] !== id) ids.push(id);
    });
    return inTitle;
  });
  var vocabulary = Array.from(postings.keys()).sort();

  // The entries holding a term that begins with `term`, each with whether one is `term` itself.
  function lookup(term) {
    var low = 0, high = vocabulary.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (vocabulary[middle] < term) low = middle + 1; else high = middle;
    }
    var hits = new Map();
    for (var i = low; i < vocabulary.length && vocabulary[i].startsWith(term); i++) {
      var exact = vocabulary[i] === term;
      postings.get(vocabulary[i]).forEach(function (id) { hits.set(id, hits.get(id) || exact); });
    }
    return hits;
  }

  // Every segment of the query must be found. A word is found when an entry has a term
  // that begins with it. A run of an unspaced script is found when each of its letters
  // is in one of its pairs that the entry has: "伊朗条约" finds 伊朗 and 条约 in a text
  // that never writes them side by side, as a reader typing keywords without spaces means.
  function search(query) {
    var parts = segments(query);
    if (parts.length === 0) return [];
    var scores = null;
    parts.forEach(function (segment) {
      var pieces = segmentTerms(segment);
      var hits = pieces.map(lookup);
      var found = function (id) {
        if (pieces.length === 1) return hits[0].has(id);
        return segment.run.every(function (_, letter) {
          return (letter > 0 && hits[letter - 1].has(id)) || (letter < pieces.length && hits[letter].has(id));
        });
      };
      var next = new Map();
      hits.forEach(function (pieceHits) {
        pieceHits.forEach(function (_, id) {
          if (next.has(id) || (scores && !scores.has(id)) || !found(id)) return;
          var score = scores ? scores.get(id) : 0;
          hits.forEach(function (pieceHits, i) {
            if (!pieceHits.has(id)) return;
            var inTitle = titleTerms[id].some(function (title) { return title.startsWith(pieces[i]); });
            score += (inTitle ? 10 : 0) + (pieceHits.get(id) ? 2 : 1);
          });
          next.set(id, score);
        });
      });
      scores = next;
    });
    var whole = terms(query).join(" ");
    return Array.from(scores, function (pair) {
      return { entry: index[pair[0]], score: pair[1] + (titleTerms[pair[0]].join(" ") === whole ? 20 : 0) };
    }).sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); }).slice(0, 50);
  }

  window.DossierSearch = { fold: fold, terms: terms, search: search };

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;

  // Links in the index are relative to the site root; this page is one folder down.
  var root = "../";

  // Titles and summaries may be in another language or direction than this page.
  function quoted(element, entry, text) {
    element.textContent = text;
    element.dir = "auto";
    if (entry.l) element.lang = entry.l;
    return element;
  }

  function render(query) {
    list.textContent = "";
    if (terms(query).length === 0) { status.textContent = ""; return; }
    var results = search(query);
    status.textContent = results.length === 0 ? "No results for “" + query + "”." :
      results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”.";
    results.forEach(function (result) {
      var entry = result.entry;
      var li = document.createElement("li");
      li.className = "search-result";
      var kind = document.createElement("span");
      kind.className = "kind-badge kind-badge--" + entry.k;
      kind.textContent = entry.k;
      var link = quoted(document.createElement("a"), entry, entry.t);
      link.href = root + entry.u;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      if (entry.d) {
        var date = document.createElement("span");
        date.className = "meta";
        date.textContent = " · " + entry.d;
        li.appendChild(date);
      }
      if (entry.s) li.appendChild(quoted(document.createElement("p"), entry, entry.s));
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
