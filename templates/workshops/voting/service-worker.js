/* Keeps the workshop vote's pages on the phone for the session: every page of the vote is fetched from the network
   first and kept; when the venue's connection drops, the last copy is shown instead, so a reload does not lose the
   ballot (the ballot itself waits in the page's storage until it is sent). Ballots (POST) always go to the network. */
"use strict";

var CACHE = "{{ cache_name }}";
var ASSETS = {{ assets|safe }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("lfc-vote-") === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }).then(function () {
    // The page that installed the worker was fetched before it: keep it too, for a reload without connection.
    return self.clients.matchAll({ type: "window" }).then(function (windows) {
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(windows.map(function (client) { return cache.add(client.url).catch(function () {}); }));
      });
    });
  }));
});

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (cached) { return cached || Promise.reject(new Error("offline")); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  var path = new URL(request.url).pathname;
  if (request.mode === "navigate" || ASSETS.indexOf(path) !== -1) {
    event.respondWith(networkFirst(request));
  }
});
