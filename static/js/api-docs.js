// The API reference: Swagger UI draws its operations after load; this names and labels what it draws so that a
// screen reader and a keyboard user can use them (scrollable examples focusable, tables and selects labelled).
(function () {
  "use strict";

  function label(root) {
    root.querySelectorAll("pre:not([tabindex])").forEach(function (pre) {
      pre.setAttribute("tabindex", "0");
    });
    root.querySelectorAll("table.responses-table[role=region]:not([aria-label])").forEach(function (table) {
      var operation = table.closest(".opblock");
      var summary = operation && operation.querySelector(".opblock-summary-path");
      table.setAttribute("aria-label", "Responses" + (summary ? " of " + summary.textContent.trim() : ""));
    });
    root.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach(function (select) {
      select.setAttribute("aria-label", select.closest("tr").getAttribute("data-param-name"));
    });
    // The examples of an operation (request or response) are chosen in a select Swagger leaves unnamed.
    root.querySelectorAll("select.examples-select-element:not([aria-label])").forEach(function (select) {
      select.setAttribute("aria-label", "Examples");
    });
  }

  var target = document.getElementById("swagger-ui");
  if (!target) {
    return;
  }
  new MutationObserver(function () {
    label(target);
  }).observe(target, { childList: true, subtree: true });
})();
