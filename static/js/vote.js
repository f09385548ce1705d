/* The participant's ballot on a phone, one proposal per screen: a progress indicator, previous/next (or skip for now),
   a row of numbered buttons to come back to any proposal, and a review of every score before sending. Without
   JavaScript the form shows every proposal on one page and the browser's own "required" check stops an incomplete
   ballot. */
(function () {
  "use strict";

  var local = window.localDigits || String;  // static/js/digits.js: the language's own digits, where it has them

  var form = document.querySelector("[data-ballot]");
  if (!form) { return; }
  var progress = form.querySelector("[data-ballot-progress]");
  var groups = form.querySelectorAll("[data-ballot-criterion]");
  var proposals = Array.prototype.slice.call(form.querySelectorAll("[data-ballot-proposal]"));
  var steps = form.querySelector("[data-ballot-steps]");
  var count = form.querySelector("[data-step-count]");
  var bar = form.querySelector("[data-step-progress]");
  var dots = form.querySelector("[data-step-dots]");
  var nav = form.querySelector("[data-step-nav]");
  var prev = form.querySelector("[data-step-prev]");
  var next = form.querySelector("[data-step-next]");
  var review = form.querySelector("[data-ballot-review]");
  var reviewList = form.querySelector("[data-review-list]");
  var missing = form.querySelector("[data-review-missing]");
  var send = form.querySelector("[data-ballot-send]");
  var current = 0; // 0 … proposals.length - 1, then proposals.length for the review
  var backToReview = false; // a proposal opened from the review leads back to it

  function complete(proposal) {
    return proposal.querySelectorAll("[data-ballot-criterion]").length ===
      proposal.querySelectorAll("[data-ballot-criterion] input:checked").length;
  }

  function title(proposal) { return proposal.querySelector("[data-proposal-title]").textContent; }

  function drawReview() {
    reviewList.replaceChildren();
    proposals.forEach(function (proposal, index) {
      var item = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = title(proposal);
      item.appendChild(name);
      var scores = document.createElement("span");
      scores.className = "review-scores";
      if (complete(proposal)) {
        scores.textContent = Array.prototype.map.call(proposal.querySelectorAll("[data-ballot-criterion]"), function (group) {
          return group.dataset.criterionName + " " + group.querySelector("input:checked").value;
        }).join(" · ");
      } else {
        scores.textContent = reviewList.dataset.unscored;
        item.classList.add("is-missing");
      }
      item.appendChild(scores);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "outline";
      button.textContent = complete(proposal) ? reviewList.dataset.change : reviewList.dataset.score;
      button.setAttribute("aria-label", button.textContent + " · " + title(proposal));
      button.addEventListener("click", function () { backToReview = true; show(index, true); });
      item.appendChild(button);
      reviewList.appendChild(item);
    });
    var incomplete = proposals.some(function (proposal) { return !complete(proposal); });
    missing.hidden = !incomplete;
    send.hidden = incomplete;
  }

  function update() {
    var done = 0;
    groups.forEach(function (group) { if (group.querySelector("input:checked")) { done += 1; } });
    var full = 0;
    proposals.forEach(function (proposal, index) {
      var isComplete = complete(proposal);
      if (isComplete) { full += 1; }
      proposal.classList.toggle("is-complete", isComplete);
      var dot = dots.children[index];
      if (dot) { dot.firstChild.classList.toggle("is-complete", isComplete); }
    });
    if (progress) {
      progress.textContent = progress.dataset.template
        .replace("%(done)s", local(done)).replace("%(total)s", local(groups.length));
    }
    bar.value = full;
    if (current < proposals.length) {
      next.textContent = current === proposals.length - 1 || backToReview ? next.dataset.review
        : (complete(proposals[current]) ? next.dataset.next : next.dataset.skip);
    } else {
      drawReview();
    }
  }

  function show(index, focus) {
    current = index;
    if (index === proposals.length) { backToReview = false; }
    proposals.forEach(function (proposal, i) { proposal.hidden = i !== index; });
    var reviewing = index === proposals.length;
    review.hidden = !reviewing;
    nav.hidden = false;
    next.hidden = reviewing;
    prev.disabled = index === 0;
    send.hidden = !reviewing;
    count.textContent = reviewing ? count.dataset.review
      : count.dataset.template.replace("%(number)s", local(index + 1)).replace("%(total)s", local(proposals.length));
    Array.prototype.forEach.call(dots.children, function (dot, i) {
      if (i === index) { dot.firstChild.setAttribute("aria-current", "step"); } else { dot.firstChild.removeAttribute("aria-current"); }
    });
    update();
    if (focus) {
      window.scrollTo(0, 0);
      (reviewing ? review : proposals[index]).focus({ preventScroll: true });
    }
  }

  // One screen per proposal: the browser's "required" check cannot reach hidden fields, the review says what is missing.
  form.noValidate = true;
  proposals.forEach(function (proposal, index) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = local(index + 1);
    button.setAttribute("aria-label", title(proposal));
    button.addEventListener("click", function () { show(index, true); });
    item.appendChild(button);
    dots.appendChild(item);
  });
  prev.addEventListener("click", function () { show(Math.max(0, current - 1), true); });
  next.addEventListener("click", function () {
    show(backToReview ? proposals.length : Math.min(proposals.length, current + 1), true);
  });
  form.addEventListener("submit", function (event) {
    if (proposals.some(function (proposal) { return !complete(proposal); })) {
      event.preventDefault();
      event.stopImmediatePropagation();
      show(proposals.length, true);
    }
  });
  form.addEventListener("change", update);
  function resume(focus) {
    var firstMissing = proposals.findIndex(function (proposal) { return !complete(proposal); });
    var hasErrors = document.querySelector(".form-error-summary[role=alert]");
    // A ballot scored in full (one being changed) opens on its review; otherwise on the first proposal to score.
    show(firstMissing === -1 ? proposals.length : (hasErrors || focus ? firstMissing : 0), focus);
  }
  form.addEventListener("ballot:restored", function () { resume(true); });
  steps.hidden = false;
  form.classList.add("is-stepped");
  resume(false);
})();
