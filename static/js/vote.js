/* The participant's ballot: counts the scores given so far and marks each proposal once fully scored. The form works
   without it; the browser's own "required" check stops an incomplete ballot. */
(function () {
  "use strict";

  var form = document.querySelector("[data-ballot]");
  if (!form) { return; }
  var progress = form.querySelector("[data-ballot-progress]");
  var groups = form.querySelectorAll("[data-ballot-criterion]");

  function update() {
    var done = 0;
    groups.forEach(function (group) { if (group.querySelector("input:checked")) { done += 1; } });
    form.querySelectorAll("[data-ballot-proposal]").forEach(function (proposal) {
      var criteria = proposal.querySelectorAll("[data-ballot-criterion]");
      var scored = proposal.querySelectorAll("[data-ballot-criterion] input:checked").length;
      proposal.classList.toggle("is-complete", scored === criteria.length);
    });
    if (progress) {
      progress.textContent = progress.dataset.template
        .replace("%(done)s", done).replace("%(total)s", groups.length);
    }
  }

  form.addEventListener("change", update);
  update();
})();
