/* A report's page: polls the report's API every second and moves the progress bar, then shows the download link
   (or the failure and its "try again" button). Everything it needs is in the data attributes of #report-progress. */
(function () {
  "use strict";

  var local = window.localDigits || String;  // static/js/digits.js: the language's own digits, where it has them

  var root = document.getElementById("report-progress");
  if (!root || !window.fetch) { return; }
  var bar = root.querySelector("progress");
  var text = root.querySelector("[data-role=status-text]");
  var done = root.querySelector("[data-role=done]");
  var failed = root.querySelector("[data-role=failed]");
  var link = root.querySelector("[data-role=download]");
  var details = root.querySelector("[data-role=details]");
  var interval = 1000;
  var errors = 0;

  function show(report) {
    bar.value = report.progress;
    bar.textContent = local(report.progress) + " %";
    if (root.dataset.status !== report.status) {
      root.dataset.status = report.status;
      text.textContent = root.dataset["text" + report.status.charAt(0).toUpperCase() + report.status.slice(1)] || "";
    }
    if (report.status === "done" && report.file_url) {
      link.href = report.file_url;
      if (details && report.pages) {
        details.textContent = root.dataset.textPages + " " + local(report.pages) + " · " + local((report.size / 1e6).toFixed(1)) + " MB";
      }
      done.hidden = false;
    }
    failed.hidden = report.status !== "failed";
  }

  function finished() {
    return root.dataset.status === "done" || root.dataset.status === "failed";
  }

  function poll() {
    fetch(root.dataset.apiUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (report) {
        errors = 0;
        show(report);
        if (!finished()) { window.setTimeout(poll, interval); }
      })
      .catch(function () {
        // A dropped connection or a restarting server: keep trying, less and less often, for a while.
        errors += 1;
        if (errors < 30) { window.setTimeout(poll, interval * Math.min(errors + 1, 10)); }
      });
  }

  if (!finished()) { window.setTimeout(poll, interval); }
})();
