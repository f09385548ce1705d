/* Live ranking of a workshop vote: polls the JSON address given by data-ranking-url and redraws the table, the count of
   ballots received and of phones still to send, and the vote's status, without reloading the page. Stops once the
   vote is closed (the ranking is frozen). */
(function () {
  "use strict";

  var root = document.querySelector("[data-ranking-url]");
  if (!root || !window.fetch) { return; }
  var url = root.dataset.rankingUrl;
  var every = parseInt(root.dataset.rankingRefresh, 10) || 3000;
  var rows = root.querySelector("[data-ranking-rows]");
  var timer = null;
  var local = window.localDigits || String;  // static/js/digits.js: the language's own digits, where it has them

  function cell(tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = local(text);
    if (className) { element.className = className; }
    return element;
  }

  function draw(data) {
    root.querySelectorAll("[data-ranking-ballots]").forEach(function (el) { el.textContent = local(data.ballots); });
    root.querySelectorAll("[data-ranking-waiting]").forEach(function (el) { el.textContent = local(data.waiting); });
    root.querySelectorAll("[data-ranking-status]").forEach(function (el) {
      el.textContent = data.vote_label;
      el.className = "vote-pill vote-pill-" + data.vote;
    });
    if (!rows) { return; }
    var fragment = document.createDocumentFragment();
    data.ranking.forEach(function (item) {
      var tr = document.createElement("tr");
      tr.appendChild(cell("td", item.rank));
      var title = cell("th", item.proposal);
      title.scope = "row";
      if (item.tie_break) { title.appendChild(cell("small", item.tie_break, "tie-break")); }
      tr.appendChild(title);
      tr.appendChild(cell("td", item.score, "num score"));
      tr.appendChild(cell("td", item.ballots, "num"));
      item.means.forEach(function (mean) { tr.appendChild(cell("td", mean, "num")); });
      fragment.appendChild(tr);
    });
    rows.replaceChildren(fragment);
  }

  function poll() {
    timer = null;
    if (document.hidden) { schedule(); return; }
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) {
        draw(data);
        if (data.vote !== "closed") { schedule(); }
      })
      .catch(schedule); // a lost connection in the room: try again at the next tick
  }

  function schedule() {
    if (!timer) { timer = window.setTimeout(poll, every); }
  }

  schedule();
})();
