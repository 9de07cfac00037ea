/* billtrace: filter the matrix (by status, words changed since review, or provenance) and give each
   defined term its tooltip. Runs without network access; a tooltip is set as a title, plain text. */
(function () {
  "use strict";
  function setUpFilter() {
    var buttons = document.querySelectorAll(".bt-filter-button");
    var rows = document.querySelectorAll("table.bt-matrix tbody tr");
    if (!buttons.length) { return; }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var wanted = button.getAttribute("data-filter");
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
        rows.forEach(function (row) {
          var shown = wanted === "all" || row.getAttribute("data-status") === wanted ||
            (wanted === "stale" && row.hasAttribute("data-stale")) ||
            (wanted.indexOf("prov-") === 0 && row.getAttribute("data-prov") === wanted.slice(5));
          row.hidden = !shown;
        });
      });
    });
  }
  function giveTooltip(event) {
    var term = event.target.closest ? event.target.closest("a.bt-term[data-tip]") : null;
    var tips = window.billtraceTerms || [];
    if (term && !term.hasAttribute("title")) {
      var tip = tips[Number(term.getAttribute("data-tip"))];
      if (typeof tip === "string") { term.title = tip; }
    }
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
