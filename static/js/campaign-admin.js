// Campaign admin: show how many subscribers the chosen topics and languages reach, updated on every change.
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  ready(function () {
    var box = document.getElementById("campaign-recipient-count");
    var form = box && box.closest("form");
    if (!box || !form) {
      return;
    }
    var output = box.querySelector("[data-count]");
    var pending = null;

    function refresh() {
      var params = new URLSearchParams();
      form.querySelectorAll('input[name="topics"]:checked, input[name="languages"]:checked').forEach(function (input) {
        params.append(input.name, input.value);
      });
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(box.dataset.url + "?" + params.toString(), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: pending.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (data) {
          output.textContent = data.count.toLocaleString(document.documentElement.lang || undefined);
        })
        .catch(function (error) {
          if (!error || error.name !== "AbortError") {
            output.textContent = "?";
          }
        });
    }

    form.addEventListener("change", function (event) {
      if (event.target.name === "topics" || event.target.name === "languages") {
        refresh();
      }
    });
    refresh();
  });
})();
