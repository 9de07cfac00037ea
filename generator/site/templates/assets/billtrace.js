/* billtrace: filter the matrix (by status, words changed since review, or provenance), give each
   defined term and internal citation its tooltip, find a provision by its citation in the search. Runs without network access; a tooltip is set
   as a title, plain text. */
(function () {
  "use strict";
  /* The matrix page: its rows drawn from assets/matrix.js (window.billtraceMatrix), every value
     set as text, never as markup. */
  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text) { made.textContent = text; }
    return made;
  }
  function link(href, text, className) {
    var made = element("a", className, text);
    made.href = href;
    return made;
  }
  function drawMatrix() {
    var table = document.querySelector("table.bt-matrix[data-rows]");
    if (!table) { return; }
    if (!window.billtraceMatrix) {  /* loaded here, not in the page, as the search loads ids.js */
      var script = document.createElement("script");
      script.src = base + "assets/matrix.js";
      script.onload = drawMatrix;
      document.head.appendChild(script);
      return;
    }
    var data = window.billtraceMatrix;
    var body = table.querySelector("tbody");
    var at = {};
    data.columns.forEach(function (name, index) { at[name] = index; });
    var rows = document.createDocumentFragment();
    data.rows.forEach(function (values) {
      function get(name) { return values[at[name]]; }
      var href = get("page") + ".html#" + get("id");
      var row = element("tr");
      row.id = "m-" + get("id");
      row.setAttribute("data-status", get("status"));
      if (get("review")) { row.setAttribute("data-review", get("review")); }
      if (get("stale")) { row.setAttribute("data-stale", "true"); }
      row.setAttribute("data-prov", get("provenance"));
      var name = element("td", "bt-level-" + get("depth"));
      name.appendChild(link(href, get("label")));
      var status = element("td", "bt-st", data.statuses[get("status")]);
      if (get("rollup")) { status.appendChild(document.createTextNode(" ")); status.appendChild(element("span", "bt-rollup", get("rollup"))); }
      if (get("stale")) {
        status.appendChild(document.createTextNode(" "));
        var badge = link(href, data.reviews[get("review")], "bt-badge bt-review-" + get("review"));
        badge.title = get("review_summary");
        status.appendChild(badge);
      }
      var words = element("td", "bt-pv", data.provenance[get("provenance")] || get("provenance"));
      var tests = element("td", "bt-num");
      if (get("tests")) {
        // The counts of the provision's own page and of `billtrace coverage`: all its tests, then which run its rules.
        var failing = get("tests") - get("passing"), running = get("running"), marked = get("tests") - running;
        tests.appendChild(link(href, get("tests") + (failing ? ", " + failing + " not passing" : "") +
          (running && marked ? " (" + running + " run its rules, " + marked + " only marked for it)" : "")));
      }
      var why = element("td");
      get("rules").forEach(function (index, position) {
        if (position) { why.appendChild(element("br")); }
        var rule = link(data.rules[index][1]);
        rule.appendChild(element("code", "", data.rules[index][0]));
        why.appendChild(rule);
      });
      if (get("covered")) { why.appendChild(element("span", "bt-how", "covered by " + get("covered"))); }
      var note = data.notes[get("note")];
      if (note) {
        if (why.childNodes.length) { why.appendChild(element("br")); }
        why.appendChild(document.createTextNode(note));
      }
      if (get("stale")) {
        why.appendChild(element("br"));
        why.appendChild(element("span", "bt-review-summary", get("review_summary")));
        if (get("review_diff").length) {
          why.appendChild(element("br"));
          var diff = element("span", "bt-review-diff");
          get("review_diff").forEach(function (change, index) {
            if (index) { diff.appendChild(document.createTextNode(" ")); }
            if (change[0] === "equal") { diff.appendChild(document.createTextNode(change[1])); return; }
            if (change[1]) { diff.appendChild(element("del", "", change[1])); }
            if (change[1] && change[2]) { diff.appendChild(document.createTextNode(" ")); }
            if (change[2]) { diff.appendChild(element("ins", "", change[2])); }
          });
          why.appendChild(diff);
        }
      }
      [name, status, words, tests, why].forEach(function (cell) { row.appendChild(cell); });
      rows.appendChild(row);
    });
    body.appendChild(rows);
    table.setAttribute("data-drawn", String(data.rows.length));
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
  }
  function setUpFilter() {
    var buttons = document.querySelectorAll(".bt-filter-button");
    if (!buttons.length) { return; }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var wanted = button.getAttribute("data-filter");
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
        document.querySelectorAll("table.bt-matrix tbody tr").forEach(function (row) {
          var shown = wanted === "all" || row.getAttribute("data-status") === wanted ||
            (wanted === "stale" && row.hasAttribute("data-stale")) ||
            (wanted.indexOf("prov-") === 0 && row.getAttribute("data-prov") === wanted.slice(5));
          row.hidden = !shown;
        });
      });
    });
  }
  /* A tooltip is set as a title (plain text) when the reader points at the link: a defined term's
     from terms.js, an internal citation's (its target's label, and where its words come from)
     from ids.js, loaded the first time one is pointed at. */
  function termTip(link) {
    var href = link.getAttribute("href") || "";
    var terms = (window.billtraceTerms || {})[href.split("#")[1]];
    if (!terms || href.indexOf("#") < 0) { return null; }
    var words = link.textContent.toLowerCase();
    for (var i = 0; i < terms.length; i += 1) {
      for (var j = 1; j < terms[i].length; j += 1) {
        if (terms[i][j].toLowerCase() === words) { return terms[i][0]; }
      }
    }
    return terms[0][0];
  }
  function giveTooltip(event) {
    var link = event.target.closest ? event.target.closest(".bt-p p:is([id], [data-p], .bt-flush) a[href]") : null;
    if (!link || link.hasAttribute("title") || link.classList.contains("bt-x")) { return; }
    if (!link.classList.contains("bt-c")) {  /* a defined term: a link with no class, in the words */
      var tip = termTip(link);
      if (typeof tip === "string") { link.title = tip; }
      return;
    }
    var href = link.getAttribute("href") || "";
    if (href.indexOf("#") < 0) { link.title = "this Act: the bill itself"; return; }
    loadIds(function () {
      var entry = folded[href.split("#")[1].toLowerCase()];
      if (entry && !link.hasAttribute("title")) { link.title = entry[2] + (entry[4] ? " (" + entry[4] + ")" : ""); }
    });
  }
  /* Search by citation: "sec. 4(e)(2)", "4(e)(2)", "S4_E_2" put that provision first in the results. */
  var CITATION = /^\s*(?:(?:sec(?:tion)?s?\.?|\u00a7+|s\.)\s*)?(\d+[A-Za-z]?)((?:\s*\(\s*[A-Za-z0-9]+\s*\))*)\s*\.?\s*$/i;
  var ID = /^[A-Za-z]+\d*[A-Za-z]?(?:_[A-Za-z0-9]+)*$/;
  var base = (document.currentScript && document.currentScript.src || "").replace(/assets\/billtrace\.js.*$/, "");
  var folded = null;
  function candidate(query) {
    var match = CITATION.exec(query);
    if (match) { return ["s" + match[1]].concat(match[2].match(/[A-Za-z0-9]+/g) || []).join("_"); }
    query = query.trim();
    return ID.test(query) ? query : null;
  }
  function loadIds(then) {
    if (folded) { then(); return; }
    if (window.billtraceIds) {
      folded = {};
      window.billtraceIds.forEach(function (entry) { folded[entry[0].toLowerCase()] = entry; });
      then();
      return;
    }
    var script = document.createElement("script");
    script.src = base + "assets/ids.js";
    script.onload = function () { loadIds(then); };
    document.head.appendChild(script);
  }
  function citedResult(query) {
    var id = candidate(query);
    var entry = id && folded ? folded[id.toLowerCase()] : null;
    if (!entry) { return null; }
    var item = document.createElement("li");
    item.className = "md-search-result__item bt-cited";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = entry[1] + ".html#" + entry[0];
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = entry[2] + (entry[3] ? " \u2014 " + entry[3] : "");
    var note = document.createElement("p");
    note.textContent = "Provision " + entry[0] + (entry[4] ? " \u00b7 words: " + entry[4] : "");
    article.appendChild(title);
    article.appendChild(note);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }
  function setUpSearch() {
    var input = document.querySelector("input.md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) { return; }
    function place() {
      var old = list.querySelector("li.bt-cited");
      var item = citedResult(input.value);
      if (old && item && old.firstChild.getAttribute("href") === item.firstChild.getAttribute("href")
          && list.firstChild === old) { return; }
      if (old) { old.remove(); }
      if (item) { list.insertBefore(item, list.firstChild); }
    }
    input.addEventListener("focus", function () { loadIds(place); });
    input.addEventListener("input", function () { loadIds(place); });
    new MutationObserver(place).observe(list, { childList: true });
  }
  function setUp() {
    drawMatrix();
    setUpFilter();
    setUpSearch();
    document.addEventListener("mouseover", giveTooltip);
    document.addEventListener("focusin", giveTooltip);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
