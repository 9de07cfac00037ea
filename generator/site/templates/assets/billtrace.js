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
  function setUp() {
    setUpFilter();
    document.addEventListener("mouseover", giveTooltip);
    document.addEventListener("focusin", giveTooltip);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
