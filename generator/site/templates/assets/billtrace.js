/* billtrace: filter the matrix by status, or to the rows whose words changed since review. Runs without network access or other scripts. */
(function () {
  "use strict";
  function setUp() {
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
            (wanted === "stale" && row.hasAttribute("data-stale"));
          row.hidden = !shown;
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
