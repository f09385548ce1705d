/* The ballot survives the venue's Wi-Fi: scores are kept in the phone's storage as they are given, a sent ballot waits
   there (with its idempotency key) until the server has answered, and is sent again by itself when the connection
   returns. The page says in words whether the ballot has reached the server. A service worker keeps the vote's pages
   so that a reload without connection still shows them. */
(function () {
  "use strict";

  var state = document.querySelector("[data-ballot-state]");
  var form = document.querySelector("[data-ballot]");
  var root = form || document.querySelector("[data-ballot-store]");
  if (!root || !state || !window.fetch || !window.localStorage) { return; }
  var store = root.dataset.ballotStore;
  var draftKey = store + ":draft";
  var pendingKey = store + ":pending";
  var RETRY_EVERY = 5000;
  var timer = null;
  var sending = false;
  var kept = {}; // the same, in memory, where the browser refuses storage (some private modes)

  if ("serviceWorker" in navigator && root.dataset.serviceWorker) {
    navigator.serviceWorker.register(root.dataset.serviceWorker).catch(function () { /* the page works without */ });
  }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)) || kept[key] || null; } catch (error) { return kept[key] || null; }
  }

  function write(key, value) {
    kept[key] = value;
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* kept in memory only */ }
  }

  function forget(key) {
    delete kept[key];
    try { localStorage.removeItem(key); } catch (error) { /* nothing was stored */ }
  }

  function say(status, detail) {
    state.dataset.status = status;
    state.textContent = state.dataset[status] + (detail ? " " + detail : "");
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function later() {
    if (!timer) { timer = window.setTimeout(function () { timer = null; flush(); }, RETRY_EVERY); }
  }

  function firstError(data) {
    var messages = [];
    Object.keys((data && data.errors) || {}).forEach(function (field) {
      data.errors[field].forEach(function (error) { messages.push(error.message || error); });
    });
    return messages.slice(0, 3).join(" ");
  }

  /* Send the waiting ballot; keep it on a lost connection or a server error, drop it once answered. */
  function flush() {
    var pending = read(pendingKey);
    if (!pending || sending) { return; }
    sending = true;
    say(navigator.onLine === false ? "waiting" : "sending");
    var body = new URLSearchParams();
    pending.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    fetch(pending.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) {
          forget(pendingKey);
          forget(draftKey);
          say("sent", data.message ? "(" + data.message + ")" : "");
          window.setTimeout(function () { window.location.assign(pending.url); }, 800);
        } else if (response.status >= 500) {
          throw new Error(String(response.status));
        } else {
          forget(pendingKey); // refused for good (vote closed, invalid): sending again cannot help
          say("refused", firstError(data) || String(response.status));
        }
      });
    }).catch(function () {
      say("waiting");
      later();
    }).then(function () { sending = false; });
  }

  if (form) {
    var draft = read(draftKey);
    if (draft) {
      Object.keys(draft).forEach(function (name) {
        var input = form.querySelector('input[type=radio][name="' + name + '"][value="' + draft[name] + '"]');
        if (input) { input.checked = true; }
      });
      form.dispatchEvent(new CustomEvent("ballot:restored"));
    }
    form.addEventListener("change", function () {
      var scores = {};
      form.querySelectorAll("input[type=radio]:checked").forEach(function (input) { scores[input.name] = input.value; });
      write(draftKey, scores);
      if (!read(pendingKey)) { say("draft"); }
    });
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }
      event.preventDefault();
      // A new key for each version of the ballot: a retry of this one counts once, a later change replaces it.
      form.querySelector("[data-ballot-key]").value = newKey();
      var fields = [];
      new FormData(form).forEach(function (value, name) { fields.push([name, value]); });
      write(pendingKey, { url: form.action, fields: fields });
      flush();
    });
  }
  window.addEventListener("online", flush);
  if (read(pendingKey)) { flush(); } else if (form && read(draftKey)) { say("draft"); }
})();
